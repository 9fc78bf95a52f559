package org.candor.gateway;

import org.candor.engine.OrderType;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * One order as its owner sees it, a copy taken under the views' read lock. Prices, quantities and amounts in minor
 * units; {@code clientOrderId} is the engine's number, which the gateway maps to the client's string.
 */
record OrderRecord(long orderId, long userId, int marketId, Side side, OrderType type, TimeInForce timeInForce,
    StpMode stpMode, long price, long quantity, long quoteBudget, long clientOrderId, long executedQuantity,
    long cumulativeQuote, OrderStatus status, long timeMs, long updateTimeMs, String clientOrderLabel) {

    boolean isOpen() {
        return status == OrderStatus.NEW || status == OrderStatus.PARTIALLY_FILLED;
    }
}
