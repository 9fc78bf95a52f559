package org.candor.protocol;

import org.agrona.DirectBuffer;
import org.candor.engine.Engine;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderRules;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.protocol.sbe.AddWithdrawalAddressCommandDecoder;
import org.candor.protocol.sbe.ApproveHoldCommandDecoder;
import org.candor.protocol.sbe.ApproveMassActionCommandDecoder;
import org.candor.protocol.sbe.ApprovePolicyChangeCommandDecoder;
import org.candor.protocol.sbe.ApproveWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CancelAllOrdersCommandDecoder;
import org.candor.protocol.sbe.CancelOrderCommandDecoder;
import org.candor.protocol.sbe.CancelWithdrawalCommandDecoder;
import org.candor.protocol.sbe.ClaimWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CompleteWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CreateAssetCommandDecoder;
import org.candor.protocol.sbe.CreateMarketCommandDecoder;
import org.candor.protocol.sbe.CreateUserCommandDecoder;
import org.candor.protocol.sbe.DepositCommandDecoder;
import org.candor.protocol.sbe.FailWithdrawalCommandDecoder;
import org.candor.protocol.sbe.MarkWithdrawalBroadcastCommandDecoder;
import org.candor.protocol.sbe.MessageHeaderDecoder;
import org.candor.protocol.sbe.MoveOrderCommandDecoder;
import org.candor.protocol.sbe.PauseWithdrawalsCommandDecoder;
import org.candor.protocol.sbe.PlaceHoldCommandDecoder;
import org.candor.protocol.sbe.PlaceOrderCommandDecoder;
import org.candor.protocol.sbe.ProposeMassActionCommandDecoder;
import org.candor.protocol.sbe.ReduceOrderCommandDecoder;
import org.candor.protocol.sbe.RejectHoldCommandDecoder;
import org.candor.protocol.sbe.RejectWithdrawalCommandDecoder;
import org.candor.protocol.sbe.ReleaseHoldCommandDecoder;
import org.candor.protocol.sbe.RemoveWithdrawalAddressCommandDecoder;
import org.candor.protocol.sbe.RenewHoldCommandDecoder;
import org.candor.protocol.sbe.RequestWithdrawalCommandDecoder;
import org.candor.protocol.sbe.ResumeWithdrawalsCommandDecoder;
import org.candor.protocol.sbe.SetBlastRadiusPolicyCommandDecoder;
import org.candor.protocol.sbe.SetHoldApprovalThresholdCommandDecoder;
import org.candor.protocol.sbe.SetMarketStatusCommandDecoder;
import org.candor.protocol.sbe.SetWithdrawalPolicyCommandDecoder;

/**
 * Decodes one command message and applies it to the engine. A message that is not a readable command of this
 * schema (unknown template, other schema, newer version, truncated) throws {@link ProtocolException} before the
 * engine sees anything. Nothing is allocated except the strings of the rare listing and hold commands, so one
 * dispatcher belongs to the engine's thread.
 */
