package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.Bucket;

/**
 * GET /api/v3/account: the caller's balances per asset. {@code free} is what the user can trade or withdraw now;
 * {@code locked} is everything else the user owns: in open orders, being withdrawn, and held by an operator, so
 * that money held is visible rather than silently missing. Fees are per market here, so the account-level
 * commissions Binance reports are 0. And GET /api/v3/rateLimit/order: the caller's counts of new orders.
 */
final class AccountResource {
    static final int WEIGHT = 20;
    /** Binance's weight for {@code GET /api/v3/rateLimit/order}. */
    static final int ORDER_COUNT_WEIGHT = 40;
    private static final int AVAILABLE = Bucket.AVAILABLE.ordinal();

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;

    AccountResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
    }

    void register(final RoutesConfig routes) {
        routes.get("/api/v3/account", this::account);
        routes.get("/api/v3/rateLimit/order", this::orderCounts);
    }

    /** Binance's "query unfilled order count": here every new order of the current windows (docs/GATEWAY.md). */
    private void orderCounts(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, ORDER_COUNT_WEIGHT, Permission.READ);
        Json.send(ctx, guard.orderCounts(caller.userId()));
    }

    private void account(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, WEIGHT, Permission.READ);
        commands.catchUp();
        final boolean omitZero = "true".equalsIgnoreCase(caller.params().optional("omitZeroBalances"));
        final List<Map<String, Object>> balances = views.read(s -> {
            final Map<Integer, long[]> owned = s.accounts().balances(caller.userId());
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final AssetInfo asset : s.market().assets()) {
                final long[] buckets = owned.getOrDefault(asset.id(), new long[AccountView.BUCKETS]);
                final long locked = buckets[Bucket.IN_ORDERS.ordinal()] + buckets[Bucket.WITHDRAWING.ordinal()]
                    + buckets[Bucket.HELD.ordinal()];
                if (omitZero && buckets[AVAILABLE] == 0 && locked == 0) {
                    continue;
                }
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", asset.code());
                row.put("free", Decimals.format(buckets[AVAILABLE], asset.scale()));
                row.put("locked", Decimals.format(locked, asset.scale()));
                list.add(row);
            }
            return list;
        });
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("makerCommission", 0);
        body.put("takerCommission", 0);
        body.put("buyerCommission", 0);
        body.put("sellerCommission", 0);
        body.put("canTrade", true);
        body.put("canWithdraw", true);
        body.put("canDeposit", true);
        body.put("brokered", false);
        body.put("requireSelfTradePrevention", false);
        body.put("preventSor", false);
        body.put("updateTime", guard.nowMs());
        body.put("accountType", "SPOT");
        body.put("balances", balances);
        body.put("permissions", List.of("SPOT"));
        body.put("uid", caller.userId());
        Json.send(ctx, body);
    }
}
