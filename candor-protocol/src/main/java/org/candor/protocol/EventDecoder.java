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
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
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
import org.candor.protocol.sbe.MassActionProposedEventDecoder;
import org.candor.protocol.sbe.OrderAcceptedEventDecoder;
import org.candor.protocol.sbe.OrderDoneEventDecoder;
import org.candor.protocol.sbe.OrderMovedEventDecoder;
import org.candor.protocol.sbe.OrderReducedEventDecoder;
import org.candor.protocol.sbe.OrderRestedEventDecoder;
import org.candor.protocol.sbe.TradeEventDecoder;
import org.candor.protocol.sbe.UserCreatedEventDecoder;
import org.candor.protocol.sbe.WithdrawalRequestedEventDecoder;
import org.candor.protocol.sbe.WithdrawalStateChangedEventDecoder;

/**
 * Decodes one event message and calls the matching method of an {@link EngineEvents} listener, so that read-side
 * consumers implement the engine's own interface. A message that is not a readable event of this schema throws
 * {@link ProtocolException}. Nothing is allocated except the strings of assetCreated and marketCreated.
 */
public final class EventDecoder {
    private final EngineEvents listener;
    private final MessageHeaderReader reader = new MessageHeaderReader();
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
        listener.withdrawalRequested(m.seq(), m.withdrawalId(), m.userId(), m.assetId(), m.amount());
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
}
