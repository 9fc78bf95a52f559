package org.candor.engine;

import java.util.ArrayList;
import java.util.List;

/** Records every event the engine emits, as text for whole-stream comparisons and as records for assertions. */
final class RecordingEvents implements EngineEvents {
    record Result(long seq, long clientId, long commandId, RejectReason reason, long reference, long firstSeq,
        boolean duplicate) {
    }

    record Trade(long seq, long tradeId, long price, long quantity, long quoteAmount, long makerOrderId,
        long takerOrderId, long makerUserId, long takerUserId, Side takerSide, long makerFee, long takerFee,
        long makerRemaining, long takerRemaining) {
    }

    record Entry(int assetId, long fromUserId, Bucket fromBucket, long toUserId, Bucket toBucket, long amount,
        LedgerCause cause, long reference) {
    }

    record Done(long orderId, OrderEndReason reason, long remaining) {
    }

    final List<String> all = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    final List<Done> done = new ArrayList<>();

    /** Forgets everything recorded so far, so a test can look at one command's events alone. */
    void clear() {
        all.clear();
        results.clear();
        trades.clear();
        entries.clear();
        done.clear();
    }

    Result lastResult() {
        return results.get(results.size() - 1);
    }

    private void add(final String text) {
        all.add(text);
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        results.add(new Result(seq, clientId, commandId, reason, reference, firstSeq, duplicate));
        add(seq + " result " + clientId + " " + commandId + " " + timestampMs + " " + reason + " " + reference + " "
            + firstSeq + " " + duplicate);
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        add(seq + " asset " + assetId + " " + code + " " + scale);
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        add(seq + " market " + marketId + " " + symbol + " " + baseAssetId + " " + quoteAssetId + " " + tickSize
            + " " + lotSize + " " + minQuantity + " " + maxQuantity + " " + minNotional + " " + makerFeeBps + " "
            + takerFeeBps);
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        add(seq + " status " + marketId + " " + status);
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        add(seq + " user " + userId);
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        entries.add(new Entry(assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference));
        add(seq + " entry " + assetId + " " + fromUserId + " " + fromBucket + " " + toUserId + " " + toBucket + " "
            + amount + " " + cause + " " + reference);
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        add(seq + " deposit " + userId + " " + assetId + " " + amount + " " + depositRef);
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        add(seq + " withdrawal " + withdrawalId + " " + userId + " " + assetId + " " + amount + " " + addressId + " "
            + state);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        add(seq + " withdrawalState " + withdrawalId + " " + state);
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        add(seq + " hold " + holdId + " " + userId + " " + assetId + " " + amount + " " + kind + " " + reason + " '"
            + explanation + "' " + operatorId + " " + reviewDeadlineMs + " " + releaseCondition + " " + ticketRef
            + " " + massActionId + " " + state);
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        add(seq + " holdApproved " + holdId + " " + operatorId);
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        add(seq + " holdRejected " + holdId + " " + operatorId + " " + automatic + " '" + justification + "'");
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        add(seq + " holdReleased " + holdId + " " + operatorId + " " + automatic);
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        add(seq + " holdEscalated " + holdId + " " + userId + " " + reviewDeadlineMs);
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        add(seq + " holdRenewed " + holdId + " " + operatorId + " " + reviewDeadlineMs + " " + renewals + " '"
            + justification + "'");
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        add(seq + " threshold " + assetId + " " + thresholdAmount + " " + operatorId);
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        add(seq + " blastRadius " + accountsMax + " " + shareBpsMax + " " + windowMs + " " + operatorId);
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        add(seq + " massProposed " + actionId + " " + operatorId + " " + accountsMax + " '" + justification + "'");
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        add(seq + " massApproved " + actionId + " " + operatorId);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        add(seq + " accepted " + orderId + " " + userId + " " + marketId + " " + side + " " + type + " "
            + timeInForce + " " + price + " " + quantity + " " + quoteBudget + " " + clientOrderId + " " + stpMode);
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        add(seq + " labelled " + orderId + " " + userId + " " + clientOrderId + " " + label);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price,
        final long quantity, final long quoteAmount, final long makerOrderId, final long takerOrderId,
        final long makerUserId, final long takerUserId, final Side takerSide, final long makerFee,
        final long takerFee, final long makerRemaining, final long takerRemaining) {
        trades.add(new Trade(seq, tradeId, price, quantity, quoteAmount, makerOrderId, takerOrderId, makerUserId,
            takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining));
        add(seq + " trade " + tradeId + " " + marketId + " " + price + " " + quantity + " " + quoteAmount + " "
            + makerOrderId + " " + takerOrderId + " " + makerUserId + " " + takerUserId + " " + takerSide + " "
            + makerFee + " " + takerFee + " " + makerRemaining + " " + takerRemaining);
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        add(seq + " rested " + orderId + " " + price + " " + remaining);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        add(seq + " reduced " + orderId + " " + remaining);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        add(seq + " moved " + orderId + " " + oldPrice + " " + newPrice);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        done.add(new Done(orderId, reason, remaining));
        add(seq + " done " + orderId + " " + reason + " " + remaining);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        add(seq + " withdrawalAddressAdded" + " " + userId + " " + assetId + " " + addressId + " " + address
            + " " + usableFromMs);
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        add(seq + " withdrawalAddressRemoved" + " " + userId + " " + addressId);
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        add(seq + " withdrawalApproved" + " " + withdrawalId + " " + operatorId);
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        add(seq + " withdrawalRejected" + " " + withdrawalId + " " + operatorId + " " + justification);
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        add(seq + " withdrawalBroadcast" + " " + withdrawalId + " " + txRef + " " + fee);
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        add(seq + " withdrawalFailed" + " " + withdrawalId + " " + reason);
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        add(seq + " withdrawalSlaMissed" + " " + withdrawalId + " " + userId + " " + state + " " + deadlineMs);
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        add(seq + " withdrawalPolicySet" + " " + assetId + " " + kind + " " + value + " " + operatorId);
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        add(seq + " withdrawalsPaused" + " " + assetId + " " + reason + " " + explanation + " " + operatorId);
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        add(seq + " withdrawalsResumed" + " " + assetId + " " + operatorId);
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        add(seq + " policyChangeProposed" + " " + proposalId + " " + kind + " " + assetId + " " + value
            + " " + accountsMax + " " + shareBpsMax + " " + operatorId + " " + expiresAtMs);
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        add(seq + " policyChangeApproved" + " " + proposalId + " " + operatorId);
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        add(seq + " policyChangeExpired" + " " + proposalId);
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        add(seq + " massActionExpired" + " " + actionId + " " + used);
    }
}
