package org.candor.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.Bucket;

/** User data stream payloads in Binance's shapes: executionReport, outboundAccountPosition, balanceUpdate. */
final class UserStreamJson {
    private UserStreamJson() {
    }

    static Map<String, Object> of(final UserUpdate update, final ReadViews.Snapshot views,
        final ClientOrderIds clientOrderIds, final long nowMs) {
        if (update instanceof UserUpdate.Execution execution) {
            return executionReport(execution, views, clientOrderIds, nowMs);
        }
        if (update instanceof UserUpdate.BalanceDelta delta) {
            final AssetInfo asset = views.market().asset(delta.assetId());
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("e", "balanceUpdate");
            body.put("E", nowMs);
            body.put("a", asset.code());
            body.put("d", Decimals.format(delta.delta(), asset.scale()));
            body.put("T", delta.timeMs());
            return body;
        }
        return accountPosition((UserUpdate.Balances) update, views, nowMs);
    }

    private static Map<String, Object> accountPosition(final UserUpdate.Balances balances,
        final ReadViews.Snapshot views, final long nowMs) {
        final List<Map<String, Object>> rows = new ArrayList<>();
        balances.assets().forEach((assetId, buckets) -> {
            final AssetInfo asset = views.market().asset(assetId);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", asset.code());
            row.put("f", Decimals.format(buckets[Bucket.AVAILABLE.ordinal()], asset.scale()));
            // Locked as in GET /api/v3/account: in orders, being withdrawn and held.
            row.put("l", Decimals.format(buckets[Bucket.IN_ORDERS.ordinal()] + buckets[Bucket.WITHDRAWING.ordinal()]
                + buckets[Bucket.HELD.ordinal()], asset.scale()));
            rows.add(row);
        });
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("e", "outboundAccountPosition");
        body.put("E", nowMs);
        body.put("u", balances.timeMs());
        body.put("B", rows);
        return body;
    }

    private static Map<String, Object> executionReport(final UserUpdate.Execution update,
        final ReadViews.Snapshot views, final ClientOrderIds clientOrderIds, final long nowMs) {
        final OrderRecord order = update.order();
        final MarketInfo market = views.market().market(order.marketId());
        final String clientOrderId = clientOrderIds.stringFor(order);
        final boolean canceled = "CANCELED".equals(update.execution());
        final AssetInfo feeAsset = update.commissionAssetId() < 0 ? null
            : views.market().asset(update.commissionAssetId());
        final long createdMs = order.timeMs() == 0 ? update.timeMs() : order.timeMs();
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("e", "executionReport");
        body.put("E", nowMs);
        body.put("s", market.symbol());
        body.put("c", clientOrderId);
        body.put("S", order.side().name());
        body.put("o", OrderJson.type(order));
        body.put("f", OrderJson.timeInForce(order));
        body.put("q", market.quantity(order.quantity()));
        body.put("p", market.price(order.price()));
        body.put("P", market.price(0));
        body.put("F", market.quantity(0));
        body.put("g", -1);
        body.put("C", canceled ? clientOrderId : "");
        body.put("x", update.execution());
        body.put("X", order.status().name());
        body.put("r", "NONE");
        body.put("i", order.orderId());
        body.put("l", market.quantity(update.lastQuantity()));
        body.put("z", market.quantity(order.executedQuantity()));
        body.put("L", market.price(update.lastPrice()));
        body.put("n", feeAsset == null ? "0" : Decimals.format(update.commission(), feeAsset.scale()));
        body.put("N", feeAsset == null ? null : feeAsset.code());
        body.put("T", update.timeMs());
        body.put("t", update.tradeId());
        body.put("I", 0);
        body.put("w", order.isOpen());
        body.put("m", update.maker());
        body.put("M", false);
        body.put("O", createdMs);
        body.put("Z", market.quoteAmount(order.cumulativeQuote()));
        body.put("Y", market.quoteAmount(update.lastQuote()));
        body.put("Q", market.quoteAmount(order.quoteBudget()));
        body.put("W", createdMs);
        body.put("V", order.stpMode().name());
        return body;
    }
}
