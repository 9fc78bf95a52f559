package org.candor.app.bench;

import java.util.Arrays;
import org.agrona.collections.LongHashSet;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/** What the workload generator needs to hear from its shadow engine: results, rests and the last trade prices. */
final class ShadowEvents extends IgnoringEvents {
    final long[] lastTradeTicks;
    RejectReason lastReason;
    long lastReference;
    long lastRestedOrderId;
    long trades;
    /** Orders resting right now, so the generator can hold the book near its target depth. */
    final LongHashSet resting = new LongHashSet();

    ShadowEvents(final int markets) {
        lastTradeTicks = new long[markets];
        Arrays.fill(lastTradeTicks, Workload.START_TICKS);
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        lastReason = reason;
        lastReference = reference;
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        lastTradeTicks[marketId] = price / Workload.TICK;
        trades++;
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        lastRestedOrderId = orderId;
        resting.add(orderId);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        resting.remove(orderId);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        lastRestedOrderId = 0;
    }
}
