package org.candor.app;

import java.time.Duration;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * The demo's commands, sent one at a time through the cluster client; each call returns once the command is
 * committed and applied, with the engine's answer. The cluster stamps its own time, so no timestamp is sent.
 */
final class DemoSession {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ExchangeClient client;

    DemoSession(final ExchangeClient client) {
        this.client = client;
    }

    RejectReason createAsset(final int assetId, final String code, final int scale) {
        return submit((e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, assetId, code, scale));
    }

    RejectReason createMarket(final int marketId, final String symbol, final int base, final int quote,
        final long tickSize, final long lotSize, final long minQuantity, final long maxQuantity,
        final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        return submit((e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, marketId, symbol, base, quote, tickSize,
            lotSize, minQuantity, maxQuantity, minNotional, makerFeeBps, takerFeeBps));
    }

    RejectReason createUser(final long userId) {
        return submit((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId));
    }

    RejectReason deposit(final long userId, final int assetId, final long amount, final long depositRef) {
        return submit((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, userId, assetId, amount, depositRef));
    }

    RejectReason placeOrder(final long userId, final int marketId, final Side side, final OrderType type,
        final TimeInForce tif, final long price, final long quantity, final long quoteBudget, final StpMode stp) {
        return submit((e, b, o, c, id) -> e.placeOrder(b, o, c, id, 0, userId, marketId, side, type, tif, price,
            quantity, quoteBudget, 0, stp));
    }

    /**
     * Withdrawals go to allow-listed addresses after a time lock (decision 0010). The demo cannot wait a day, so two
     * operators lower the asset's time lock to 0 first, then the user allow-lists an address and withdraws
     * to it. Returns the first failure, else the request's result.
     */
    RejectReason requestWithdrawal(final long userId, final int assetId, final long amount, final String address) {
        final CommandResult lowered = client.submit((e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0,
            assetId, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, DemoCommand.OPERATOR), TIMEOUT);
        if (lowered.reason() != RejectReason.NONE) {
            return lowered.reason();
        }
        final RejectReason approved = submit((e, b, o, c, id) -> e.approvePolicyChange(b, o, c, id, 0,
            lowered.reference(), DemoCommand.APPROVER));
        if (approved != RejectReason.NONE) {
            return approved;
        }
        final CommandResult added = client.submit((e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c, id, 0, userId,
            assetId, address), TIMEOUT);
        if (added.reason() != RejectReason.NONE) {
            return added.reason();
        }
        return submit((e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0, userId, assetId, amount,
            added.reference()));
    }

    /**
     * One operator places a hold, a second approves it (four eyes: until then it restricts nothing). Holds carry a
     * public explanation and a review deadline (decision 0009); the demo client has no cluster time, so the deadline
     * is a day after the wall clock, which cluster time follows. Returns the placement's result if it failed, else
     * the approval's.
     */
    RejectReason placeApprovedHold(final long userId, final int assetId, final long amount, final HoldReason reason,
        final String explanation, final long placedBy, final long approvedBy) {
        final long reviewDeadlineMs = System.currentTimeMillis() + 24L * 60 * 60 * 1000;
        final CommandResult placed = client.submit((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, userId, assetId,
            amount, HoldKind.AMOUNT, reason, explanation, placedBy, reviewDeadlineMs,
            ReleaseCondition.OPERATOR_RELEASE, 0, 0), TIMEOUT);
        if (placed.reason() != RejectReason.NONE) {
            return placed.reason();
        }
        return submit((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, placed.reference(), approvedBy));
    }

    private RejectReason submit(final CommandWriter writer) {
        final CommandResult result = client.submit(writer, TIMEOUT);
        return result.reason();
    }
}
