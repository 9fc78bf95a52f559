package org.candor.protocol;

import org.agrona.DirectBuffer;
import org.candor.engine.Bucket;
import org.candor.engine.EngineEvents;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
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
import org.candor.engine.WithdrawalState;
import org.candor.protocol.sbe.AssetCreatedEventDecoder;
import org.candor.protocol.sbe.BlastRadiusPolicySetEventDecoder;
import org.candor.protocol.sbe.CommandResultEventDecoder;
import org.candor.protocol.sbe.DepositCreditedEventDecoder;
import org.candor.protocol.sbe.HoldApprovalThresholdSetEventDecoder;
import org.candor.protocol.sbe.HoldApprovedEventDecoder;
import org.candor.protocol.sbe.HoldEscalatedEventDecoder;
import org.candor.protocol.sbe.HoldPlacedEventDecoder;
import org.candor.protocol.sbe.HoldRejectedEventDecoder;
import org.candor.protocol.sbe.HoldReleasedEventDecoder;
import org.candor.protocol.sbe.HoldRenewedEventDecoder;
import org.candor.protocol.sbe.LedgerEntryEventDecoder;
import org.candor.protocol.sbe.MarketCreatedEventDecoder;
import org.candor.protocol.sbe.MarketStatusChangedEventDecoder;
import org.candor.protocol.sbe.MassActionApprovedEventDecoder;
import org.candor.protocol.sbe.MassActionExpiredEventDecoder;
import org.candor.protocol.sbe.MassActionProposedEventDecoder;
import org.candor.protocol.sbe.OrderAcceptedEventDecoder;
import org.candor.protocol.sbe.OrderDoneEventDecoder;
import org.candor.protocol.sbe.OrderLabelledEventDecoder;
import org.candor.protocol.sbe.OrderMovedEventDecoder;
import org.candor.protocol.sbe.OrderReducedEventDecoder;
import org.candor.protocol.sbe.OrderRestedEventDecoder;
import org.candor.protocol.sbe.PolicyChangeApprovedEventDecoder;
import org.candor.protocol.sbe.PolicyChangeExpiredEventDecoder;
import org.candor.protocol.sbe.PolicyChangeProposedEventDecoder;
import org.candor.protocol.sbe.TradeEventDecoder;
import org.candor.protocol.sbe.UserCreatedEventDecoder;
import org.candor.protocol.sbe.WithdrawalAddressAddedEventDecoder;
import org.candor.protocol.sbe.WithdrawalAddressRemovedEventDecoder;
import org.candor.protocol.sbe.WithdrawalApprovedEventDecoder;
import org.candor.protocol.sbe.WithdrawalBroadcastEventDecoder;
import org.candor.protocol.sbe.WithdrawalFailedEventDecoder;
import org.candor.protocol.sbe.WithdrawalPolicySetEventDecoder;
import org.candor.protocol.sbe.WithdrawalRejectedEventDecoder;
import org.candor.protocol.sbe.WithdrawalRequestedEventDecoder;
import org.candor.protocol.sbe.WithdrawalSlaMissedEventDecoder;
import org.candor.protocol.sbe.WithdrawalStateChangedEventDecoder;
import org.candor.protocol.sbe.WithdrawalsPausedEventDecoder;
import org.candor.protocol.sbe.WithdrawalsResumedEventDecoder;

/**
 * Decodes one event message and calls the matching method of an {@link EngineEvents} listener, so that read-side
 * consumers implement the engine's own interface. A message that is not a readable event of this schema throws
 * {@link ProtocolException}. Nothing is allocated except the strings of assetCreated and marketCreated.
 */
