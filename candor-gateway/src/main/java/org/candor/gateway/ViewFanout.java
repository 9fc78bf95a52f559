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
 * Passes every event to both views, in order, and reports each command result so {@link ReadViews} can track how
 * far they have got. Hand-written delegation rather than a list of sinks: the two views are all there is.
 */
final class ViewFanout implements EngineEvents {
    private final MarketView market;
    private final AccountView accounts;
    private final CommandApplied applied;

    ViewFanout(final MarketView market, final AccountView accounts, final CommandApplied applied) {
        this.market = market;
        this.accounts = accounts;
        this.applied = applied;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        market.commandResult(seq, clientId, commandId, timestampMs, reason, reference, firstSeq, duplicate);
        accounts.commandResult(seq, clientId, commandId, timestampMs, reason, reference, firstSeq, duplicate);
        applied.applied(seq, clientId, commandId);
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        market.assetCreated(seq, assetId, code, scale);
        accounts.assetCreated(seq, assetId, code, scale);
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        market.marketCreated(seq, marketId, symbol, baseAssetId, quoteAssetId, tickSize, lotSize, minQuantity,
            maxQuantity, minNotional, makerFeeBps, takerFeeBps);
        accounts.marketCreated(seq, marketId, symbol, baseAssetId, quoteAssetId, tickSize, lotSize, minQuantity,
            maxQuantity, minNotional, makerFeeBps, takerFeeBps);
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        market.marketStatusChanged(seq, marketId, status);
        accounts.marketStatusChanged(seq, marketId, status);
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        market.userCreated(seq, userId);
        accounts.userCreated(seq, userId);
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        market.ledgerEntry(seq, assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference);
        accounts.ledgerEntry(seq, assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference);
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        market.depositCredited(seq, userId, assetId, amount, depositRef);
        accounts.depositCredited(seq, userId, assetId, amount, depositRef);
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        market.withdrawalRequested(seq, withdrawalId, userId, assetId, amount, addressId, state);
        accounts.withdrawalRequested(seq, withdrawalId, userId, assetId, amount, addressId, state);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        market.withdrawalStateChanged(seq, withdrawalId, state);
        accounts.withdrawalStateChanged(seq, withdrawalId, state);
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        market.holdPlaced(seq, holdId, userId, assetId, amount, kind, reason, explanation, operatorId,
            reviewDeadlineMs, releaseCondition, ticketRef, massActionId, state);
        accounts.holdPlaced(seq, holdId, userId, assetId, amount, kind, reason, explanation, operatorId,
            reviewDeadlineMs, releaseCondition, ticketRef, massActionId, state);
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        market.holdApproved(seq, holdId, operatorId);
        accounts.holdApproved(seq, holdId, operatorId);
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        market.holdRejected(seq, holdId, operatorId, automatic, justification);
        accounts.holdRejected(seq, holdId, operatorId, automatic, justification);
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        market.holdReleased(seq, holdId, operatorId, automatic);
        accounts.holdReleased(seq, holdId, operatorId, automatic);
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        market.holdEscalated(seq, holdId, userId, reviewDeadlineMs);
        accounts.holdEscalated(seq, holdId, userId, reviewDeadlineMs);
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        market.holdRenewed(seq, holdId, operatorId, reviewDeadlineMs, renewals, justification);
        accounts.holdRenewed(seq, holdId, operatorId, reviewDeadlineMs, renewals, justification);
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        market.holdApprovalThresholdSet(seq, assetId, thresholdAmount, operatorId);
        accounts.holdApprovalThresholdSet(seq, assetId, thresholdAmount, operatorId);
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        market.blastRadiusPolicySet(seq, accountsMax, shareBpsMax, windowMs, operatorId);
        accounts.blastRadiusPolicySet(seq, accountsMax, shareBpsMax, windowMs, operatorId);
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        market.massActionProposed(seq, actionId, operatorId, accountsMax, justification);
        accounts.massActionProposed(seq, actionId, operatorId, accountsMax, justification);
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        market.massActionApproved(seq, actionId, operatorId);
        accounts.massActionApproved(seq, actionId, operatorId);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        // projected in a later change
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        // projected in a later change
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        // projected in a later change
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        // projected in a later change
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        // projected in a later change
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        // projected in a later change
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        // projected in a later change
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        // projected in a later change
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        // projected in a later change
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        // projected in a later change
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        // projected in a later change
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        // projected in a later change
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        // projected in a later change
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        // projected in a later change
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        market.orderAccepted(seq, orderId, userId, marketId, side, type, timeInForce, price, quantity, quoteBudget,
            clientOrderId, stpMode);
        accounts.orderAccepted(seq, orderId, userId, marketId, side, type, timeInForce, price, quantity, quoteBudget,
            clientOrderId, stpMode);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        market.trade(seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId, makerUserId,
            takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining);
        accounts.trade(seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId, makerUserId,
            takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining);
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        market.orderRested(seq, orderId, price, remaining);
        accounts.orderRested(seq, orderId, price, remaining);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        market.orderReduced(seq, orderId, remaining);
        accounts.orderReduced(seq, orderId, remaining);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        market.orderMoved(seq, orderId, oldPrice, newPrice);
        accounts.orderMoved(seq, orderId, oldPrice, newPrice);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        market.orderDone(seq, orderId, reason, remaining);
        accounts.orderDone(seq, orderId, reason, remaining);
    }

    /** Hears each command result after both views applied it. */
    @FunctionalInterface
    interface CommandApplied {
        void applied(long seq, long clientId, long commandId);
    }
}
