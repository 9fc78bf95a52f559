package org.candor.engine;

/**
 * An {@link EngineEvents} that ignores every event: consumers that need a few events (a view, a benchmark's shadow,
 * a collector of one command's fills) extend it and override those. A consumer that must see every event, such as
 * the journal's encoder or a projection, implements {@link EngineEvents} itself, so the compiler tells it about
 * each new event.
 */
public abstract class IgnoringEvents implements EngineEvents {
    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
    }

    @Override
    public void userCreated(final long seq, final long userId) {
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        // Ignored: see the class comment.
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        // Ignored: see the class comment.
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        // Ignored: see the class comment.
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        // Ignored: see the class comment.
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        // Ignored: see the class comment.
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        // Ignored: see the class comment.
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        // Ignored: see the class comment.
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        // Ignored: see the class comment.
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        // Ignored: see the class comment.
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        // Ignored: see the class comment.
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
    }
    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
    }
}