public final class EventDecoder {
    private final EngineEvents listener;
    private final MessageHeaderReader reader = new MessageHeaderReader(EventEncoder.UNCHANGED_EVENT_VERSION);
    private final CommandResultEventDecoder commandResult = new CommandResultEventDecoder();
    private final AssetCreatedEventDecoder assetCreated = new AssetCreatedEventDecoder();
    private final MarketCreatedEventDecoder marketCreated = new MarketCreatedEventDecoder();
    private final MarketStatusChangedEventDecoder marketStatusChanged = new MarketStatusChangedEventDecoder();
    private final UserCreatedEventDecoder userCreated = new UserCreatedEventDecoder();
    private final LedgerEntryEventDecoder ledgerEntry = new LedgerEntryEventDecoder();
    private final DepositCreditedEventDecoder depositCredited = new DepositCreditedEventDecoder();
    private final WithdrawalRequestedEventDecoder withdrawalRequested = new WithdrawalRequestedEventDecoder();
    private final WithdrawalStateChangedEventDecoder withdrawalStateChanged =
        new WithdrawalStateChangedEventDecoder();
    private final HoldPlacedEventDecoder holdPlaced = new HoldPlacedEventDecoder();
    private final HoldReleasedEventDecoder holdReleased = new HoldReleasedEventDecoder();
    private final OrderAcceptedEventDecoder orderAccepted = new OrderAcceptedEventDecoder();
    private final OrderLabelledEventDecoder orderLabelled = new OrderLabelledEventDecoder();
    /** An order's label, decoded without allocating: lent to the listener for the call (see EngineEvents). */
    private final StringBuilder label = new StringBuilder(OrderRules.CLIENT_ORDER_LABEL_MAX);
    private final TradeEventDecoder trade = new TradeEventDecoder();
    private final OrderRestedEventDecoder orderRested = new OrderRestedEventDecoder();
    private final OrderReducedEventDecoder orderReduced = new OrderReducedEventDecoder();
    private final OrderMovedEventDecoder orderMoved = new OrderMovedEventDecoder();
    private final OrderDoneEventDecoder orderDone = new OrderDoneEventDecoder();
    private final Texts texts = new Texts();
    private final HoldApprovedEventDecoder holdApproved = new HoldApprovedEventDecoder();
    private final HoldRejectedEventDecoder holdRejected = new HoldRejectedEventDecoder();
    private final HoldEscalatedEventDecoder holdEscalated = new HoldEscalatedEventDecoder();
    private final HoldRenewedEventDecoder holdRenewed = new HoldRenewedEventDecoder();
    private final HoldApprovalThresholdSetEventDecoder holdApprovalThresholdSet =
        new HoldApprovalThresholdSetEventDecoder();
    private final BlastRadiusPolicySetEventDecoder blastRadiusPolicySet = new BlastRadiusPolicySetEventDecoder();
    private final MassActionProposedEventDecoder massActionProposed = new MassActionProposedEventDecoder();
    private final MassActionApprovedEventDecoder massActionApproved = new MassActionApprovedEventDecoder();
    private final WithdrawalAddressAddedEventDecoder withdrawalAddressAdded = new WithdrawalAddressAddedEventDecoder();
    private final WithdrawalAddressRemovedEventDecoder withdrawalAddressRemoved =
        new WithdrawalAddressRemovedEventDecoder();
    private final WithdrawalApprovedEventDecoder withdrawalApproved = new WithdrawalApprovedEventDecoder();
    private final WithdrawalRejectedEventDecoder withdrawalRejected = new WithdrawalRejectedEventDecoder();
    private final WithdrawalBroadcastEventDecoder withdrawalBroadcast = new WithdrawalBroadcastEventDecoder();
    private final WithdrawalFailedEventDecoder withdrawalFailed = new WithdrawalFailedEventDecoder();
    private final WithdrawalSlaMissedEventDecoder withdrawalSlaMissed = new WithdrawalSlaMissedEventDecoder();
    private final WithdrawalPolicySetEventDecoder withdrawalPolicySet = new WithdrawalPolicySetEventDecoder();
    private final WithdrawalsPausedEventDecoder withdrawalsPaused = new WithdrawalsPausedEventDecoder();
    private final WithdrawalsResumedEventDecoder withdrawalsResumed = new WithdrawalsResumedEventDecoder();
    private final PolicyChangeProposedEventDecoder policyChangeProposed = new PolicyChangeProposedEventDecoder();
    private final PolicyChangeApprovedEventDecoder policyChangeApproved = new PolicyChangeApprovedEventDecoder();
    private final PolicyChangeExpiredEventDecoder policyChangeExpired = new PolicyChangeExpiredEventDecoder();
    private final MassActionExpiredEventDecoder massActionExpired = new MassActionExpiredEventDecoder();

