package org.candor.protocol;

import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Bucket;
import org.candor.engine.EngineEvents;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;
import org.candor.protocol.sbe.AssetCreatedEventEncoder;
import org.candor.protocol.sbe.BlastRadiusPolicySetEventEncoder;
import org.candor.protocol.sbe.CommandResultEventEncoder;
import org.candor.protocol.sbe.DepositCreditedEventEncoder;
import org.candor.protocol.sbe.HoldApprovalThresholdSetEventEncoder;
import org.candor.protocol.sbe.HoldApprovedEventEncoder;
import org.candor.protocol.sbe.HoldEscalatedEventEncoder;
import org.candor.protocol.sbe.HoldPlacedEventEncoder;
import org.candor.protocol.sbe.HoldRejectedEventEncoder;
import org.candor.protocol.sbe.HoldReleasedEventEncoder;
import org.candor.protocol.sbe.HoldRenewedEventEncoder;
import org.candor.protocol.sbe.LedgerEntryEventEncoder;
import org.candor.protocol.sbe.MarketCreatedEventEncoder;
import org.candor.protocol.sbe.MarketStatusChangedEventEncoder;
import org.candor.protocol.sbe.MassActionApprovedEventEncoder;
import org.candor.protocol.sbe.MassActionExpiredEventEncoder;
import org.candor.protocol.sbe.MassActionProposedEventEncoder;
import org.candor.protocol.sbe.MessageHeaderEncoder;
import org.candor.protocol.sbe.OrderAcceptedEventEncoder;
import org.candor.protocol.sbe.OrderDoneEventEncoder;
import org.candor.protocol.sbe.OrderLabelledEventEncoder;
import org.candor.protocol.sbe.OrderMovedEventEncoder;
import org.candor.protocol.sbe.OrderReducedEventEncoder;
import org.candor.protocol.sbe.OrderRestedEventEncoder;
import org.candor.protocol.sbe.PolicyChangeApprovedEventEncoder;
import org.candor.protocol.sbe.PolicyChangeExpiredEventEncoder;
import org.candor.protocol.sbe.PolicyChangeProposedEventEncoder;
import org.candor.protocol.sbe.TradeEventEncoder;
import org.candor.protocol.sbe.UserCreatedEventEncoder;
import org.candor.protocol.sbe.WithdrawalAddressAddedEventEncoder;
import org.candor.protocol.sbe.WithdrawalAddressRemovedEventEncoder;
import org.candor.protocol.sbe.WithdrawalApprovedEventEncoder;
import org.candor.protocol.sbe.WithdrawalBroadcastEventEncoder;
import org.candor.protocol.sbe.WithdrawalFailedEventEncoder;
import org.candor.protocol.sbe.WithdrawalPolicySetEventEncoder;
import org.candor.protocol.sbe.WithdrawalRejectedEventEncoder;
import org.candor.protocol.sbe.WithdrawalRequestedEventEncoder;
import org.candor.protocol.sbe.WithdrawalSlaMissedEventEncoder;
import org.candor.protocol.sbe.WithdrawalStateChangedEventEncoder;
import org.candor.protocol.sbe.WithdrawalsPausedEventEncoder;
import org.candor.protocol.sbe.WithdrawalsResumedEventEncoder;

/**
 * The engine's event sink that writes each event as an SBE message and hands it to an {@link EncodedEventHandler}.
 * Every event is written at offset 0 of one reused buffer; nothing is allocated. Like the engine, an encoder
 * belongs to one thread.
 */
public final class EventEncoder implements EngineEvents {
    /**
     * Bytes of the buffer events are written to. Every event is a fixed-size block; the largest (a trade) is well
     * under this, and a test checks that all of them fit.
     */
    public static final int BUFFER_LENGTH = 256;
    /**
     * The version in the header of every event whose layout is not newer: version 4's. The journal compares replayed
     * events with its copies byte for byte, header included, so a journal written by version 4 replays unchanged.
     */
    static final int UNCHANGED_EVENT_VERSION = 4;
    /** The version of {@code OrderLabelledEvent}, new in version 5. */
    static final int ORDER_LABELLED_VERSION = 5;

