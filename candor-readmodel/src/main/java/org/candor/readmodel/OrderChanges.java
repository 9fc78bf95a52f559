package org.candor.readmodel;

import org.candor.engine.Side;

/** The order rows and order-event rows that order events and trades share. */
final class OrderChanges {
    private OrderChanges() {
    }

    /**
     * Stages the order and starts its order-event row with the key columns (order, seq, user, kind); the caller
     * adds price, old price, quantity, remaining, trade id, end reason and timestamp.
     */
    static CopyBuffer changed(final Batch batch, final Rows.Order order, final long seq, final OrderEventKind kind,
        final long timestampMs) {
        order.touch(seq, timestampMs);
        batch.orders.add(order);
        return event(batch, order, seq, kind);
    }

    /** Starts an order-event row without staging the order (the caller stages it). */
    static CopyBuffer event(final Batch batch, final Rows.Order order, final long seq, final OrderEventKind kind) {
        return batch.orderEvents.value(order.orderId).value(seq).value(order.userId).value(kind.code());
    }

    /**
     * One side of a trade: the order's fill and fees, its order event and the participant's trade row. A buyer
     * receives base and pays its fee in base; a seller receives quote and pays its fee in quote.
     */
    static void fill(final ProjectionState state, final Batch batch, final ProjectedEvent.Trade trade,
        final Rows.Market market, final boolean maker, final long timestampMs) {
        final Rows.Order order = state.order(maker ? trade.makerOrderId() : trade.takerOrderId());
        final Side side = maker ? trade.takerSide().opposite() : trade.takerSide();
        final long fee = maker ? trade.makerFee() : trade.takerFee();
        order.remaining = maker ? trade.makerRemaining() : trade.takerRemaining();
        order.filledQuantity = Math.addExact(order.filledQuantity, trade.quantity());
        order.filledQuote = Math.addExact(order.filledQuote, trade.quoteAmount());
        order.fees = Math.addExact(order.fees, fee);
        changed(batch, order, trade.seq(), OrderEventKind.TRADED, timestampMs).value(trade.price()).nullValue()
            .value(trade.quantity()).value(order.remaining).value(trade.tradeId()).nullValue().value(timestampMs)
            .endRow();
        batch.userTrades.value(order.userId).value(trade.tradeId()).value(maker).value(trade.seq())
            .value(trade.marketId()).value(order.orderId).value(side.code()).value(trade.price())
            .value(trade.quantity()).value(trade.quoteAmount()).value(fee)
            .value(side == Side.BUY ? market.baseAssetId : market.quoteAssetId).value(timestampMs).endRow();
    }
}
