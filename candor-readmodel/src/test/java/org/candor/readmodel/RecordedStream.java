package org.candor.readmodel;

import java.util.List;

import org.candor.engine.EngineEvents;
import org.candor.testkit.RecordingEvents.AssetCreated;
import org.candor.testkit.RecordingEvents.BlastRadiusPolicySet;
import org.candor.testkit.RecordingEvents.CommandResult;
import org.candor.testkit.RecordingEvents.DepositCredited;
import org.candor.testkit.RecordingEvents.Event;
import org.candor.testkit.RecordingEvents.HoldApprovalThresholdSet;
import org.candor.testkit.RecordingEvents.HoldApproved;
import org.candor.testkit.RecordingEvents.HoldEscalated;
import org.candor.testkit.RecordingEvents.HoldPlaced;
import org.candor.testkit.RecordingEvents.HoldRejected;
import org.candor.testkit.RecordingEvents.HoldReleased;
import org.candor.testkit.RecordingEvents.HoldRenewed;
import org.candor.testkit.RecordingEvents.LedgerEntry;
import org.candor.testkit.RecordingEvents.MarketCreated;
import org.candor.testkit.RecordingEvents.MarketStatusChanged;
import org.candor.testkit.RecordingEvents.MassActionApproved;
import org.candor.testkit.RecordingEvents.MassActionProposed;
import org.candor.testkit.RecordingEvents.OrderAccepted;
import org.candor.testkit.RecordingEvents.OrderDone;
import org.candor.testkit.RecordingEvents.OrderMoved;
import org.candor.testkit.RecordingEvents.OrderReduced;
import org.candor.testkit.RecordingEvents.OrderRested;
import org.candor.testkit.RecordingEvents.Trade;
import org.candor.testkit.RecordingEvents.UserCreated;
import org.candor.testkit.RecordingEvents.WithdrawalRequested;
import org.candor.testkit.RecordingEvents.WithdrawalStateChanged;

/**
 * A recorded event stream played back as a source: what the journal reader will be, from a test's recording. Each
 * poll delivers up to {@code limit} events and returns how many it delivered (0 at the end).
 */
final class RecordedStream implements EventSource {
    private final List<Event> events;
    private int next;

    RecordedStream(final List<Event> events) {
        this.events = List.copyOf(events);
    }

    @Override
    public int poll(final EngineEvents handler, final int limit) {
        final int end = (int) Math.min(events.size(), (long) next + limit);
        final int from = next;
        for (; next < end; next++) {
            deliver(events.get(next), handler);
        }
        return end - from;
    }

    /** Plays back the whole recording from the start. */
    static void replay(final List<Event> events, final EngineEvents handler) {
        final RecordedStream stream = new RecordedStream(events);
        while (stream.poll(handler, Integer.MAX_VALUE) > 0) {
            continue;
        }
    }

    static void deliver(final Event event, final EngineEvents to) {
        if (event instanceof CommandResult e) {
            to.commandResult(e.seq(), e.clientId(), e.commandId(), e.timestampMs(), e.reason(), e.reference(),
                e.firstSeq(), e.duplicate());
        } else if (event instanceof AssetCreated e) {
            to.assetCreated(e.seq(), e.assetId(), e.code(), e.scale());
        } else if (event instanceof MarketCreated e) {
            to.marketCreated(e.seq(), e.marketId(), e.symbol(), e.baseAssetId(), e.quoteAssetId(), e.tickSize(),
                e.lotSize(), e.minQuantity(), e.maxQuantity(), e.minNotional(), e.makerFeeBps(), e.takerFeeBps());
        } else if (event instanceof MarketStatusChanged e) {
            to.marketStatusChanged(e.seq(), e.marketId(), e.status());
        } else if (event instanceof UserCreated e) {
            to.userCreated(e.seq(), e.userId());
        } else if (event instanceof LedgerEntry e) {
            to.ledgerEntry(e.seq(), e.assetId(), e.fromUserId(), e.fromBucket(), e.toUserId(), e.toBucket(),
                e.amount(), e.cause(), e.reference());
        } else if (event instanceof DepositCredited e) {
            to.depositCredited(e.seq(), e.userId(), e.assetId(), e.amount(), e.depositRef());
        } else if (event instanceof WithdrawalRequested e) {
            to.withdrawalRequested(e.seq(), e.withdrawalId(), e.userId(), e.assetId(), e.amount(), e.addressId(),
                e.state());
        } else if (event instanceof WithdrawalStateChanged e) {
            to.withdrawalStateChanged(e.seq(), e.withdrawalId(), e.state());
        } else if (!deliverHoldEvent(event, to)) {
            deliverOrderEvent(event, to);
        }
    }

