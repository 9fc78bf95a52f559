package org.candor.gateway;

import org.candor.engine.OrderEndReason;

/** Binance's order statuses, as CCXT maps them: NEW and PARTIALLY_FILLED are open, the rest closed. */
enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    EXPIRED,
    /** Ended by self-trade prevention. */
    EXPIRED_IN_MATCH;

    static OrderStatus open(final long executedQuantity) {
        return executedQuantity == 0 ? NEW : PARTIALLY_FILLED;
    }

    static OrderStatus ended(final OrderEndReason reason) {
        return switch (reason) {
            case FILLED -> FILLED;
            case CANCELLED -> CANCELED;
            case EXPIRED, EXPIRED_FOK -> EXPIRED;
            case EXPIRED_STP -> EXPIRED_IN_MATCH;
        };
    }
}
