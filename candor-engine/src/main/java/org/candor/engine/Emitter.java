package org.candor.engine;

/** Numbers events and hands them to the sink. The engine's only way of speaking. */
final class Emitter {
    private final EngineEvents sink;
    private long lastSeq;

    Emitter(final EngineEvents sink, final long lastSeq) {
        this.sink = sink;
        this.lastSeq = lastSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    void lastSeq(final long lastSeq) {
        this.lastSeq = lastSeq;
    }

    void commandResult(final long clientId, final long commandId, final long timestampMs, final RejectReason reason,
        final long reference, final long firstSeq, final boolean duplicate) {
        sink.commandResult(++lastSeq, clientId, commandId, timestampMs, reason, reference, firstSeq, duplicate);
    }

    void assetCreated(final int assetId, final String code, final int scale) {
        sink.assetCreated(++lastSeq, assetId, code, scale);
    }

    void marketCreated(final MarketSpec m) {
        sink.marketCreated(++lastSeq, m.marketId, m.symbol, m.baseAssetId, m.quoteAssetId, m.tickSize, m.lotSize,
            m.minQuantity, m.maxQuantity, m.minNotional, m.makerFeeBps, m.takerFeeBps);
    }

    void marketStatusChanged(final int marketId, final MarketStatus status) {
        sink.marketStatusChanged(++lastSeq, marketId, status);
    }

    void userCreated(final long userId) {
        sink.userCreated(++lastSeq, userId);
    }

    void ledgerEntry(final int assetId, final long fromUserId, final Bucket fromBucket, final long toUserId,
        final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        sink.ledgerEntry(++lastSeq, assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference);
    }

    void depositCredited(final long userId, final int assetId, final long amount, final long depositRef) {
        sink.depositCredited(++lastSeq, userId, assetId, amount, depositRef);
    }

    void withdrawalRequested(final long withdrawalId, final long userId, final int assetId, final long amount,
        final long addressId, final WithdrawalState state) {
        sink.withdrawalRequested(++lastSeq, withdrawalId, userId, assetId, amount, addressId, state);
    }

    void withdrawalStateChanged(final long withdrawalId, final WithdrawalState state) {
        sink.withdrawalStateChanged(++lastSeq, withdrawalId, state);
    }

    void holdPlaced(final Hold h) {
        sink.holdPlaced(++lastSeq, h.holdId, h.userId, h.assetId, h.amount, h.kind, h.reason, h.explanation,
            h.placedBy, h.reviewDeadlineMs, h.releaseCondition, h.ticketRef, h.massActionId, h.state);
    }

    void holdApproved(final long holdId, final long operatorId) {
        sink.holdApproved(++lastSeq, holdId, operatorId);
    }

    void holdRejected(final long holdId, final long operatorId, final boolean automatic, final String justification) {
        sink.holdRejected(++lastSeq, holdId, operatorId, automatic, justification);
    }

    void holdReleased(final long holdId, final long operatorId, final boolean automatic) {
        sink.holdReleased(++lastSeq, holdId, operatorId, automatic);
    }

    void holdEscalated(final long holdId, final long userId, final long reviewDeadlineMs) {
        sink.holdEscalated(++lastSeq, holdId, userId, reviewDeadlineMs);
    }

    void holdRenewed(final long holdId, final long operatorId, final long reviewDeadlineMs, final int renewals,
        final String justification) {
        sink.holdRenewed(++lastSeq, holdId, operatorId, reviewDeadlineMs, renewals, justification);
    }

    void holdApprovalThresholdSet(final int assetId, final long thresholdAmount, final long operatorId) {
        sink.holdApprovalThresholdSet(++lastSeq, assetId, thresholdAmount, operatorId);
    }

    void blastRadiusPolicySet(final int accountsMax, final int shareBpsMax, final long windowMs,
        final long operatorId) {
        sink.blastRadiusPolicySet(++lastSeq, accountsMax, shareBpsMax, windowMs, operatorId);
    }

    void massActionProposed(final long actionId, final long operatorId, final int accountsMax,
        final String justification) {
        sink.massActionProposed(++lastSeq, actionId, operatorId, accountsMax, justification);
    }

    void massActionApproved(final long actionId, final long operatorId) {
        sink.massActionApproved(++lastSeq, actionId, operatorId);
    }

    void orderAccepted(final long orderId, final long userId, final int marketId, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long quantity, final long quoteBudget,
        final long clientOrderId, final StpMode stpMode) {
        sink.orderAccepted(++lastSeq, orderId, userId, marketId, side, type, tif, price, quantity, quoteBudget,
            clientOrderId, stpMode);
    }

    void orderLabelled(final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        sink.orderLabelled(++lastSeq, orderId, userId, clientOrderId, label);
    }

    void trade(final long tradeId, final int marketId, final long price, final long quantity, final long quoteAmount,
        final long makerOrderId, final long takerOrderId, final long makerUserId, final long takerUserId,
        final Side takerSide, final long makerFee, final long takerFee, final long makerRemaining,
        final long takerRemaining) {
        sink.trade(++lastSeq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId,
            makerUserId, takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining);
    }

    void orderRested(final long orderId, final long price, final long remaining) {
        sink.orderRested(++lastSeq, orderId, price, remaining);
    }

    void orderReduced(final long orderId, final long remaining) {
        sink.orderReduced(++lastSeq, orderId, remaining);
    }

    void orderMoved(final long orderId, final long oldPrice, final long newPrice) {
        sink.orderMoved(++lastSeq, orderId, oldPrice, newPrice);
    }

    void orderDone(final long orderId, final OrderEndReason reason, final long remaining) {
        sink.orderDone(++lastSeq, orderId, reason, remaining);
    }

    void withdrawalAddressAdded(final long userId, final int assetId, final long addressId, final String address,
        final long usableFromMs) {
        sink.withdrawalAddressAdded(++lastSeq, userId, assetId, addressId, address, usableFromMs);
    }

    void withdrawalAddressRemoved(final long userId, final long addressId) {
        sink.withdrawalAddressRemoved(++lastSeq, userId, addressId);
    }

    void withdrawalApproved(final long withdrawalId, final long operatorId) {
        sink.withdrawalApproved(++lastSeq, withdrawalId, operatorId);
    }

    void withdrawalRejected(final long withdrawalId, final long operatorId, final String justification) {
        sink.withdrawalRejected(++lastSeq, withdrawalId, operatorId, justification);
    }

    void withdrawalBroadcast(final long withdrawalId, final String txRef, final long fee) {
        sink.withdrawalBroadcast(++lastSeq, withdrawalId, txRef, fee);
    }

    void withdrawalFailed(final long withdrawalId, final WithdrawalFailure reason) {
        sink.withdrawalFailed(++lastSeq, withdrawalId, reason);
    }

    void withdrawalSlaMissed(final long withdrawalId, final long userId, final WithdrawalState state,
        final long deadlineMs) {
        sink.withdrawalSlaMissed(++lastSeq, withdrawalId, userId, state, deadlineMs);
    }

    void withdrawalPolicySet(final int assetId, final PolicyKind kind, final long value, final long operatorId) {
        sink.withdrawalPolicySet(++lastSeq, assetId, kind, value, operatorId);
    }

    void withdrawalsPaused(final int assetId, final WithdrawalPauseReason reason, final String explanation,
        final long operatorId) {
        sink.withdrawalsPaused(++lastSeq, assetId, reason, explanation, operatorId);
    }

    void withdrawalsResumed(final int assetId, final long operatorId) {
        sink.withdrawalsResumed(++lastSeq, assetId, operatorId);
    }

    void policyChangeProposed(final PolicyChange c) {
        sink.policyChangeProposed(++lastSeq, c.proposalId, c.kind, c.assetId, c.value, c.accountsMax, c.shareBpsMax,
            c.proposedBy, c.expiresAtMs);
    }

    void policyChangeApproved(final long proposalId, final long operatorId) {
        sink.policyChangeApproved(++lastSeq, proposalId, operatorId);
    }

    void policyChangeExpired(final long proposalId) {
        sink.policyChangeExpired(++lastSeq, proposalId);
    }

    void massActionExpired(final long actionId, final int used) {
        sink.massActionExpired(++lastSeq, actionId, used);
    }
}