    private static boolean deliverHoldEvent(final Event event, final EngineEvents to) {
        if (event instanceof HoldPlaced e) {
            to.holdPlaced(e.seq(), e.holdId(), e.userId(), e.assetId(), e.amount(), e.kind(), e.reason(),
                e.explanation(), e.operatorId(), e.reviewDeadlineMs(), e.releaseCondition(), e.ticketRef(),
                e.massActionId(), e.state());
        } else if (event instanceof HoldApproved e) {
            to.holdApproved(e.seq(), e.holdId(), e.operatorId());
        } else if (event instanceof HoldRejected e) {
            to.holdRejected(e.seq(), e.holdId(), e.operatorId(), e.automatic(), e.justification());
        } else if (event instanceof HoldReleased e) {
            to.holdReleased(e.seq(), e.holdId(), e.operatorId(), e.automatic());
        } else if (event instanceof HoldEscalated e) {
            to.holdEscalated(e.seq(), e.holdId(), e.userId(), e.reviewDeadlineMs());
        } else if (event instanceof HoldRenewed e) {
            to.holdRenewed(e.seq(), e.holdId(), e.operatorId(), e.reviewDeadlineMs(), e.renewals(), e.justification());
        } else if (event instanceof HoldApprovalThresholdSet e) {
            to.holdApprovalThresholdSet(e.seq(), e.assetId(), e.thresholdAmount(), e.operatorId());
        } else if (event instanceof BlastRadiusPolicySet e) {
            to.blastRadiusPolicySet(e.seq(), e.accountsMax(), e.shareBpsMax(), e.windowMs(), e.operatorId());
        } else if (event instanceof MassActionProposed e) {
            to.massActionProposed(e.seq(), e.actionId(), e.operatorId(), e.accountsMax(), e.justification());
        } else if (event instanceof MassActionApproved e) {
            to.massActionApproved(e.seq(), e.actionId(), e.operatorId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalAddressAdded e) {
            to.withdrawalAddressAdded(e.seq(), e.userId(), e.assetId(), e.addressId(), e.address(), e.usableFromMs());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalAddressRemoved e) {
            to.withdrawalAddressRemoved(e.seq(), e.userId(), e.addressId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalApproved e) {
            to.withdrawalApproved(e.seq(), e.withdrawalId(), e.operatorId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalRejected e) {
            to.withdrawalRejected(e.seq(), e.withdrawalId(), e.operatorId(), e.justification());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalBroadcast e) {
            to.withdrawalBroadcast(e.seq(), e.withdrawalId(), e.txRef(), e.fee());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalFailed e) {
            to.withdrawalFailed(e.seq(), e.withdrawalId(), e.reason());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalSlaMissed e) {
            to.withdrawalSlaMissed(e.seq(), e.withdrawalId(), e.userId(), e.state(), e.deadlineMs());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalPolicySet e) {
            to.withdrawalPolicySet(e.seq(), e.assetId(), e.kind(), e.value(), e.operatorId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalsPaused e) {
            to.withdrawalsPaused(e.seq(), e.assetId(), e.reason(), e.explanation(), e.operatorId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.WithdrawalsResumed e) {
            to.withdrawalsResumed(e.seq(), e.assetId(), e.operatorId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.PolicyChangeProposed e) {
            to.policyChangeProposed(e.seq(), e.proposalId(), e.kind(), e.assetId(), e.value(), e.accountsMax(),
                e.shareBpsMax(), e.operatorId(), e.expiresAtMs());
        } else if (event instanceof org.candor.testkit.RecordingEvents.PolicyChangeApproved e) {
            to.policyChangeApproved(e.seq(), e.proposalId(), e.operatorId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.PolicyChangeExpired e) {
            to.policyChangeExpired(e.seq(), e.proposalId());
        } else if (event instanceof org.candor.testkit.RecordingEvents.MassActionExpired e) {
            to.massActionExpired(e.seq(), e.actionId(), e.used());
        } else {
            return false;
        }
        return true;
    }

    private static void deliverOrderEvent(final Event event, final EngineEvents to) {
        if (event instanceof OrderAccepted e) {
            to.orderAccepted(e.seq(), e.orderId(), e.userId(), e.marketId(), e.side(), e.type(), e.timeInForce(),
                e.price(), e.quantity(), e.quoteBudget(), e.clientOrderId(), e.stpMode());
        } else if (event instanceof Trade e) {
            to.trade(e.seq(), e.tradeId(), e.marketId(), e.price(), e.quantity(), e.quoteAmount(), e.makerOrderId(),
                e.takerOrderId(), e.makerUserId(), e.takerUserId(), e.takerSide(), e.makerFee(), e.takerFee(),
                e.makerRemaining(), e.takerRemaining());
        } else if (event instanceof OrderRested e) {
            to.orderRested(e.seq(), e.orderId(), e.price(), e.remaining());
        } else if (event instanceof OrderReduced e) {
            to.orderReduced(e.seq(), e.orderId(), e.remaining());
        } else if (event instanceof OrderMoved e) {
            to.orderMoved(e.seq(), e.orderId(), e.oldPrice(), e.newPrice());
        } else if (event instanceof OrderDone e) {
            to.orderDone(e.seq(), e.orderId(), e.reason(), e.remaining());
        } else {
            throw new IllegalArgumentException("unknown event kind: " + event);
        }
    }
}