    /** A decoder that calls {@code listener} once per decoded event. */
    public EventDecoder(final EngineEvents listener) {
        this.listener = listener;
    }

    /**
     * Decodes the event in {@code length} bytes at {@code offset} and calls the listener once.
     *
     * @throws ProtocolException if the bytes are not an event this build can read
     */
    public void decode(final DirectBuffer buffer, final int offset, final int length) {
        final int templateId = reader.read(buffer, offset, length);
        final int body = MessageHeaderReader.bodyOffset(offset);
        switch (templateId) {
            case CommandResultEventDecoder.TEMPLATE_ID -> commandResult(buffer, body);
            case AssetCreatedEventDecoder.TEMPLATE_ID -> assetCreated(buffer, body);
            case MarketCreatedEventDecoder.TEMPLATE_ID -> marketCreated(buffer, body);
            case MarketStatusChangedEventDecoder.TEMPLATE_ID -> marketStatusChanged(buffer, body);
            case UserCreatedEventDecoder.TEMPLATE_ID -> userCreated(buffer, body);
            case LedgerEntryEventDecoder.TEMPLATE_ID -> ledgerEntry(buffer, body);
            case DepositCreditedEventDecoder.TEMPLATE_ID -> depositCredited(buffer, body);
            case WithdrawalRequestedEventDecoder.TEMPLATE_ID -> withdrawalRequested(buffer, body);
            case WithdrawalStateChangedEventDecoder.TEMPLATE_ID -> withdrawalStateChanged(buffer, body);
            case HoldPlacedEventDecoder.TEMPLATE_ID -> holdPlaced(buffer, body);
            case HoldReleasedEventDecoder.TEMPLATE_ID -> holdReleased(buffer, body);
            case OrderAcceptedEventDecoder.TEMPLATE_ID -> orderAccepted(buffer, body);
            case OrderLabelledEventDecoder.TEMPLATE_ID -> orderLabelled(buffer, body);
            case TradeEventDecoder.TEMPLATE_ID -> trade(buffer, body);
            case OrderRestedEventDecoder.TEMPLATE_ID -> orderRested(buffer, body);
            case OrderReducedEventDecoder.TEMPLATE_ID -> orderReduced(buffer, body);
            case OrderMovedEventDecoder.TEMPLATE_ID -> orderMoved(buffer, body);
            case OrderDoneEventDecoder.TEMPLATE_ID -> orderDone(buffer, body);
            case HoldApprovedEventDecoder.TEMPLATE_ID -> holdApproved(buffer, body);
            case HoldRejectedEventDecoder.TEMPLATE_ID -> holdRejected(buffer, body);
            case HoldEscalatedEventDecoder.TEMPLATE_ID -> holdEscalated(buffer, body);
            case HoldRenewedEventDecoder.TEMPLATE_ID -> holdRenewed(buffer, body);
            case HoldApprovalThresholdSetEventDecoder.TEMPLATE_ID -> holdApprovalThresholdSet(buffer, body);
            case BlastRadiusPolicySetEventDecoder.TEMPLATE_ID -> blastRadiusPolicySet(buffer, body);
            case MassActionProposedEventDecoder.TEMPLATE_ID -> massActionProposed(buffer, body);
            case MassActionApprovedEventDecoder.TEMPLATE_ID -> massActionApproved(buffer, body);
            case WithdrawalAddressAddedEventDecoder.TEMPLATE_ID -> withdrawalAddressAdded(buffer, body);
            case WithdrawalAddressRemovedEventDecoder.TEMPLATE_ID -> withdrawalAddressRemoved(buffer, body);
            case WithdrawalApprovedEventDecoder.TEMPLATE_ID -> withdrawalApproved(buffer, body);
            case WithdrawalRejectedEventDecoder.TEMPLATE_ID -> withdrawalRejected(buffer, body);
            case WithdrawalBroadcastEventDecoder.TEMPLATE_ID -> withdrawalBroadcast(buffer, body);
            case WithdrawalFailedEventDecoder.TEMPLATE_ID -> withdrawalFailed(buffer, body);
            case WithdrawalSlaMissedEventDecoder.TEMPLATE_ID -> withdrawalSlaMissed(buffer, body);
            case WithdrawalPolicySetEventDecoder.TEMPLATE_ID -> withdrawalPolicySet(buffer, body);
            case WithdrawalsPausedEventDecoder.TEMPLATE_ID -> withdrawalsPaused(buffer, body);
            case WithdrawalsResumedEventDecoder.TEMPLATE_ID -> withdrawalsResumed(buffer, body);
            case PolicyChangeProposedEventDecoder.TEMPLATE_ID -> policyChangeProposed(buffer, body);
            case PolicyChangeApprovedEventDecoder.TEMPLATE_ID -> policyChangeApproved(buffer, body);
            case PolicyChangeExpiredEventDecoder.TEMPLATE_ID -> policyChangeExpired(buffer, body);
            case MassActionExpiredEventDecoder.TEMPLATE_ID -> massActionExpired(buffer, body);
            default -> throw reader.unknownTemplate("event");
        }
    }