public final class CommandDispatcher {
    private final Engine engine;
    private final MessageHeaderReader reader = new MessageHeaderReader(MessageHeaderDecoder.SCHEMA_VERSION);
    private final CreateAssetCommandDecoder createAsset = new CreateAssetCommandDecoder();
    private final CreateMarketCommandDecoder createMarket = new CreateMarketCommandDecoder();
    private final SetMarketStatusCommandDecoder setMarketStatus = new SetMarketStatusCommandDecoder();
    private final CreateUserCommandDecoder createUser = new CreateUserCommandDecoder();
    private final DepositCommandDecoder deposit = new DepositCommandDecoder();
    private final RequestWithdrawalCommandDecoder requestWithdrawal = new RequestWithdrawalCommandDecoder();
    private final CompleteWithdrawalCommandDecoder completeWithdrawal = new CompleteWithdrawalCommandDecoder();
    private final FailWithdrawalCommandDecoder failWithdrawal = new FailWithdrawalCommandDecoder();
    private final CancelWithdrawalCommandDecoder cancelWithdrawal = new CancelWithdrawalCommandDecoder();
    private final PlaceHoldCommandDecoder placeHold = new PlaceHoldCommandDecoder();
    private final ReleaseHoldCommandDecoder releaseHold = new ReleaseHoldCommandDecoder();
    private final PlaceOrderCommandDecoder placeOrder = new PlaceOrderCommandDecoder();
    /** An order's client order label, decoded without allocating (the engine copies nothing of it). */
    private final StringBuilder label = new StringBuilder(OrderRules.CLIENT_ORDER_LABEL_MAX);
    private final CancelOrderCommandDecoder cancelOrder = new CancelOrderCommandDecoder();
    private final CancelAllOrdersCommandDecoder cancelAllOrders = new CancelAllOrdersCommandDecoder();
    private final ReduceOrderCommandDecoder reduceOrder = new ReduceOrderCommandDecoder();
    private final MoveOrderCommandDecoder moveOrder = new MoveOrderCommandDecoder();
    private final ApproveHoldCommandDecoder approveHold = new ApproveHoldCommandDecoder();
    private final RejectHoldCommandDecoder rejectHold = new RejectHoldCommandDecoder();
    private final RenewHoldCommandDecoder renewHold = new RenewHoldCommandDecoder();
    private final SetHoldApprovalThresholdCommandDecoder setHoldApprovalThreshold =
        new SetHoldApprovalThresholdCommandDecoder();
    private final SetBlastRadiusPolicyCommandDecoder setBlastRadiusPolicy = new SetBlastRadiusPolicyCommandDecoder();
    private final ProposeMassActionCommandDecoder proposeMassAction = new ProposeMassActionCommandDecoder();
    private final ApproveMassActionCommandDecoder approveMassAction = new ApproveMassActionCommandDecoder();
    private final ApproveWithdrawalCommandDecoder approveWithdrawal = new ApproveWithdrawalCommandDecoder();
    private final RejectWithdrawalCommandDecoder rejectWithdrawal = new RejectWithdrawalCommandDecoder();
    private final ClaimWithdrawalCommandDecoder claimWithdrawal = new ClaimWithdrawalCommandDecoder();
    private final MarkWithdrawalBroadcastCommandDecoder markWithdrawalBroadcast =
        new MarkWithdrawalBroadcastCommandDecoder();
    private final AddWithdrawalAddressCommandDecoder addWithdrawalAddress = new AddWithdrawalAddressCommandDecoder();
    private final RemoveWithdrawalAddressCommandDecoder removeWithdrawalAddress =
        new RemoveWithdrawalAddressCommandDecoder();
    private final SetWithdrawalPolicyCommandDecoder setWithdrawalPolicy = new SetWithdrawalPolicyCommandDecoder();
    private final PauseWithdrawalsCommandDecoder pauseWithdrawals = new PauseWithdrawalsCommandDecoder();
    private final ResumeWithdrawalsCommandDecoder resumeWithdrawals = new ResumeWithdrawalsCommandDecoder();
    private final ApprovePolicyChangeCommandDecoder approvePolicyChange = new ApprovePolicyChangeCommandDecoder();
    private final Texts texts = new Texts();

    /** A dispatcher that applies commands to {@code engine}. */
    public CommandDispatcher(final Engine engine) {
        this.engine = engine;
    }

