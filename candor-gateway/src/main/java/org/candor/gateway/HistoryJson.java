package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.candor.engine.Side;
import org.candor.readmodel.UserHistory;

/** Read-model rows in the gateway's shapes: an order as an {@link OrderRecord}, a user's trade as Binance's. */
final class HistoryJson {
    private HistoryJson() {
    }

    /** The read model's order as the views would show it: resting orders NEW or PARTIALLY_FILLED. */
    static OrderRecord record(final long userId, final UserHistory.OrderView order) {
        final OrderStatus status = order.status() == org.candor.readmodel.OrderStatus.DONE
            && order.endReason() != null ? OrderStatus.ended(order.endReason())
            : OrderStatus.open(order.filledQuantity());
        return new OrderRecord(order.orderId(), userId, order.marketId(), order.side(), order.type(),
            order.timeInForce(), order.stpMode(), order.price(), order.quantity(), order.quoteBudget(),
            order.clientOrderId(), order.filledQuantity(), order.filledQuote(), status, order.createdMs(),
            order.updatedMs(), order.clientOrderLabel());
    }

    /** One row of GET /api/v3/myTrades; the commission is in the asset the user received. */
    static Map<String, Object> myTrade(final MarketInfo market, final UserHistory.TradeView trade,
        final AssetInfo feeAsset) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", market.symbol());
        row.put("id", trade.tradeId());
        row.put("orderId", trade.orderId());
        row.put("orderListId", -1);
        row.put("price", market.price(trade.price()));
        row.put("qty", market.quantity(trade.quantity()));
        row.put("quoteQty", market.quoteAmount(trade.quoteAmount()));
        row.put("commission", Decimals.format(trade.fee(), feeAsset == null ? 0 : feeAsset.scale()));
        row.put("commissionAsset", feeAsset == null ? "" : feeAsset.code());
        row.put("time", trade.timestampMs());
        row.put("isBuyer", trade.side() == Side.BUY);
        row.put("isMaker", trade.maker());
        row.put("isBestMatch", true);
        return row;
    }
}
