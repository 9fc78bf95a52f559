package org.candor.notifications;

import java.util.ArrayList;
import java.util.List;

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

/**
 * Translates the committed events into what users are told: a pure function of the event stream, with no I/O, clock
 * or randomness. It implements every event (not {@code IgnoringEvents}) so a new kind of event is a compile error
 * here until someone decides whether users hear of it.
 *
 * <p>A command's notifications are held until its {@code commandResult}, stamped with the command's time, and handed
 * to the {@link Sink} with the result's sequence (the position to record with them). Every event that moves a user's
 * money outside their own trading (deposits, withdrawals, holds) yields a notification to that user; notices that
 * concern everyone (a market halted, an asset's withdrawals paused) are one row for {@link Notification#EVERYONE},
 * so their cost does not grow with the number of users. Trades and orders are not notified: the user made them and
 * the user data stream reports them already.
 *
 * <p>It needs the stream from sequence 1: a later event names only an id, and the memory of what that id is (an
 * asset's scale, a hold's amount and explanation) comes from earlier events. A gap in the sequence stops it.
 */
public final class Notifier implements EngineEvents {
    /** Where each command's notifications go, in order. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param resultSeq     the sequence of the command's result: every event up to it is accounted for
         * @param timestampMs   the command's cluster time
         * @param notifications what the command's events told users, in event order (often none)
         */
        void command(long resultSeq, long timestampMs, List<Notification> notifications);
    }

    private final Memory memory = new Memory();
    private final Sink sink;
    private final List<Notification> pending = new ArrayList<>();
    private long lastSeq;

    public Notifier(final Sink sink) {
        this.sink = sink;
    }

    /** The last event sequence read. */
    public long lastSeq() {
        return lastSeq;
    }

    private void next(final long seq) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("events out of sequence: expected=" + (lastSeq + 1) + " got=" + seq);
        }
        lastSeq = seq;
    }

    private void tell(final Notification notification) {
        pending.add(notification);
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        next(seq);
        final List<Notification> stamped = new ArrayList<>(pending.size());
        for (final Notification notification : pending) {
            stamped.add(notification.at(timestampMs));
        }
        pending.clear();
        sink.command(seq, timestampMs, stamped);
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        next(seq);
        memory.assets.put(assetId, new Memory.Asset(code, scale));
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        next(seq);
        memory.markets.put(marketId, new Memory.Market(symbol, MarketStatus.TRADING));
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        next(seq);
        final Memory.Market market = memory.markets.get(marketId);
        final String symbol = market == null ? "market #" + marketId : market.symbol();
        memory.markets.put(marketId, new Memory.Market(symbol, status));
        if (market != null && market.status() == status) {
            return;
        }
        if (status == MarketStatus.HALTED) {
            tell(new Notification(seq, Notification.EVERYONE, 0, NotificationKind.MARKET_HALTED,
                "Trading on " + symbol + " is halted", "Trading on " + symbol + " is halted: new orders there are "
                    + "refused until it resumes, and you will be told when it does. Balances, deposits and "
                    + "withdrawals are not affected.", 0, 0, null, symbol));
        } else {
            tell(new Notification(seq, Notification.EVERYONE, 0, NotificationKind.MARKET_RESUMED,
                "Trading on " + symbol + " has resumed", "Trading on " + symbol + " is open again.", 0, 0, null,
                symbol));
        }
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        next(seq);
    }

    /** Ledger entries need no words of their own: the event that caused each one is explained. */
    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        next(seq);
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        next(seq);
        final String money = memory.money(assetId, amount);
        tell(new Notification(seq, userId, 0, NotificationKind.DEPOSIT_CREDITED, "Deposit of " + money + " credited",
            money + " was credited to your balance and is available (deposit reference " + depositRef + ").", 0, 0,
            memory.code(assetId), null));
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        next(seq);
        final Memory.Address address = memory.addresses.get(addressId);
        final Memory.Withdrawal withdrawal = new Memory.Withdrawal(withdrawalId, userId, assetId, amount,
            address == null ? null : address.address(), null, false);
        memory.withdrawals.put(withdrawalId, withdrawal);
        tell(WithdrawalMessages.requested(seq, memory, withdrawal, state));
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        next(seq);
        final Memory.Withdrawal withdrawal = memory.withdrawals.get(withdrawalId);
        if (withdrawal == null || !state.isFinal()) {
            return;
        }
        memory.withdrawals.remove(withdrawalId);
        if (!withdrawal.endTold()) {
            tell(WithdrawalMessages.ended(seq, memory, withdrawal, state));
        }
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        next(seq);
        final Memory.Hold hold = new Memory.Hold(holdId, userId, assetId, amount, kind, reason, explanation,
            releaseCondition, reviewDeadlineMs);
        memory.holds.put(holdId, hold);
        tell(HoldMessages.placed(seq, memory, hold, state == HoldState.PENDING_APPROVAL));
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        next(seq);
        final Memory.Hold hold = memory.holds.get(holdId);
        if (hold != null) {
            tell(HoldMessages.approved(seq, memory, hold));
        }
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        next(seq);
        final Memory.Hold hold = memory.holds.remove(holdId);
        if (hold != null) {
            tell(HoldMessages.notApproved(seq, memory, hold, automatic));
        }
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        next(seq);
        final Memory.Hold hold = memory.holds.remove(holdId);
        if (hold != null) {
            tell(HoldMessages.released(seq, memory, hold, automatic));
        }
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        next(seq);
        final Memory.Hold hold = memory.holds.get(holdId);
        if (hold != null) {
            tell(HoldMessages.escalated(seq, memory, hold.withDeadline(reviewDeadlineMs)));
        }
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        next(seq);
        final Memory.Hold hold = memory.holds.get(holdId);
        if (hold != null) {
            final Memory.Hold renewed = hold.withDeadline(reviewDeadlineMs);
            memory.holds.put(holdId, renewed);
            tell(HoldMessages.renewed(seq, memory, renewed, renewals));
        }
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        next(seq);
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax, final long windowMs,
        final long operatorId) {
        next(seq);
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId, final int accountsMax,
        final String justification) {
        next(seq);
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        next(seq);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        next(seq);
        memory.addresses.put(addressId, new Memory.Address(userId, assetId, address));
        tell(WithdrawalMessages.addressAdded(seq, memory, userId, assetId, addressId, address, usableFromMs));
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        next(seq);
        final Memory.Address known = memory.addresses.remove(addressId);
        tell(WithdrawalMessages.addressRemoved(seq, memory, userId, addressId, known));
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        next(seq);
        final Memory.Withdrawal withdrawal = memory.withdrawals.get(withdrawalId);
        if (withdrawal != null) {
            tell(WithdrawalMessages.approved(seq, memory, withdrawal));
        }
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        next(seq);
        final Memory.Withdrawal withdrawal = memory.withdrawals.get(withdrawalId);
        if (withdrawal != null) {
            memory.withdrawals.put(withdrawalId, withdrawal.told());
            tell(WithdrawalMessages.rejected(seq, memory, withdrawal, justification));
        }
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        next(seq);
        final Memory.Withdrawal withdrawal = memory.withdrawals.get(withdrawalId);
        if (withdrawal != null) {
            final Memory.Withdrawal sent = withdrawal.withTxRef(txRef);
            memory.withdrawals.put(withdrawalId, sent);
            tell(WithdrawalMessages.broadcast(seq, memory, sent, fee));
        }
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        next(seq);
        final Memory.Withdrawal withdrawal = memory.withdrawals.get(withdrawalId);
        if (withdrawal != null) {
            memory.withdrawals.put(withdrawalId, withdrawal.told());
            tell(WithdrawalMessages.failed(seq, memory, withdrawal, reason));
        }
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        next(seq);
        final Memory.Withdrawal withdrawal = memory.withdrawals.get(withdrawalId);
        if (withdrawal != null) {
            tell(WithdrawalMessages.delayed(seq, memory, withdrawal, state, deadlineMs));
        }
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        next(seq);
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        next(seq);
        tell(WithdrawalMessages.paused(seq, memory, assetId, reason, explanation));
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        next(seq);
        tell(WithdrawalMessages.resumed(seq, memory, assetId));
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        next(seq);
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        next(seq);
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        next(seq);
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        next(seq);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        next(seq);
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        next(seq);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        next(seq);
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        next(seq);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        next(seq);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        next(seq);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        next(seq);
    }
}