    private void commandResult(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CommandResultEventDecoder.BLOCK_LENGTH);
        final CommandResultEventDecoder m = commandResult.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.commandResult(m.seq(), m.clientId(), m.commandId(), m.timestampMs(),
            RejectReason.fromCode(m.reason()), m.reference(), m.firstSeq(), Codes.bool(m.duplicate()));
    }

    private void assetCreated(final DirectBuffer buffer, final int body) {
        reader.requireBlock(AssetCreatedEventDecoder.BLOCK_LENGTH);
        final AssetCreatedEventDecoder m = assetCreated.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.assetCreated(m.seq(), m.assetId(), m.code(), m.scale());
    }

    private void marketCreated(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MarketCreatedEventDecoder.BLOCK_LENGTH);
        final MarketCreatedEventDecoder m = marketCreated.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.marketCreated(m.seq(), m.marketId(), m.symbol(), m.baseAssetId(), m.quoteAssetId(), m.tickSize(),
            m.lotSize(), m.minQuantity(), m.maxQuantity(), m.minNotional(), m.makerFeeBps(), m.takerFeeBps());
    }

    private void marketStatusChanged(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MarketStatusChangedEventDecoder.BLOCK_LENGTH);
        final MarketStatusChangedEventDecoder m =
            marketStatusChanged.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.marketStatusChanged(m.seq(), m.marketId(), MarketStatus.fromCode(m.status()));
    }

    private void userCreated(final DirectBuffer buffer, final int body) {
        reader.requireBlock(UserCreatedEventDecoder.BLOCK_LENGTH);
        final UserCreatedEventDecoder m = userCreated.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.userCreated(m.seq(), m.userId());
    }

    private void ledgerEntry(final DirectBuffer buffer, final int body) {
        reader.requireBlock(LedgerEntryEventDecoder.BLOCK_LENGTH);
        final LedgerEntryEventDecoder m = ledgerEntry.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.ledgerEntry(m.seq(), m.assetId(), m.fromUserId(), Bucket.fromCode(m.fromBucket()), m.toUserId(),
            Bucket.fromCode(m.toBucket()), m.amount(), LedgerCause.fromCode(m.cause()), m.reference());
    }

    private void depositCredited(final DirectBuffer buffer, final int body) {
        reader.requireBlock(DepositCreditedEventDecoder.BLOCK_LENGTH);
        final DepositCreditedEventDecoder m =
            depositCredited.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.depositCredited(m.seq(), m.userId(), m.assetId(), m.amount(), m.depositRef());
    }

    private void withdrawalRequested(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalRequestedEventDecoder.BLOCK_LENGTH);
        final WithdrawalRequestedEventDecoder m =
            withdrawalRequested.wrap(buffer, body, reader.blockLength(), reader.version());
        // A version 2 request had no address and no approval step: address 0, REQUESTED.
        final boolean v2 = reader.version() < 3;
        listener.withdrawalRequested(m.seq(), m.withdrawalId(), m.userId(), m.assetId(), m.amount(),
            v2 ? 0 : m.addressId(), v2 ? WithdrawalState.REQUESTED : WithdrawalState.fromCode(m.state()));
    }

    private void withdrawalStateChanged(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalStateChangedEventDecoder.BLOCK_LENGTH);
        final WithdrawalStateChangedEventDecoder m =
            withdrawalStateChanged.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalStateChanged(m.seq(), m.withdrawalId(), WithdrawalState.fromCode(m.state()));
    }

    /**
     * A version 1 hold took effect at once and carried no explanation, deadline or kind: it decodes as an ACTIVE
     * AMOUNT hold released by an operator, with an empty explanation and no deadline (decision 0009).
     */
    private void holdPlaced(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldPlacedEventDecoder.BLOCK_LENGTH);
        final HoldPlacedEventDecoder m = holdPlaced.wrap(buffer, body, reader.blockLength(), reader.version());
        final boolean v1 = reader.version() < 2;
        final String explanation = texts.read("explanation", m.getExplanation(texts.scratch(), 0));
        listener.holdPlaced(m.seq(), m.holdId(), m.userId(), m.assetId(), m.amount(),
            v1 ? HoldKind.AMOUNT : HoldKind.fromCode(m.kind()), HoldReason.fromCode(m.reason()), explanation,
            m.operatorId(), v1 ? 0 : m.reviewDeadlineMs(),
            v1 ? ReleaseCondition.OPERATOR_RELEASE : ReleaseCondition.fromCode(m.releaseCondition()),
            v1 ? 0 : m.ticketRef(), v1 ? 0 : m.massActionId(), v1 ? HoldState.ACTIVE : HoldState.fromCode(m.state()));
    }

    private void holdReleased(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldReleasedEventDecoder.BLOCK_LENGTH);
        final HoldReleasedEventDecoder m = holdReleased.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.holdReleased(m.seq(), m.holdId(), m.operatorId(), Codes.bool(m.automatic()));
    }

    private void holdApproved(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldApprovedEventDecoder.BLOCK_LENGTH);
        final HoldApprovedEventDecoder m = holdApproved.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.holdApproved(m.seq(), m.holdId(), m.operatorId());
    }

    private void holdRejected(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldRejectedEventDecoder.BLOCK_LENGTH);
        final HoldRejectedEventDecoder m = holdRejected.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.holdRejected(m.seq(), m.holdId(), m.operatorId(), Codes.bool(m.automatic()),
            texts.read("justification", m.getJustification(texts.scratch(), 0)));
    }

    private void holdEscalated(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldEscalatedEventDecoder.BLOCK_LENGTH);
        final HoldEscalatedEventDecoder m = holdEscalated.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.holdEscalated(m.seq(), m.holdId(), m.userId(), m.reviewDeadlineMs());
    }

    private void holdRenewed(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldRenewedEventDecoder.BLOCK_LENGTH);
        final HoldRenewedEventDecoder m = holdRenewed.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.holdRenewed(m.seq(), m.holdId(), m.operatorId(), m.reviewDeadlineMs(), m.renewals(),
            texts.read("justification", m.getJustification(texts.scratch(), 0)));
    }

    private void holdApprovalThresholdSet(final DirectBuffer buffer, final int body) {
        reader.requireBlock(HoldApprovalThresholdSetEventDecoder.BLOCK_LENGTH);
        final HoldApprovalThresholdSetEventDecoder m =
            holdApprovalThresholdSet.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.holdApprovalThresholdSet(m.seq(), m.assetId(), m.thresholdAmount(), m.operatorId());
    }

    private void blastRadiusPolicySet(final DirectBuffer buffer, final int body) {
        reader.requireBlock(BlastRadiusPolicySetEventDecoder.BLOCK_LENGTH);
        final BlastRadiusPolicySetEventDecoder m =
            blastRadiusPolicySet.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.blastRadiusPolicySet(m.seq(), m.accountsMax(), m.shareBpsMax(), m.windowMs(), m.operatorId());
    }

    private void massActionProposed(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MassActionProposedEventDecoder.BLOCK_LENGTH);
        final MassActionProposedEventDecoder m =
            massActionProposed.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.massActionProposed(m.seq(), m.actionId(), m.operatorId(), m.accountsMax(),
            texts.read("justification", m.getJustification(texts.scratch(), 0)));
    }

    private void massActionApproved(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MassActionApprovedEventDecoder.BLOCK_LENGTH);
        final MassActionApprovedEventDecoder m =
            massActionApproved.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.massActionApproved(m.seq(), m.actionId(), m.operatorId());
    }

    private void orderAccepted(final DirectBuffer buffer, final int body) {
        reader.requireBlock(OrderAcceptedEventDecoder.BLOCK_LENGTH);
        final OrderAcceptedEventDecoder m = orderAccepted.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.orderAccepted(m.seq(), m.orderId(), m.userId(), m.marketId(), Side.fromCode(m.side()),
            OrderType.fromCode(m.orderType()), TimeInForce.fromCode(m.timeInForce()), m.price(), m.quantity(),
            m.quoteBudget(), m.clientOrderId(), StpMode.fromCode(m.stpMode()));
    }

    private void orderLabelled(final DirectBuffer buffer, final int body) {
        reader.requireBlock(OrderLabelledEventDecoder.BLOCK_LENGTH);
        final OrderLabelledEventDecoder m = orderLabelled.wrap(buffer, body, reader.blockLength(), reader.version());
        label.setLength(0);
        m.getLabel(label);
        listener.orderLabelled(m.seq(), m.orderId(), m.userId(), m.clientOrderId(), label);
    }

    private void trade(final DirectBuffer buffer, final int body) {
        reader.requireBlock(TradeEventDecoder.BLOCK_LENGTH);
        final TradeEventDecoder m = trade.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.trade(m.seq(), m.tradeId(), m.marketId(), m.price(), m.quantity(), m.quoteAmount(),
            m.makerOrderId(), m.takerOrderId(), m.makerUserId(), m.takerUserId(), Side.fromCode(m.takerSide()),
            m.makerFee(), m.takerFee(), m.makerRemaining(), m.takerRemaining());
    }

    private void orderRested(final DirectBuffer buffer, final int body) {
        reader.requireBlock(OrderRestedEventDecoder.BLOCK_LENGTH);
        final OrderRestedEventDecoder m = orderRested.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.orderRested(m.seq(), m.orderId(), m.price(), m.remaining());
    }

    private void orderReduced(final DirectBuffer buffer, final int body) {
        reader.requireBlock(OrderReducedEventDecoder.BLOCK_LENGTH);
        final OrderReducedEventDecoder m = orderReduced.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.orderReduced(m.seq(), m.orderId(), m.remaining());
    }

    private void orderMoved(final DirectBuffer buffer, final int body) {
        reader.requireBlock(OrderMovedEventDecoder.BLOCK_LENGTH);
        final OrderMovedEventDecoder m = orderMoved.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.orderMoved(m.seq(), m.orderId(), m.oldPrice(), m.newPrice());
    }

    private void orderDone(final DirectBuffer buffer, final int body) {
        reader.requireBlock(OrderDoneEventDecoder.BLOCK_LENGTH);
        final OrderDoneEventDecoder m = orderDone.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.orderDone(m.seq(), m.orderId(), OrderEndReason.fromCode(m.reason()), m.remaining());
    }
    private void withdrawalAddressAdded(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalAddressAddedEventDecoder.BLOCK_LENGTH);
        final WithdrawalAddressAddedEventDecoder m =
            withdrawalAddressAdded.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalAddressAdded(m.seq(), m.userId(), m.assetId(), m.addressId(), m.destination(),
            m.usableFromMs());
    }

    private void withdrawalAddressRemoved(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalAddressRemovedEventDecoder.BLOCK_LENGTH);
        final WithdrawalAddressRemovedEventDecoder m =
            withdrawalAddressRemoved.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalAddressRemoved(m.seq(), m.userId(), m.addressId());
    }

    private void withdrawalApproved(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalApprovedEventDecoder.BLOCK_LENGTH);
        final WithdrawalApprovedEventDecoder m =
            withdrawalApproved.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalApproved(m.seq(), m.withdrawalId(), m.operatorId());
    }

    private void withdrawalRejected(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalRejectedEventDecoder.BLOCK_LENGTH);
        final WithdrawalRejectedEventDecoder m =
            withdrawalRejected.wrap(buffer, body, reader.blockLength(), reader.version());
        final String justification = texts.read("justification", m.getJustification(texts.scratch(), 0));
        listener.withdrawalRejected(m.seq(), m.withdrawalId(), m.operatorId(), justification);
    }

    private void withdrawalBroadcast(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalBroadcastEventDecoder.BLOCK_LENGTH);
        final WithdrawalBroadcastEventDecoder m =
            withdrawalBroadcast.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalBroadcast(m.seq(), m.withdrawalId(), m.txRef(), m.fee());
    }

    private void withdrawalFailed(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalFailedEventDecoder.BLOCK_LENGTH);
        final WithdrawalFailedEventDecoder m =
            withdrawalFailed.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalFailed(m.seq(), m.withdrawalId(), WithdrawalFailure.fromCode(m.reason()));
    }

    private void withdrawalSlaMissed(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalSlaMissedEventDecoder.BLOCK_LENGTH);
        final WithdrawalSlaMissedEventDecoder m =
            withdrawalSlaMissed.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalSlaMissed(m.seq(), m.withdrawalId(), m.userId(), WithdrawalState.fromCode(m.state()),
            m.deadlineMs());
    }

    private void withdrawalPolicySet(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalPolicySetEventDecoder.BLOCK_LENGTH);
        final WithdrawalPolicySetEventDecoder m =
            withdrawalPolicySet.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalPolicySet(m.seq(), m.assetId(), PolicyKind.fromCode(m.kind()), m.value(), m.operatorId());
    }

    private void withdrawalsPaused(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalsPausedEventDecoder.BLOCK_LENGTH);
        final WithdrawalsPausedEventDecoder m =
            withdrawalsPaused.wrap(buffer, body, reader.blockLength(), reader.version());
        final String explanation = texts.read("explanation", m.getExplanation(texts.scratch(), 0));
        listener.withdrawalsPaused(m.seq(), m.assetId(), WithdrawalPauseReason.fromCode(m.reason()), explanation,
            m.operatorId());
    }

    private void withdrawalsResumed(final DirectBuffer buffer, final int body) {
        reader.requireBlock(WithdrawalsResumedEventDecoder.BLOCK_LENGTH);
        final WithdrawalsResumedEventDecoder m =
            withdrawalsResumed.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.withdrawalsResumed(m.seq(), m.assetId(), m.operatorId());
    }

    private void policyChangeProposed(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PolicyChangeProposedEventDecoder.BLOCK_LENGTH);
        final PolicyChangeProposedEventDecoder m =
            policyChangeProposed.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.policyChangeProposed(m.seq(), m.proposalId(), PolicyKind.fromCode(m.kind()), m.assetId(), m.value(),
            m.accountsMax(), m.shareBpsMax(), m.operatorId(), m.expiresAtMs());
    }

    private void policyChangeApproved(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PolicyChangeApprovedEventDecoder.BLOCK_LENGTH);
        final PolicyChangeApprovedEventDecoder m =
            policyChangeApproved.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.policyChangeApproved(m.seq(), m.proposalId(), m.operatorId());
    }

    private void policyChangeExpired(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PolicyChangeExpiredEventDecoder.BLOCK_LENGTH);
        final PolicyChangeExpiredEventDecoder m =
            policyChangeExpired.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.policyChangeExpired(m.seq(), m.proposalId());
    }

    private void massActionExpired(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MassActionExpiredEventDecoder.BLOCK_LENGTH);
        final MassActionExpiredEventDecoder m =
            massActionExpired.wrap(buffer, body, reader.blockLength(), reader.version());
        listener.massActionExpired(m.seq(), m.actionId(), m.used());
    }
}
