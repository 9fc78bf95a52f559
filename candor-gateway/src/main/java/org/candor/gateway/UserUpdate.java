package org.candor.gateway;

import java.util.Map;

/**
 * A change a user's data stream reports, taken from the committed events of one command by {@link AccountView}:
 * an order's execution report, the balances after the command, or a deposit or withdrawal. Times are the command's.
 */
sealed interface UserUpdate {
    long userId();

    /**
     * An order event: {@code execution} is Binance's execution type (NEW, TRADE, CANCELED, EXPIRED,
     * TRADE_PREVENTION); {@code order} is the order after it. For a TRADE, the last fill and its commission.
     */
    record Execution(long userId, OrderRecord order, String execution, long lastQuantity, long lastPrice,
        long lastQuote, long commission, int commissionAssetId, long tradeId, boolean maker, long timeMs)
        implements UserUpdate {

        Execution at(final long commandTimeMs) {
            return new Execution(userId, order, execution, lastQuantity, lastPrice, lastQuote, commission,
                commissionAssetId, tradeId, maker, commandTimeMs);
        }

        Execution withStatus(final OrderStatus status) {
            final OrderRecord o = order;
            return new Execution(userId, new OrderRecord(o.orderId(), o.userId(), o.marketId(), o.side(), o.type(),
                o.timeInForce(), o.stpMode(), o.price(), o.quantity(), o.quoteBudget(), o.clientOrderId(),
                o.executedQuantity(), o.cumulativeQuote(), status, o.timeMs(), o.updateTimeMs(), o.clientOrderLabel()),
                execution,
                lastQuantity, lastPrice, lastQuote, commission, commissionAssetId, tradeId, maker, timeMs);
        }
    }

    /** The user's buckets of every asset the command changed, after it: asset id to {@link AccountView} buckets. */
    record Balances(long userId, Map<Integer, long[]> assets, long timeMs) implements UserUpdate {
    }

    /** Money that came in or went out of the account: a deposit, a withdrawal requested or returned. */
    record BalanceDelta(long userId, int assetId, long delta, long timeMs) implements UserUpdate {
        BalanceDelta at(final long commandTimeMs) {
            return new BalanceDelta(userId, assetId, delta, commandTimeMs);
        }
    }
}