    /**
     * Applies the command in {@code length} bytes at {@code offset} and returns the engine's answer.
     *
     * @throws ProtocolException if the bytes are not a command this build can read
     */
    public RejectReason dispatch(final DirectBuffer buffer, final int offset, final int length) {
        final int templateId = reader.read(buffer, offset, length);
        final int body = MessageHeaderReader.bodyOffset(offset);
        return switch (templateId) {
            case CreateAssetCommandDecoder.TEMPLATE_ID -> createAsset(buffer, body);
            case CreateMarketCommandDecoder.TEMPLATE_ID -> createMarket(buffer, body);
            case SetMarketStatusCommandDecoder.TEMPLATE_ID -> setMarketStatus(buffer, body);
            case CreateUserCommandDecoder.TEMPLATE_ID -> createUser(buffer, body);
            case DepositCommandDecoder.TEMPLATE_ID -> deposit(buffer, body);
            case RequestWithdrawalCommandDecoder.TEMPLATE_ID -> requestWithdrawal(buffer, body);
            case CompleteWithdrawalCommandDecoder.TEMPLATE_ID -> completeWithdrawal(buffer, body);
            case FailWithdrawalCommandDecoder.TEMPLATE_ID -> failWithdrawal(buffer, body);
            case CancelWithdrawalCommandDecoder.TEMPLATE_ID -> cancelWithdrawal(buffer, body);
            case PlaceHoldCommandDecoder.TEMPLATE_ID -> placeHold(buffer, body);
            case ReleaseHoldCommandDecoder.TEMPLATE_ID -> releaseHold(buffer, body);
            case PlaceOrderCommandDecoder.TEMPLATE_ID -> placeOrder(buffer, body);
            case CancelOrderCommandDecoder.TEMPLATE_ID -> cancelOrder(buffer, body);
            case CancelAllOrdersCommandDecoder.TEMPLATE_ID -> cancelAllOrders(buffer, body);
            case ReduceOrderCommandDecoder.TEMPLATE_ID -> reduceOrder(buffer, body);
            case MoveOrderCommandDecoder.TEMPLATE_ID -> moveOrder(buffer, body);
            case ApproveHoldCommandDecoder.TEMPLATE_ID -> approveHold(buffer, body);
            case RejectHoldCommandDecoder.TEMPLATE_ID -> rejectHold(buffer, body);
            case RenewHoldCommandDecoder.TEMPLATE_ID -> renewHold(buffer, body);
            case SetHoldApprovalThresholdCommandDecoder.TEMPLATE_ID -> setHoldApprovalThreshold(buffer, body);
            case SetBlastRadiusPolicyCommandDecoder.TEMPLATE_ID -> setBlastRadiusPolicy(buffer, body);
            case ProposeMassActionCommandDecoder.TEMPLATE_ID -> proposeMassAction(buffer, body);
            case ApproveMassActionCommandDecoder.TEMPLATE_ID -> approveMassAction(buffer, body);
            case ApproveWithdrawalCommandDecoder.TEMPLATE_ID -> approveWithdrawal(buffer, body);
            case RejectWithdrawalCommandDecoder.TEMPLATE_ID -> rejectWithdrawal(buffer, body);
            case ClaimWithdrawalCommandDecoder.TEMPLATE_ID -> claimWithdrawal(buffer, body);
            case MarkWithdrawalBroadcastCommandDecoder.TEMPLATE_ID -> markWithdrawalBroadcast(buffer, body);
            case AddWithdrawalAddressCommandDecoder.TEMPLATE_ID -> addWithdrawalAddress(buffer, body);
            case RemoveWithdrawalAddressCommandDecoder.TEMPLATE_ID -> removeWithdrawalAddress(buffer, body);
            case SetWithdrawalPolicyCommandDecoder.TEMPLATE_ID -> setWithdrawalPolicy(buffer, body);
            case PauseWithdrawalsCommandDecoder.TEMPLATE_ID -> pauseWithdrawals(buffer, body);
            case ResumeWithdrawalsCommandDecoder.TEMPLATE_ID -> resumeWithdrawals(buffer, body);
            case ApprovePolicyChangeCommandDecoder.TEMPLATE_ID -> approvePolicyChange(buffer, body);
            default -> throw reader.unknownTemplate("command");
        };
    }

