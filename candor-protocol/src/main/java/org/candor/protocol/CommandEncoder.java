package org.candor.protocol;

import org.agrona.MutableDirectBuffer;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.protocol.sbe.AddWithdrawalAddressCommandEncoder;
import org.candor.protocol.sbe.ApproveHoldCommandEncoder;
import org.candor.protocol.sbe.ApproveMassActionCommandEncoder;
import org.candor.protocol.sbe.ApprovePolicyChangeCommandEncoder;
import org.candor.protocol.sbe.ApproveWithdrawalCommandEncoder;
import org.candor.protocol.sbe.CancelAllOrdersCommandEncoder;
import org.candor.protocol.sbe.CancelOrderCommandEncoder;
import org.candor.protocol.sbe.CancelWithdrawalCommandEncoder;
import org.candor.protocol.sbe.ClaimWithdrawalCommandEncoder;
import org.candor.protocol.sbe.CompleteWithdrawalCommandEncoder;
import org.candor.protocol.sbe.CreateAssetCommandEncoder;
import org.candor.protocol.sbe.CreateMarketCommandEncoder;
import org.candor.protocol.sbe.CreateUserCommandEncoder;
import org.candor.protocol.sbe.DepositCommandEncoder;
import org.candor.protocol.sbe.FailWithdrawalCommandEncoder;
import org.candor.protocol.sbe.MarkWithdrawalBroadcastCommandEncoder;
import org.candor.protocol.sbe.MessageHeaderEncoder;
import org.candor.protocol.sbe.MoveOrderCommandEncoder;
import org.candor.protocol.sbe.PauseWithdrawalsCommandEncoder;
import org.candor.protocol.sbe.PlaceHoldCommandEncoder;
import org.candor.protocol.sbe.PlaceOrderCommandEncoder;
import org.candor.protocol.sbe.ProposeMassActionCommandEncoder;
import org.candor.protocol.sbe.ReduceOrderCommandEncoder;
import org.candor.protocol.sbe.RejectHoldCommandEncoder;
import org.candor.protocol.sbe.RejectWithdrawalCommandEncoder;
import org.candor.protocol.sbe.ReleaseHoldCommandEncoder;
import org.candor.protocol.sbe.RemoveWithdrawalAddressCommandEncoder;
import org.candor.protocol.sbe.RenewHoldCommandEncoder;
import org.candor.protocol.sbe.RequestWithdrawalCommandEncoder;
import org.candor.protocol.sbe.ResumeWithdrawalsCommandEncoder;
import org.candor.protocol.sbe.SetBlastRadiusPolicyCommandEncoder;
import org.candor.protocol.sbe.SetHoldApprovalThresholdCommandEncoder;
import org.candor.protocol.sbe.SetMarketStatusCommandEncoder;
import org.candor.protocol.sbe.SetWithdrawalPolicyCommandEncoder;

/**
 * Writes engine commands as SBE messages. Each method mirrors the {@link org.candor.engine.Engine} command of the
 * same name and arguments, writes header and body at {@code offset} of {@code buffer}, and returns the number of
 * bytes written. Nothing is allocated: the flyweights are reused, so one encoder belongs to one thread.
 *
 * <p>Enums travel as their engine codes (null as 255, which decodes back to null). A string that the fixed-length
 * ASCII fields cannot carry faithfully throws {@link ProtocolException}; the engine would reject it anyway.
 */