    private final EncodedEventHandler handler;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[BUFFER_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandResultEventEncoder commandResult = new CommandResultEventEncoder();
    private final AssetCreatedEventEncoder assetCreated = new AssetCreatedEventEncoder();
    private final MarketCreatedEventEncoder marketCreated = new MarketCreatedEventEncoder();
    private final MarketStatusChangedEventEncoder marketStatusChanged = new MarketStatusChangedEventEncoder();
    private final UserCreatedEventEncoder userCreated = new UserCreatedEventEncoder();
    private final LedgerEntryEventEncoder ledgerEntry = new LedgerEntryEventEncoder();
    private final DepositCreditedEventEncoder depositCredited = new DepositCreditedEventEncoder();
    private final WithdrawalRequestedEventEncoder withdrawalRequested = new WithdrawalRequestedEventEncoder();
    private final WithdrawalStateChangedEventEncoder withdrawalStateChanged =
        new WithdrawalStateChangedEventEncoder();
    private final HoldPlacedEventEncoder holdPlaced = new HoldPlacedEventEncoder();
    private final HoldReleasedEventEncoder holdReleased = new HoldReleasedEventEncoder();
    private final OrderAcceptedEventEncoder orderAccepted = new OrderAcceptedEventEncoder();
    private final OrderLabelledEventEncoder orderLabelled = new OrderLabelledEventEncoder();
    private final TradeEventEncoder trade = new TradeEventEncoder();
    private final OrderRestedEventEncoder orderRested = new OrderRestedEventEncoder();
    private final OrderReducedEventEncoder orderReduced = new OrderReducedEventEncoder();
    private final OrderMovedEventEncoder orderMoved = new OrderMovedEventEncoder();
    private final OrderDoneEventEncoder orderDone = new OrderDoneEventEncoder();
    private final HoldApprovedEventEncoder holdApproved = new HoldApprovedEventEncoder();
    private final HoldRejectedEventEncoder holdRejected = new HoldRejectedEventEncoder();
    private final HoldEscalatedEventEncoder holdEscalated = new HoldEscalatedEventEncoder();
    private final HoldRenewedEventEncoder holdRenewed = new HoldRenewedEventEncoder();
    private final HoldApprovalThresholdSetEventEncoder holdApprovalThresholdSet =
        new HoldApprovalThresholdSetEventEncoder();
    private final BlastRadiusPolicySetEventEncoder blastRadiusPolicySet = new BlastRadiusPolicySetEventEncoder();
    private final MassActionProposedEventEncoder massActionProposed = new MassActionProposedEventEncoder();
    private final MassActionApprovedEventEncoder massActionApproved = new MassActionApprovedEventEncoder();
    private final WithdrawalAddressAddedEventEncoder withdrawalAddressAdded = new WithdrawalAddressAddedEventEncoder();
    private final WithdrawalAddressRemovedEventEncoder withdrawalAddressRemoved =
        new WithdrawalAddressRemovedEventEncoder();
    private final WithdrawalApprovedEventEncoder withdrawalApproved = new WithdrawalApprovedEventEncoder();
    private final WithdrawalRejectedEventEncoder withdrawalRejected = new WithdrawalRejectedEventEncoder();
    private final WithdrawalBroadcastEventEncoder withdrawalBroadcast = new WithdrawalBroadcastEventEncoder();
    private final WithdrawalFailedEventEncoder withdrawalFailed = new WithdrawalFailedEventEncoder();
    private final WithdrawalSlaMissedEventEncoder withdrawalSlaMissed = new WithdrawalSlaMissedEventEncoder();
    private final WithdrawalPolicySetEventEncoder withdrawalPolicySet = new WithdrawalPolicySetEventEncoder();
    private final WithdrawalsPausedEventEncoder withdrawalsPaused = new WithdrawalsPausedEventEncoder();
    private final WithdrawalsResumedEventEncoder withdrawalsResumed = new WithdrawalsResumedEventEncoder();
    private final PolicyChangeProposedEventEncoder policyChangeProposed = new PolicyChangeProposedEventEncoder();
    private final PolicyChangeApprovedEventEncoder policyChangeApproved = new PolicyChangeApprovedEventEncoder();
    private final PolicyChangeExpiredEventEncoder policyChangeExpired = new PolicyChangeExpiredEventEncoder();
    private final MassActionExpiredEventEncoder massActionExpired = new MassActionExpiredEventEncoder();

    /** An encoder that hands every encoded event to {@code handler}. */
    public EventEncoder(final EncodedEventHandler handler) {
        this.handler = handler;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        commandResult.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .clientId(clientId).commandId(commandId).timestampMs(timestampMs).reason(Codes.of(reason))
            .reference(reference).firstSeq(firstSeq).duplicate(Codes.of(duplicate));
        emit(commandResult.encodedLength());
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        final String wireCode = Codes.ascii("code", code, AssetCreatedEventEncoder.codeLength());
        assetCreated.wrapAndApplyHeader(buffer, 0, header).seq(seq).assetId(assetId).code(wireCode).scale(scale);
        emit(assetCreated.encodedLength());
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        final String wireSymbol = Codes.ascii("symbol", symbol, MarketCreatedEventEncoder.symbolLength());
        marketCreated.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .marketId(marketId).symbol(wireSymbol).baseAssetId(baseAssetId).quoteAssetId(quoteAssetId)
            .tickSize(tickSize).lotSize(lotSize).minQuantity(minQuantity).maxQuantity(maxQuantity)
            .minNotional(minNotional).makerFeeBps(makerFeeBps).takerFeeBps(takerFeeBps);
        emit(marketCreated.encodedLength());
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        marketStatusChanged.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .marketId(marketId).status(Codes.of(status));
        emit(marketStatusChanged.encodedLength());
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        userCreated.wrapAndApplyHeader(buffer, 0, header).seq(seq).userId(userId);
        emit(userCreated.encodedLength());
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        ledgerEntry.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .assetId(assetId).fromUserId(fromUserId).fromBucket(Codes.of(fromBucket)).toUserId(toUserId)
            .toBucket(Codes.of(toBucket)).amount(amount).cause(Codes.of(cause)).reference(reference);
        emit(ledgerEntry.encodedLength());
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        depositCredited.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .userId(userId).assetId(assetId).amount(amount).depositRef(depositRef);
        emit(depositCredited.encodedLength());
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        withdrawalRequested.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .withdrawalId(withdrawalId).userId(userId).assetId(assetId).amount(amount).addressId(addressId)
            .state(Codes.of(state));
        emit(withdrawalRequested.encodedLength());
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        withdrawalStateChanged.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .withdrawalId(withdrawalId).state(Codes.of(state));
        emit(withdrawalStateChanged.encodedLength());
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        holdPlaced.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .holdId(holdId).userId(userId).assetId(assetId).amount(amount).reason(Codes.of(reason))
            .operatorId(operatorId).kind(Codes.of(kind)).explanation(Texts.check("explanation", explanation))
            .reviewDeadlineMs(reviewDeadlineMs).releaseCondition(Codes.of(releaseCondition)).ticketRef(ticketRef)
            .massActionId(massActionId).state(Codes.of(state));
        emit(holdPlaced.encodedLength());
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        holdApproved.wrapAndApplyHeader(buffer, 0, header).seq(seq).holdId(holdId).operatorId(operatorId);
        emit(holdApproved.encodedLength());
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        holdRejected.wrapAndApplyHeader(buffer, 0, header).seq(seq).holdId(holdId).operatorId(operatorId)
            .automatic(Codes.of(automatic)).justification(Texts.check("justification", justification));
        emit(holdRejected.encodedLength());
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        holdReleased.wrapAndApplyHeader(buffer, 0, header).seq(seq).holdId(holdId).operatorId(operatorId)
            .automatic(Codes.of(automatic));
        emit(holdReleased.encodedLength());
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        holdEscalated.wrapAndApplyHeader(buffer, 0, header).seq(seq).holdId(holdId).userId(userId)
            .reviewDeadlineMs(reviewDeadlineMs);
        emit(holdEscalated.encodedLength());
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        holdRenewed.wrapAndApplyHeader(buffer, 0, header).seq(seq).holdId(holdId).operatorId(operatorId)
            .reviewDeadlineMs(reviewDeadlineMs).renewals(renewals)
            .justification(Texts.check("justification", justification));
        emit(holdRenewed.encodedLength());
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        holdApprovalThresholdSet.wrapAndApplyHeader(buffer, 0, header).seq(seq).assetId(assetId)
            .thresholdAmount(thresholdAmount).operatorId(operatorId);
        emit(holdApprovalThresholdSet.encodedLength());
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        blastRadiusPolicySet.wrapAndApplyHeader(buffer, 0, header).seq(seq).accountsMax(accountsMax)
            .shareBpsMax(shareBpsMax).windowMs(windowMs).operatorId(operatorId);
        emit(blastRadiusPolicySet.encodedLength());
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        massActionProposed.wrapAndApplyHeader(buffer, 0, header).seq(seq).actionId(actionId).operatorId(operatorId)
            .accountsMax(accountsMax).justification(Texts.check("justification", justification));
        emit(massActionProposed.encodedLength());
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        massActionApproved.wrapAndApplyHeader(buffer, 0, header).seq(seq).actionId(actionId).operatorId(operatorId);
        emit(massActionApproved.encodedLength());
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        orderAccepted.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .orderId(orderId).userId(userId).marketId(marketId).side(Codes.of(side)).orderType(Codes.of(type))
            .timeInForce(Codes.of(timeInForce)).price(price).quantity(quantity).quoteBudget(quoteBudget)
            .clientOrderId(clientOrderId).stpMode(Codes.of(stpMode));
        emit(orderAccepted.encodedLength());
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        orderLabelled.wrapAndApplyHeader(buffer, 0, header).seq(seq).orderId(orderId).userId(userId)
            .clientOrderId(clientOrderId)
            .label(Codes.asciiChars("label", label, OrderLabelledEventEncoder.labelLength()));
        emit(orderLabelled.encodedLength(), ORDER_LABELLED_VERSION);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        trade.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .tradeId(tradeId).marketId(marketId).price(price).quantity(quantity).quoteAmount(quoteAmount)
            .makerOrderId(makerOrderId).takerOrderId(takerOrderId).makerUserId(makerUserId)
            .takerUserId(takerUserId).takerSide(Codes.of(takerSide)).makerFee(makerFee).takerFee(takerFee)
            .makerRemaining(makerRemaining).takerRemaining(takerRemaining);
        emit(trade.encodedLength());
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        orderRested.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .orderId(orderId).price(price).remaining(remaining);
        emit(orderRested.encodedLength());
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        orderReduced.wrapAndApplyHeader(buffer, 0, header).seq(seq).orderId(orderId).remaining(remaining);
        emit(orderReduced.encodedLength());
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        orderMoved.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .orderId(orderId).oldPrice(oldPrice).newPrice(newPrice);
        emit(orderMoved.encodedLength());
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        orderDone.wrapAndApplyHeader(buffer, 0, header).seq(seq)
            .orderId(orderId).reason(Codes.of(reason)).remaining(remaining);
        emit(orderDone.encodedLength());
    }

    private void emit(final int bodyLength) {
        emit(bodyLength, UNCHANGED_EVENT_VERSION);
    }

    private void emit(final int bodyLength, final int version) {
        header.version(version);
        handler.onEvent(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        withdrawalAddressAdded.wrapAndApplyHeader(buffer, 0, header).seq(seq).userId(userId).assetId(assetId)
            .addressId(addressId)
            .destination(Codes.ascii("address", address, WithdrawalAddressAddedEventEncoder.destinationLength()))
            .usableFromMs(usableFromMs);
        emit(withdrawalAddressAdded.encodedLength());
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        withdrawalAddressRemoved.wrapAndApplyHeader(buffer, 0, header).seq(seq).userId(userId).addressId(addressId);
        emit(withdrawalAddressRemoved.encodedLength());
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        withdrawalApproved.wrapAndApplyHeader(buffer, 0, header).seq(seq).withdrawalId(withdrawalId)
            .operatorId(operatorId);
        emit(withdrawalApproved.encodedLength());
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        withdrawalRejected.wrapAndApplyHeader(buffer, 0, header).seq(seq).withdrawalId(withdrawalId)
            .operatorId(operatorId).justification(Texts.check("justification", justification));
        emit(withdrawalRejected.encodedLength());
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        withdrawalBroadcast.wrapAndApplyHeader(buffer, 0, header).seq(seq).withdrawalId(withdrawalId)
            .txRef(Codes.ascii("txRef", txRef, WithdrawalBroadcastEventEncoder.txRefLength())).fee(fee);
        emit(withdrawalBroadcast.encodedLength());
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        withdrawalFailed.wrapAndApplyHeader(buffer, 0, header).seq(seq).withdrawalId(withdrawalId)
            .reason(Codes.of(reason));
        emit(withdrawalFailed.encodedLength());
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        withdrawalSlaMissed.wrapAndApplyHeader(buffer, 0, header).seq(seq).withdrawalId(withdrawalId).userId(userId)
            .state(Codes.of(state)).deadlineMs(deadlineMs);
        emit(withdrawalSlaMissed.encodedLength());
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        withdrawalPolicySet.wrapAndApplyHeader(buffer, 0, header).seq(seq).assetId(assetId).kind(Codes.of(kind))
            .value(value).operatorId(operatorId);
        emit(withdrawalPolicySet.encodedLength());
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        withdrawalsPaused.wrapAndApplyHeader(buffer, 0, header).seq(seq).assetId(assetId).reason(Codes.of(reason))
            .explanation(Texts.check("explanation", explanation)).operatorId(operatorId);
        emit(withdrawalsPaused.encodedLength());
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        withdrawalsResumed.wrapAndApplyHeader(buffer, 0, header).seq(seq).assetId(assetId).operatorId(operatorId);
        emit(withdrawalsResumed.encodedLength());
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        policyChangeProposed.wrapAndApplyHeader(buffer, 0, header).seq(seq).proposalId(proposalId).kind(Codes.of(kind))
            .assetId(assetId).value(value).accountsMax(accountsMax).shareBpsMax(shareBpsMax).operatorId(operatorId)
            .expiresAtMs(expiresAtMs);
        emit(policyChangeProposed.encodedLength());
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        policyChangeApproved.wrapAndApplyHeader(buffer, 0, header).seq(seq).proposalId(proposalId)
            .operatorId(operatorId);
        emit(policyChangeApproved.encodedLength());
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        policyChangeExpired.wrapAndApplyHeader(buffer, 0, header).seq(seq).proposalId(proposalId);
        emit(policyChangeExpired.encodedLength());
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        massActionExpired.wrapAndApplyHeader(buffer, 0, header).seq(seq).actionId(actionId).used(used);
        emit(massActionExpired.encodedLength());
    }
}