    private RejectReason createAsset(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CreateAssetCommandDecoder.BLOCK_LENGTH);
        final CreateAssetCommandDecoder m = createAsset.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.createAsset(m.clientId(), m.commandId(), m.timestampMs(), m.assetId(), m.code(), m.scale());
    }

    private RejectReason createMarket(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CreateMarketCommandDecoder.BLOCK_LENGTH);
        final CreateMarketCommandDecoder m = createMarket.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.createMarket(m.clientId(), m.commandId(), m.timestampMs(), m.marketId(), m.symbol(),
            m.baseAssetId(), m.quoteAssetId(), m.tickSize(), m.lotSize(), m.minQuantity(), m.maxQuantity(),
            m.minNotional(), m.makerFeeBps(), m.takerFeeBps());
    }

    private RejectReason setMarketStatus(final DirectBuffer buffer, final int body) {
        reader.requireBlock(SetMarketStatusCommandDecoder.BLOCK_LENGTH);
        final SetMarketStatusCommandDecoder m =
            setMarketStatus.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.setMarketStatus(m.clientId(), m.commandId(), m.timestampMs(), m.marketId(),
            MarketStatus.fromCode(m.status()));
    }

    private RejectReason createUser(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CreateUserCommandDecoder.BLOCK_LENGTH);
        final CreateUserCommandDecoder m = createUser.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.createUser(m.clientId(), m.commandId(), m.timestampMs(), m.userId());
    }

    private RejectReason deposit(final DirectBuffer buffer, final int body) {
        reader.requireBlock(DepositCommandDecoder.BLOCK_LENGTH);
        final DepositCommandDecoder m = deposit.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.deposit(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(), m.amount(),
            m.depositRef());
    }

    /**
     * A version 2 request names no allow-listed address; the engine would refuse it, changing the outcome of an old
     * log on replay, so it is refused here, loudly (decision 0010).
     */
    private RejectReason requestWithdrawal(final DirectBuffer buffer, final int body) {
        if (reader.version() < 3) {
            throw new ProtocolException("reason=retired-message templateId="
                + RequestWithdrawalCommandDecoder.TEMPLATE_ID + " version=" + reader.version() + " minVersion=3");
        }
        reader.requireBlock(RequestWithdrawalCommandDecoder.BLOCK_LENGTH);
        final RequestWithdrawalCommandDecoder m =
            requestWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.requestWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(),
            m.amount(), m.addressId());
    }

    private RejectReason completeWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CompleteWithdrawalCommandDecoder.BLOCK_LENGTH);
        final CompleteWithdrawalCommandDecoder m =
            completeWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.completeWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId());
    }

    private RejectReason failWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(FailWithdrawalCommandDecoder.BLOCK_LENGTH);
        final FailWithdrawalCommandDecoder m =
            failWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        // A version 2 failure carried no reason: it means OTHER, so an old log replays to the same outcome.
        final WithdrawalFailure reason = reader.version() < 3 ? WithdrawalFailure.OTHER
            : WithdrawalFailure.fromCode(m.reason());
        return engine.failWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId(), reason);
    }

    private RejectReason cancelWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CancelWithdrawalCommandDecoder.BLOCK_LENGTH);
        final CancelWithdrawalCommandDecoder m =
            cancelWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.cancelWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.withdrawalId());
    }

    /**
     * A version 1 hold has no explanation, deadline or kind; the engine would refuse it as unaccountable, which
     * would change the outcome of an old log on replay. It is refused here instead, loudly (decision 0009).
     */
    private RejectReason placeHold(final DirectBuffer buffer, final int body) {
        if (reader.version() < 2) {
            throw new ProtocolException("reason=retired-message templateId=" + PlaceHoldCommandDecoder.TEMPLATE_ID
                + " version=" + reader.version() + " minVersion=2");
        }
        reader.requireBlock(PlaceHoldCommandDecoder.BLOCK_LENGTH);
        final PlaceHoldCommandDecoder m = placeHold.wrap(buffer, body, reader.blockLength(), reader.version());
        final String explanation = texts.read("explanation", m.getExplanation(texts.scratch(), 0));
        return engine.placeHold(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(), m.amount(),
            HoldKind.fromCode(m.kind()), HoldReason.fromCode(m.reason()), explanation, m.operatorId(),
            m.reviewDeadlineMs(), ReleaseCondition.fromCode(m.releaseCondition()), m.ticketRef(), m.massActionId());
    }

    private RejectReason approveHold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ApproveHoldCommandDecoder.BLOCK_LENGTH);
        final ApproveHoldCommandDecoder m = approveHold.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.approveHold(m.clientId(), m.commandId(), m.timestampMs(), m.holdId(), m.operatorId());
    }

    private RejectReason rejectHold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(RejectHoldCommandDecoder.BLOCK_LENGTH);
        final RejectHoldCommandDecoder m = rejectHold.wrap(buffer, body, reader.blockLength(), reader.version());
        final String justification = texts.read("justification", m.getJustification(texts.scratch(), 0));
        return engine.rejectHold(m.clientId(), m.commandId(), m.timestampMs(), m.holdId(), m.operatorId(),
            justification);
    }

    private RejectReason renewHold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(RenewHoldCommandDecoder.BLOCK_LENGTH);
        final RenewHoldCommandDecoder m = renewHold.wrap(buffer, body, reader.blockLength(), reader.version());
        final String justification = texts.read("justification", m.getJustification(texts.scratch(), 0));
        return engine.renewHold(m.clientId(), m.commandId(), m.timestampMs(), m.holdId(), m.operatorId(),
            m.newReviewDeadlineMs(), justification);
    }

    private RejectReason setHoldApprovalThreshold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(SetHoldApprovalThresholdCommandDecoder.BLOCK_LENGTH);
        final SetHoldApprovalThresholdCommandDecoder m =
            setHoldApprovalThreshold.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.setHoldApprovalThreshold(m.clientId(), m.commandId(), m.timestampMs(), m.assetId(),
            m.thresholdAmount(), m.operatorId());
    }

    private RejectReason setBlastRadiusPolicy(final DirectBuffer buffer, final int body) {
        reader.requireBlock(SetBlastRadiusPolicyCommandDecoder.BLOCK_LENGTH);
        final SetBlastRadiusPolicyCommandDecoder m =
            setBlastRadiusPolicy.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.setBlastRadiusPolicy(m.clientId(), m.commandId(), m.timestampMs(), m.accountsMax(),
            m.shareBpsMax(), m.windowMs(), m.operatorId());
    }

    private RejectReason proposeMassAction(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ProposeMassActionCommandDecoder.BLOCK_LENGTH);
        final ProposeMassActionCommandDecoder m =
            proposeMassAction.wrap(buffer, body, reader.blockLength(), reader.version());
        final String justification = texts.read("justification", m.getJustification(texts.scratch(), 0));
        return engine.proposeMassAction(m.clientId(), m.commandId(), m.timestampMs(), m.actionId(), m.operatorId(),
            m.accountsMax(), justification);
    }

    private RejectReason approveMassAction(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ApproveMassActionCommandDecoder.BLOCK_LENGTH);
        final ApproveMassActionCommandDecoder m =
            approveMassAction.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.approveMassAction(m.clientId(), m.commandId(), m.timestampMs(), m.actionId(),
            m.operatorId());
    }

    private RejectReason releaseHold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ReleaseHoldCommandDecoder.BLOCK_LENGTH);
        final ReleaseHoldCommandDecoder m = releaseHold.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.releaseHold(m.clientId(), m.commandId(), m.timestampMs(), m.holdId(), m.operatorId());
    }

    /** A version 4 order has no label: it places as it did, so an old log replays to the same events. */
    private RejectReason placeOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PlaceOrderCommandDecoder.BLOCK_LENGTH);
        final PlaceOrderCommandDecoder m = placeOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        label.setLength(0);
        m.getClientOrderLabel(label);
        return engine.placeOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            Side.fromCode(m.side()), OrderType.fromCode(m.orderType()), TimeInForce.fromCode(m.timeInForce()),
            m.price(), m.quantity(), m.quoteBudget(), m.clientOrderId(), StpMode.fromCode(m.stpMode()),
            label.length() == 0 ? null : label);
    }

    private RejectReason cancelOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CancelOrderCommandDecoder.BLOCK_LENGTH);
        final CancelOrderCommandDecoder m = cancelOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.cancelOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            m.orderId(), m.clientOrderId());
    }

    private RejectReason cancelAllOrders(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CancelAllOrdersCommandDecoder.BLOCK_LENGTH);
        final CancelAllOrdersCommandDecoder m =
            cancelAllOrders.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.cancelAllOrders(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId());
    }

    private RejectReason reduceOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ReduceOrderCommandDecoder.BLOCK_LENGTH);
        final ReduceOrderCommandDecoder m = reduceOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.reduceOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            m.orderId(), m.reduceBy());
    }

    private RejectReason moveOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MoveOrderCommandDecoder.BLOCK_LENGTH);
        final MoveOrderCommandDecoder m = moveOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.moveOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            m.orderId(), m.newPrice());
    }
    private RejectReason approveWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ApproveWithdrawalCommandDecoder.BLOCK_LENGTH);
        final ApproveWithdrawalCommandDecoder m =
            approveWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.approveWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId(),
            m.operatorId());
    }

    private RejectReason rejectWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(RejectWithdrawalCommandDecoder.BLOCK_LENGTH);
        final RejectWithdrawalCommandDecoder m =
            rejectWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        final String justification = texts.read("justification", m.getJustification(texts.scratch(), 0));
        return engine.rejectWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId(), m.operatorId(),
            justification);
    }

    private RejectReason claimWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ClaimWithdrawalCommandDecoder.BLOCK_LENGTH);
        final ClaimWithdrawalCommandDecoder m =
            claimWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.claimWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId());
    }

    private RejectReason markWithdrawalBroadcast(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MarkWithdrawalBroadcastCommandDecoder.BLOCK_LENGTH);
        final MarkWithdrawalBroadcastCommandDecoder m =
            markWithdrawalBroadcast.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.markWithdrawalBroadcast(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId(),
            m.txRef(), m.fee());
    }

    private RejectReason addWithdrawalAddress(final DirectBuffer buffer, final int body) {
        reader.requireBlock(AddWithdrawalAddressCommandDecoder.BLOCK_LENGTH);
        final AddWithdrawalAddressCommandDecoder m =
            addWithdrawalAddress.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.addWithdrawalAddress(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(),
            m.destination());
    }

    private RejectReason removeWithdrawalAddress(final DirectBuffer buffer, final int body) {
        reader.requireBlock(RemoveWithdrawalAddressCommandDecoder.BLOCK_LENGTH);
        final RemoveWithdrawalAddressCommandDecoder m =
            removeWithdrawalAddress.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.removeWithdrawalAddress(m.clientId(), m.commandId(), m.timestampMs(), m.userId(),
            m.addressId());
    }

    private RejectReason setWithdrawalPolicy(final DirectBuffer buffer, final int body) {
        reader.requireBlock(SetWithdrawalPolicyCommandDecoder.BLOCK_LENGTH);
        final SetWithdrawalPolicyCommandDecoder m =
            setWithdrawalPolicy.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.setWithdrawalPolicy(m.clientId(), m.commandId(), m.timestampMs(), m.assetId(),
            PolicyKind.fromCode(m.kind()), m.value(), m.operatorId());
    }

    private RejectReason pauseWithdrawals(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PauseWithdrawalsCommandDecoder.BLOCK_LENGTH);
        final PauseWithdrawalsCommandDecoder m =
            pauseWithdrawals.wrap(buffer, body, reader.blockLength(), reader.version());
        final String explanation = texts.read("explanation", m.getExplanation(texts.scratch(), 0));
        return engine.pauseWithdrawals(m.clientId(), m.commandId(), m.timestampMs(), m.assetId(),
            WithdrawalPauseReason.fromCode(m.reason()), explanation, m.operatorId());
    }

    private RejectReason resumeWithdrawals(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ResumeWithdrawalsCommandDecoder.BLOCK_LENGTH);
        final ResumeWithdrawalsCommandDecoder m =
            resumeWithdrawals.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.resumeWithdrawals(m.clientId(), m.commandId(), m.timestampMs(), m.assetId(), m.operatorId());
    }

    private RejectReason approvePolicyChange(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ApprovePolicyChangeCommandDecoder.BLOCK_LENGTH);
        final ApprovePolicyChangeCommandDecoder m =
            approvePolicyChange.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.approvePolicyChange(m.clientId(), m.commandId(), m.timestampMs(), m.proposalId(),
            m.operatorId());
    }
}