public final class CommandEncoder {
    /** Bytes of the largest command message; a buffer of this size holds any command. */
    public static final int MAX_COMMAND_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH
        + Math.max(CreateMarketCommandEncoder.BLOCK_LENGTH, Math.max(PlaceHoldCommandEncoder.BLOCK_LENGTH,
        Math.max(RenewHoldCommandEncoder.BLOCK_LENGTH, ProposeMassActionCommandEncoder.BLOCK_LENGTH)));

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CreateAssetCommandEncoder createAsset = new CreateAssetCommandEncoder();
    private final CreateMarketCommandEncoder createMarket = new CreateMarketCommandEncoder();
    private final SetMarketStatusCommandEncoder setMarketStatus = new SetMarketStatusCommandEncoder();
    private final CreateUserCommandEncoder createUser = new CreateUserCommandEncoder();
    private final DepositCommandEncoder deposit = new DepositCommandEncoder();
    private final RequestWithdrawalCommandEncoder requestWithdrawal = new RequestWithdrawalCommandEncoder();
    private final CompleteWithdrawalCommandEncoder completeWithdrawal = new CompleteWithdrawalCommandEncoder();
    private final FailWithdrawalCommandEncoder failWithdrawal = new FailWithdrawalCommandEncoder();
    private final CancelWithdrawalCommandEncoder cancelWithdrawal = new CancelWithdrawalCommandEncoder();
    private final PlaceHoldCommandEncoder placeHold = new PlaceHoldCommandEncoder();
    private final ReleaseHoldCommandEncoder releaseHold = new ReleaseHoldCommandEncoder();
    private final PlaceOrderCommandEncoder placeOrder = new PlaceOrderCommandEncoder();
    private final CancelOrderCommandEncoder cancelOrder = new CancelOrderCommandEncoder();
    private final CancelAllOrdersCommandEncoder cancelAllOrders = new CancelAllOrdersCommandEncoder();
    private final ReduceOrderCommandEncoder reduceOrder = new ReduceOrderCommandEncoder();
    private final MoveOrderCommandEncoder moveOrder = new MoveOrderCommandEncoder();
    private final ApproveHoldCommandEncoder approveHold = new ApproveHoldCommandEncoder();
    private final RejectHoldCommandEncoder rejectHold = new RejectHoldCommandEncoder();
    private final RenewHoldCommandEncoder renewHold = new RenewHoldCommandEncoder();
    private final SetHoldApprovalThresholdCommandEncoder setHoldApprovalThreshold =
        new SetHoldApprovalThresholdCommandEncoder();
    private final SetBlastRadiusPolicyCommandEncoder setBlastRadiusPolicy = new SetBlastRadiusPolicyCommandEncoder();
    private final ProposeMassActionCommandEncoder proposeMassAction = new ProposeMassActionCommandEncoder();
    private final ApproveMassActionCommandEncoder approveMassAction = new ApproveMassActionCommandEncoder();
    private final ApproveWithdrawalCommandEncoder approveWithdrawal = new ApproveWithdrawalCommandEncoder();
    private final RejectWithdrawalCommandEncoder rejectWithdrawal = new RejectWithdrawalCommandEncoder();
    private final ClaimWithdrawalCommandEncoder claimWithdrawal = new ClaimWithdrawalCommandEncoder();
    private final MarkWithdrawalBroadcastCommandEncoder markWithdrawalBroadcast =
        new MarkWithdrawalBroadcastCommandEncoder();
    private final AddWithdrawalAddressCommandEncoder addWithdrawalAddress = new AddWithdrawalAddressCommandEncoder();
    private final RemoveWithdrawalAddressCommandEncoder removeWithdrawalAddress =
        new RemoveWithdrawalAddressCommandEncoder();
    private final SetWithdrawalPolicyCommandEncoder setWithdrawalPolicy = new SetWithdrawalPolicyCommandEncoder();
    private final PauseWithdrawalsCommandEncoder pauseWithdrawals = new PauseWithdrawalsCommandEncoder();
    private final ResumeWithdrawalsCommandEncoder resumeWithdrawals = new ResumeWithdrawalsCommandEncoder();
    private final ApprovePolicyChangeCommandEncoder approvePolicyChange = new ApprovePolicyChangeCommandEncoder();

    public int createAsset(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int assetId, final String code, final int scale) {
        final String wireCode = Codes.ascii("code", code, CreateAssetCommandEncoder.codeLength());
        createAsset.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .assetId(assetId).code(wireCode).scale(scale);
        return MessageHeaderEncoder.ENCODED_LENGTH + createAsset.encodedLength();
    }

    public int createMarket(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int marketId, final String symbol,
        final int baseAssetId, final int quoteAssetId, final long tickSize, final long lotSize,
        final long minQuantity, final long maxQuantity, final long minNotional, final int makerFeeBps,
        final int takerFeeBps) {
        final String wireSymbol = Codes.ascii("symbol", symbol, CreateMarketCommandEncoder.symbolLength());
        createMarket.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .marketId(marketId).symbol(wireSymbol).baseAssetId(baseAssetId).quoteAssetId(quoteAssetId)
            .tickSize(tickSize).lotSize(lotSize).minQuantity(minQuantity).maxQuantity(maxQuantity)
            .minNotional(minNotional).makerFeeBps(makerFeeBps).takerFeeBps(takerFeeBps);
        return MessageHeaderEncoder.ENCODED_LENGTH + createMarket.encodedLength();
    }

    public int setMarketStatus(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int marketId, final MarketStatus status) {
        setMarketStatus.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .marketId(marketId).status(Codes.of(status));
        return MessageHeaderEncoder.ENCODED_LENGTH + setMarketStatus.encodedLength();
    }

