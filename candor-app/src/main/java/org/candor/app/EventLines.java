package org.candor.app;

import java.io.PrintStream;
import org.candor.engine.Bucket;
import org.candor.engine.EngineEvents;
import org.candor.engine.HoldReason;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalState;

/**
 * Prints each engine event as one line of {@code key=value} fields, in the engine's own units (minor units, ids),
 * for people and for {@code grep}/{@code awk}: what an auditor reads when checking a journal.
 */
final class EventLines implements EngineEvents {
    private final PrintStream out;

    EventLines(final PrintStream out) {
        this.out = out;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        out.printf("seq=%d event=command_result client=%d command=%d time_ms=%d reason=%s reference=%d "
            + "first_seq=%d duplicate=%b%n", seq, clientId, commandId, timestampMs, reason, reference, firstSeq,
            duplicate);
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        out.printf("seq=%d event=asset_created asset=%d code=%s scale=%d%n", seq, assetId, code, scale);
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity, final long maxQuantity,
        final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        out.printf("seq=%d event=market_created market=%d symbol=%s base=%d quote=%d tick=%d lot=%d min_qty=%d "
            + "max_qty=%d min_notional=%d maker_fee_bps=%d taker_fee_bps=%d%n", seq, marketId, symbol, baseAssetId,
            quoteAssetId, tickSize, lotSize, minQuantity, maxQuantity, minNotional, makerFeeBps, takerFeeBps);
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        out.printf("seq=%d event=market_status market=%d status=%s%n", seq, marketId, status);
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        out.printf("seq=%d event=user_created user=%d%n", seq, userId);
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        out.printf("seq=%d event=ledger asset=%d from=%d/%s to=%d/%s amount=%d cause=%s reference=%d%n", seq,
            assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference);
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        out.printf("seq=%d event=deposit user=%d asset=%d amount=%d deposit_ref=%d%n", seq, userId, assetId, amount,
            depositRef);
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount) {
        out.printf("seq=%d event=withdrawal_requested withdrawal=%d user=%d asset=%d amount=%d%n", seq, withdrawalId,
            userId, assetId, amount);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        out.printf("seq=%d event=withdrawal_state withdrawal=%d state=%s%n", seq, withdrawalId, state);
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId, final long amount,
        final HoldReason reason, final long operatorId) {
        out.printf("seq=%d event=hold_placed hold=%d user=%d asset=%d amount=%d reason=%s operator=%d%n", seq, holdId,
            userId, assetId, amount, reason, operatorId);
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId) {
        out.printf("seq=%d event=hold_released hold=%d operator=%d%n", seq, holdId, operatorId);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        out.printf("seq=%d event=order_accepted order=%d user=%d market=%d side=%s type=%s tif=%s price=%d qty=%d "
            + "quote_budget=%d client_order=%d stp=%s%n", seq, orderId, userId, marketId, side, type, timeInForce,
            price, quantity, quoteBudget, clientOrderId, stpMode);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        out.printf("seq=%d event=trade trade=%d market=%d price=%d qty=%d quote=%d maker_order=%d taker_order=%d "
            + "maker=%d taker=%d taker_side=%s maker_fee=%d taker_fee=%d maker_remaining=%d taker_remaining=%d%n",
            seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId, makerUserId,
            takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining);
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        out.printf("seq=%d event=order_rested order=%d price=%d remaining=%d%n", seq, orderId, price, remaining);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        out.printf("seq=%d event=order_reduced order=%d remaining=%d%n", seq, orderId, remaining);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        out.printf("seq=%d event=order_moved order=%d old_price=%d new_price=%d%n", seq, orderId, oldPrice, newPrice);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        out.printf("seq=%d event=order_done order=%d reason=%s remaining=%d%n", seq, orderId, reason, remaining);
    }
}
