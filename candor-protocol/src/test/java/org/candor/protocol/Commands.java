package org.candor.protocol;

import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;

/**
 * The engine's commands as an interface, with the exact signatures of {@link org.candor.engine.Engine}, so that one
 * scenario can run against the engine directly or through the wire ({@link CommandPaths}).
 */
interface Commands {
    RejectReason createAsset(long client, long command, long nowMs, int assetId, String code, int scale);

    RejectReason createMarket(long client, long command, long nowMs, int marketId, String symbol, int baseAssetId,
        int quoteAssetId, long tickSize, long lotSize, long minQuantity, long maxQuantity, long minNotional,
        int makerFeeBps, int takerFeeBps);

    RejectReason setMarketStatus(long client, long command, long nowMs, int marketId, MarketStatus status);

    RejectReason createUser(long client, long command, long nowMs, long userId);

    RejectReason deposit(long client, long command, long nowMs, long userId, int assetId, long amount,
        long depositRef);

    RejectReason requestWithdrawal(long client, long command, long nowMs, long userId, int assetId, long amount,
        long addressId);

    RejectReason completeWithdrawal(long client, long command, long nowMs, long withdrawalId);

    RejectReason failWithdrawal(long client, long command, long nowMs, long withdrawalId, WithdrawalFailure reason);

    RejectReason approveWithdrawal(long client, long command, long nowMs, long withdrawalId, long operatorId);

    RejectReason rejectWithdrawal(long client, long command, long nowMs, long withdrawalId, long operatorId,
        String justification);

    RejectReason claimWithdrawal(long client, long command, long nowMs, long withdrawalId);

    RejectReason markWithdrawalBroadcast(long client, long command, long nowMs, long withdrawalId, String txRef,
        long fee);

    RejectReason addWithdrawalAddress(long client, long command, long nowMs, long userId, int assetId,
        String address);

    RejectReason removeWithdrawalAddress(long client, long command, long nowMs, long userId, long addressId);

    RejectReason setWithdrawalPolicy(long client, long command, long nowMs, int assetId, PolicyKind kind, long value,
        long operatorId);

    RejectReason pauseWithdrawals(long client, long command, long nowMs, int assetId, WithdrawalPauseReason reason,
        String explanation, long operatorId);

    RejectReason resumeWithdrawals(long client, long command, long nowMs, int assetId, long operatorId);

    RejectReason approvePolicyChange(long client, long command, long nowMs, long proposalId, long operatorId);

    RejectReason cancelWithdrawal(long client, long command, long nowMs, long userId, long withdrawalId);

    RejectReason placeHold(long client, long command, long nowMs, long userId, int assetId, long amount,
        HoldKind kind, HoldReason reason, String explanation, long operatorId, long reviewDeadlineMs,
        ReleaseCondition releaseCondition, long ticketRef, long massActionId);

    RejectReason approveHold(long client, long command, long nowMs, long holdId, long operatorId);

    RejectReason rejectHold(long client, long command, long nowMs, long holdId, long operatorId,
        String justification);

    RejectReason renewHold(long client, long command, long nowMs, long holdId, long operatorId,
        long newReviewDeadlineMs, String justification);

    RejectReason setHoldApprovalThreshold(long client, long command, long nowMs, int assetId, long thresholdAmount,
        long operatorId);

    RejectReason setBlastRadiusPolicy(long client, long command, long nowMs, int accountsMax, int shareBpsMax,
        long windowMs, long operatorId);

    RejectReason proposeMassAction(long client, long command, long nowMs, long actionId, long operatorId,
        int accountsMax, String justification);

    RejectReason approveMassAction(long client, long command, long nowMs, long actionId, long operatorId);

    RejectReason releaseHold(long client, long command, long nowMs, long holdId, long operatorId);

    RejectReason placeOrder(long client, long command, long nowMs, long userId, int marketId, Side side,
        OrderType type, TimeInForce timeInForce, long price, long quantity, long quoteBudget, long clientOrderId,
        StpMode stpMode);

    RejectReason placeOrder(long client, long command, long nowMs, long userId, int marketId, Side side,
        OrderType type, TimeInForce timeInForce, long price, long quantity, long quoteBudget, long clientOrderId,
        StpMode stpMode, CharSequence label);

    RejectReason cancelOrder(long client, long command, long nowMs, long userId, int marketId, long orderId,
        long clientOrderId);

    RejectReason cancelAllOrders(long client, long command, long nowMs, long userId, int marketId);

    RejectReason reduceOrder(long client, long command, long nowMs, long userId, int marketId, long orderId,
        long reduceBy);

    RejectReason moveOrder(long client, long command, long nowMs, long userId, int marketId, long orderId,
        long newPrice);
}