    public int createUser(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId) {
        createUser.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId);
        return MessageHeaderEncoder.ENCODED_LENGTH + createUser.encodedLength();
    }

    public int deposit(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int assetId, final long amount,
        final long depositRef) {
        deposit.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).assetId(assetId).amount(amount).depositRef(depositRef);
        return MessageHeaderEncoder.ENCODED_LENGTH + deposit.encodedLength();
    }

    public int requestWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int assetId, final long amount,
        final long addressId) {
        requestWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).assetId(assetId).amount(amount).addressId(addressId);
        return MessageHeaderEncoder.ENCODED_LENGTH + requestWithdrawal.encodedLength();
    }

    public int completeWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long withdrawalId) {
        completeWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .withdrawalId(withdrawalId);
        return MessageHeaderEncoder.ENCODED_LENGTH + completeWithdrawal.encodedLength();
    }

    public int failWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long withdrawalId, final WithdrawalFailure reason) {
        failWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .withdrawalId(withdrawalId).reason(Codes.of(reason));
        return MessageHeaderEncoder.ENCODED_LENGTH + failWithdrawal.encodedLength();
    }

    public int cancelWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final long withdrawalId) {
        cancelWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).withdrawalId(withdrawalId);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelWithdrawal.encodedLength();
    }

    public int placeHold(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int assetId, final long amount,
        final HoldKind kind, final HoldReason reason, final String explanation, final long operatorId,
        final long reviewDeadlineMs, final ReleaseCondition releaseCondition, final long ticketRef,
        final long massActionId) {
        final String text = Texts.check("explanation", explanation);
        placeHold.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).assetId(assetId).amount(amount).reason(Codes.of(reason)).operatorId(operatorId)
            .kind(Codes.of(kind)).explanation(text).reviewDeadlineMs(reviewDeadlineMs)
            .releaseCondition(Codes.of(releaseCondition)).ticketRef(ticketRef).massActionId(massActionId);
        return MessageHeaderEncoder.ENCODED_LENGTH + placeHold.encodedLength();
    }

    public int approveHold(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long holdId, final long operatorId) {
        approveHold.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).holdId(holdId).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + approveHold.encodedLength();
    }

    public int rejectHold(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long holdId, final long operatorId,
        final String justification) {
        final String text = Texts.check("justification", justification);
        rejectHold.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).holdId(holdId).operatorId(operatorId)
            .justification(text);
        return MessageHeaderEncoder.ENCODED_LENGTH + rejectHold.encodedLength();
    }

    public int renewHold(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long holdId, final long operatorId,
        final long newReviewDeadlineMs, final String justification) {
        final String text = Texts.check("justification", justification);
        renewHold.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).holdId(holdId).operatorId(operatorId)
            .newReviewDeadlineMs(newReviewDeadlineMs).justification(text);
        return MessageHeaderEncoder.ENCODED_LENGTH + renewHold.encodedLength();
    }

    public int setHoldApprovalThreshold(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int assetId, final long thresholdAmount,
        final long operatorId) {
        setHoldApprovalThreshold.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).assetId(assetId)
            .thresholdAmount(thresholdAmount).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + setHoldApprovalThreshold.encodedLength();
    }

    public int setBlastRadiusPolicy(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        setBlastRadiusPolicy.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).accountsMax(accountsMax)
            .shareBpsMax(shareBpsMax).windowMs(windowMs).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + setBlastRadiusPolicy.encodedLength();
    }

    public int proposeMassAction(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        final String text = Texts.check("justification", justification);
        proposeMassAction.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).actionId(actionId)
            .operatorId(operatorId).accountsMax(accountsMax).justification(text);
        return MessageHeaderEncoder.ENCODED_LENGTH + proposeMassAction.encodedLength();
    }

    public int approveMassAction(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long actionId, final long operatorId) {
        approveMassAction.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).actionId(actionId)
            .operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + approveMassAction.encodedLength();
    }

    public int releaseHold(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long holdId, final long operatorId) {
        releaseHold.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .holdId(holdId).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + releaseHold.encodedLength();
    }

    public int placeOrder(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int marketId, final Side side,
        final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        return placeOrder(buffer, offset, clientId, commandId, timestampMs, userId, marketId, side, type, timeInForce,
            price, quantity, quoteBudget, clientOrderId, stpMode, null);
    }

    /** An order with its client order id as the client wrote it ({@code label}; null or empty for none). */
    public int placeOrder(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int marketId, final Side side,
        final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode, final CharSequence label) {
        placeOrder.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).marketId(marketId).side(Codes.of(side)).orderType(Codes.of(type))
            .timeInForce(Codes.of(timeInForce)).price(price).quantity(quantity).quoteBudget(quoteBudget)
            .clientOrderId(clientOrderId).stpMode(Codes.of(stpMode)).clientOrderLabel(
                Codes.asciiChars("clientOrderLabel", label, PlaceOrderCommandEncoder.clientOrderLabelLength()));
        return MessageHeaderEncoder.ENCODED_LENGTH + placeOrder.encodedLength();
    }

    public int cancelOrder(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int marketId, final long orderId,
        final long clientOrderId) {
        cancelOrder.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).marketId(marketId).orderId(orderId).clientOrderId(clientOrderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength();
    }

    public int cancelAllOrders(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int marketId) {
        cancelAllOrders.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).marketId(marketId);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelAllOrders.encodedLength();
    }

    public int reduceOrder(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int marketId, final long orderId,
        final long reduceBy) {
        reduceOrder.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).marketId(marketId).orderId(orderId).reduceBy(reduceBy);
        return MessageHeaderEncoder.ENCODED_LENGTH + reduceOrder.encodedLength();
    }

    public int moveOrder(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int marketId, final long orderId,
        final long newPrice) {
        moveOrder.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).marketId(marketId).orderId(orderId).newPrice(newPrice);
        return MessageHeaderEncoder.ENCODED_LENGTH + moveOrder.encodedLength();
    }
    public int approveWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long withdrawalId, final long operatorId) {
        approveWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .withdrawalId(withdrawalId).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + approveWithdrawal.encodedLength();
    }

    public int rejectWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long withdrawalId, final long operatorId,
        final String justification) {
        rejectWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .withdrawalId(withdrawalId).operatorId(operatorId)
            .justification(Texts.check("justification", justification));
        return MessageHeaderEncoder.ENCODED_LENGTH + rejectWithdrawal.encodedLength();
    }

    public int claimWithdrawal(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long withdrawalId) {
        claimWithdrawal.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).withdrawalId(withdrawalId);
        return MessageHeaderEncoder.ENCODED_LENGTH + claimWithdrawal.encodedLength();
    }

    public int markWithdrawalBroadcast(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long withdrawalId, final String txRef, final long fee) {
        markWithdrawalBroadcast.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .withdrawalId(withdrawalId)
            .txRef(Codes.ascii("txRef", txRef, MarkWithdrawalBroadcastCommandEncoder.txRefLength())).fee(fee);
        return MessageHeaderEncoder.ENCODED_LENGTH + markWithdrawalBroadcast.encodedLength();
    }

    public int addWithdrawalAddress(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final int assetId, final String address) {
        addWithdrawalAddress.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).assetId(assetId)
            .destination(Codes.ascii("address", address, AddWithdrawalAddressCommandEncoder.destinationLength()));
        return MessageHeaderEncoder.ENCODED_LENGTH + addWithdrawalAddress.encodedLength();
    }

    public int removeWithdrawalAddress(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long userId, final long addressId) {
        removeWithdrawalAddress.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .userId(userId).addressId(addressId);
        return MessageHeaderEncoder.ENCODED_LENGTH + removeWithdrawalAddress.encodedLength();
    }

    public int setWithdrawalPolicy(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        setWithdrawalPolicy.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .assetId(assetId).kind(Codes.of(kind)).value(value).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + setWithdrawalPolicy.encodedLength();
    }

    public int pauseWithdrawals(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        pauseWithdrawals.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .assetId(assetId).reason(Codes.of(reason)).explanation(Texts.check("explanation", explanation))
            .operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + pauseWithdrawals.encodedLength();
    }

    public int resumeWithdrawals(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final int assetId, final long operatorId) {
        resumeWithdrawals.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .assetId(assetId).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + resumeWithdrawals.encodedLength();
    }

    public int approvePolicyChange(final MutableDirectBuffer buffer, final int offset, final long clientId,
        final long commandId, final long timestampMs, final long proposalId, final long operatorId) {
        approvePolicyChange.wrapAndApplyHeader(buffer, offset, header)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs)
            .proposalId(proposalId).operatorId(operatorId);
        return MessageHeaderEncoder.ENCODED_LENGTH + approvePolicyChange.encodedLength();
    }
}
