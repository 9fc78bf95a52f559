package org.candor.gateway;

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
 * Passes every event to both views, then to the followers that read the views (the user data streams' collector,
 * the funds view, the holds view), in that order, and reports each command result so {@link ReadViews} can track
 * how far they have got. Every event goes to every view: a view that does not need one ignores it
 * ({@link org.candor.engine.IgnoringEvents}), so a new event can never be lost here.
 */
final class ViewFanout implements EngineEvents {
    private final EngineEvents[] views;
    private final CommandApplied applied;

    ViewFanout(final MarketView market, final AccountView accounts, final CommandApplied applied,
        final EngineEvents... followers) {
        this.views = new EngineEvents[followers.length + 2];
        views[0] = market;
        views[1] = accounts;
        System.arraycopy(followers, 0, views, 2, followers.length);
        this.applied = applied;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        for (int i = 0; i < views.length; i++) {
            views[i].commandResult(seq, clientId, commandId, timestampMs, reason, reference, firstSeq, duplicate);
        }
        applied.applied(seq, clientId, commandId, timestampMs);
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        for (int i = 0; i < views.length; i++) {
            views[i].assetCreated(seq, assetId, code, scale);
        }
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity, final long maxQuantity,
        final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        for (int i = 0; i < views.length; i++) {
            views[i].marketCreated(seq, marketId, symbol, baseAssetId, quoteAssetId, tickSize, lotSize, minQuantity,
                maxQuantity, minNotional, makerFeeBps, takerFeeBps);
        }
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        for (int i = 0; i < views.length; i++) {
            views[i].marketStatusChanged(seq, marketId, status);
        }
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        for (int i = 0; i < views.length; i++) {
            views[i].userCreated(seq, userId);
        }
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        for (int i = 0; i < views.length; i++) {
            views[i].ledgerEntry(seq, assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference);
        }
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        for (int i = 0; i < views.length; i++) {
            views[i].depositCredited(seq, userId, assetId, amount, depositRef);
        }
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalRequested(seq, withdrawalId, userId, assetId, amount, addressId, state);
        }
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalStateChanged(seq, withdrawalId, state);
        }
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId, final long amount,
        final HoldKind kind, final HoldReason reason, final String explanation, final long operatorId,
        final long reviewDeadlineMs, final ReleaseCondition releaseCondition, final long ticketRef,
        final long massActionId, final HoldState state) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdPlaced(seq, holdId, userId, assetId, amount, kind, reason, explanation, operatorId,
                reviewDeadlineMs, releaseCondition, ticketRef, massActionId, state);
        }
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdApproved(seq, holdId, operatorId);
        }
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdRejected(seq, holdId, operatorId, automatic, justification);
        }
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdReleased(seq, holdId, operatorId, automatic);
        }
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdEscalated(seq, holdId, userId, reviewDeadlineMs);
        }
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdRenewed(seq, holdId, operatorId, reviewDeadlineMs, renewals, justification);
        }
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].holdApprovalThresholdSet(seq, assetId, thresholdAmount, operatorId);
        }
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax, final long windowMs,
        final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].blastRadiusPolicySet(seq, accountsMax, shareBpsMax, windowMs, operatorId);
        }
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId, final int accountsMax,
        final String justification) {
        for (int i = 0; i < views.length; i++) {
            views[i].massActionProposed(seq, actionId, operatorId, accountsMax, justification);
        }
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].massActionApproved(seq, actionId, operatorId);
        }
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalAddressAdded(seq, userId, assetId, addressId, address, usableFromMs);
        }
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalAddressRemoved(seq, userId, addressId);
        }
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalApproved(seq, withdrawalId, operatorId);
        }
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalRejected(seq, withdrawalId, operatorId, justification);
        }
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalBroadcast(seq, withdrawalId, txRef, fee);
        }
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalFailed(seq, withdrawalId, reason);
        }
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalSlaMissed(seq, withdrawalId, userId, state, deadlineMs);
        }
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalPolicySet(seq, assetId, kind, value, operatorId);
        }
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalsPaused(seq, assetId, reason, explanation, operatorId);
        }
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].withdrawalsResumed(seq, assetId, operatorId);
        }
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId, final long expiresAtMs) {
        for (int i = 0; i < views.length; i++) {
            views[i].policyChangeProposed(seq, proposalId, kind, assetId, value, accountsMax, shareBpsMax, operatorId,
                expiresAtMs);
        }
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        for (int i = 0; i < views.length; i++) {
            views[i].policyChangeApproved(seq, proposalId, operatorId);
        }
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        for (int i = 0; i < views.length; i++) {
            views[i].policyChangeExpired(seq, proposalId);
        }
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        for (int i = 0; i < views.length; i++) {
            views[i].massActionExpired(seq, actionId, used);
        }
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        for (int i = 0; i < views.length; i++) {
            views[i].orderAccepted(seq, orderId, userId, marketId, side, type, timeInForce, price, quantity,
                quoteBudget, clientOrderId, stpMode);
        }
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        for (int i = 0; i < views.length; i++) {
            views[i].orderLabelled(seq, orderId, userId, clientOrderId, label);
        }
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        for (int i = 0; i < views.length; i++) {
            views[i].trade(seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId,
                makerUserId, takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining);
        }
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        for (int i = 0; i < views.length; i++) {
            views[i].orderRested(seq, orderId, price, remaining);
        }
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        for (int i = 0; i < views.length; i++) {
            views[i].orderReduced(seq, orderId, remaining);
        }
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        for (int i = 0; i < views.length; i++) {
            views[i].orderMoved(seq, orderId, oldPrice, newPrice);
        }
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        for (int i = 0; i < views.length; i++) {
            views[i].orderDone(seq, orderId, reason, remaining);
        }
    }

    /** Told after each command result has reached every view. */
    @FunctionalInterface
    interface CommandApplied {
        void applied(long seq, long clientId, long commandId, long timestampMs);
    }
}
