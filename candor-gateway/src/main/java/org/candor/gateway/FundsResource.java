package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.Bucket;

/**
 * {@code GET /web/v1/funds}: where each of the caller's assets is, bucket by bucket (available, in orders,
 * withdrawing, held), and every hold in force with what the user is owed about it: the explanation, since when,
 * the review deadline and the ticket. Amounts are exact decimal strings and the four parts add up to
 * {@code total} by construction (integer minor units, summed with overflow checks, then formatted). Signed like any
 * READ endpoint, or a web app session. Pending holds (not yet approved by a second operator) restrict nothing and
 * are not shown.
 */
final class FundsResource {
    static final int WEIGHT = 20;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;

    FundsResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
    }

    void register(final RoutesConfig routes) {
        routes.get(WebLoginResource.PREFIX + "/funds", this::funds);
    }

    private void funds(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, WEIGHT, Permission.READ);
        commands.catchUp();
        final Map<String, Object> body = views.read(s -> {
            final Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("userId", caller.userId());
            answer.put("assets", assets(s, caller.userId()));
            answer.put("holds", s.holds().inForce(caller.userId()).stream()
                .map(hold -> HoldJson.of(hold, s.market(), false)).toList());
            return answer;
        });
        Json.send(ctx, body);
    }

    /** One row per listed asset: each bucket and the total, as decimal strings. */
    static List<Map<String, Object>> assets(final ReadViews.Snapshot s, final long userId) {
        final Map<Integer, long[]> owned = s.accounts().balances(userId);
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (AssetInfo asset : s.market().assets()) {
            final long[] buckets = owned.getOrDefault(asset.id(), new long[AccountView.BUCKETS]);
            long total = 0;
            for (long amount : buckets) {
                total = Math.addExact(total, amount);
            }
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("asset", asset.code());
            row.put("scale", asset.scale());
            row.put("total", Decimals.format(total, asset.scale()));
            row.put("available", Decimals.format(buckets[Bucket.AVAILABLE.ordinal()], asset.scale()));
            row.put("inOrders", Decimals.format(buckets[Bucket.IN_ORDERS.ordinal()], asset.scale()));
            row.put("withdrawing", Decimals.format(buckets[Bucket.WITHDRAWING.ordinal()], asset.scale()));
            row.put("held", Decimals.format(buckets[Bucket.HELD.ordinal()], asset.scale()));
            rows.add(row);
        }
        return rows;
    }
}
