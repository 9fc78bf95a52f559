package org.candor.protocol;

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
 * A listener that allocates nothing: it counts events and keeps the last command result, which is all the
 * allocation test needs to drive the engine.
 */
final class LastResultEvents implements EngineEvents {
    long events;
    long lastReference;
    RejectReason lastReason;

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        events++;
        lastReason = reason;
        lastReference = reference;
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        events++;
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        events++;
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        events++;
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        events++;
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        events++;
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        events++;
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        events++;
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        events++;
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        events++;
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        events++;
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        events++;
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        events++;
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        events++;
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        events++;
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        events++;
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        events++;
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        events++;
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        events++;
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        events++;
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        events++;
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        events++;
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        events++;
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        events++;
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        events++;
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        events++;
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        events++;
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        events++;
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        events++;
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        events++;
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        events++;
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        events++;
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        events++;
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        events++;
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        events++;
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        events++;
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        events++;
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        events++;
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        events++;
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        events++;
    }
}
