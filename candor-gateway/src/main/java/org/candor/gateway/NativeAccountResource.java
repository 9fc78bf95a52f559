package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.Bucket;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;

/**
 * GET /v1/account/balances (each asset's buckets) and GET /v1/funds (what every part of each asset's total is
 * doing: available, in orders per market, each pending withdrawal, each hold with its reason and review). Amounts
 * are minor units; the parts of a total add up to it exactly (checked on every answer: a mismatch is refused as
 * 503 rather than shown).
 */
final class NativeAccountResource {
    static final int BALANCES_WEIGHT = 20;
    static final int FUNDS_WEIGHT = 20;
    /**
     * What a user is told about a hold whose explanation the law forbids showing: the engine's own text (it refuses
     * any other for such a hold), repeated here so no other text could ever be shown for one.
     */
    static final String WITHHELD_BY_LAW = HoldPolicy.WITHHELD_BY_LAW_EXPLANATION;
    private static final System.Logger LOG = System.getLogger(NativeAccountResource.class.getName());
    private static final int AVAILABLE = Bucket.AVAILABLE.ordinal();
    private static final int IN_ORDERS = Bucket.IN_ORDERS.ordinal();
    private static final int WITHDRAWING = Bucket.WITHDRAWING.ordinal();
    private static final int HELD = Bucket.HELD.ordinal();

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;

    NativeAccountResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
    }

    void register(final RoutesConfig routes) {
        routes.get("/v1/account/balances", this::balances);
        routes.get("/v1/funds", this::funds);
    }

    private void balances(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, BALANCES_WEIGHT, Permission.READ);
        commands.catchUp();
        Json.send(ctx, views.read(s -> {
            final Map<Integer, long[]> owned = s.accounts().balances(caller.userId());
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final AssetInfo asset : s.market().assets()) {
                final long[] buckets = owned.getOrDefault(asset.id(), new long[AccountView.BUCKETS]);
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", asset.code());
                row.put("scale", asset.scale());
                row.put("total", NativeJson.amount(total(buckets)));
                row.put("available", NativeJson.amount(buckets[AVAILABLE]));
                row.put("inOrders", NativeJson.amount(buckets[IN_ORDERS]));
                row.put("withdrawing", NativeJson.amount(buckets[WITHDRAWING]));
                row.put("held", NativeJson.amount(buckets[HELD]));
                list.add(row);
            }
            return list;
        }));
    }

    private void funds(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, FUNDS_WEIGHT, Permission.READ);
        commands.catchUp();
        Json.send(ctx, views.read(s -> fundStatus(s, caller.userId())));
    }

    /**
     * The fund status of one user: every asset's total and its parts, and the account blocks. The user's own
     * {@code /v1/funds} and the operators' {@code /admin/v1/funds} answer the same thing.
     */
    static Map<String, Object> fundStatus(final ReadViews.Snapshot s, final long userId) {
        final Map<Integer, long[]> owned = s.accounts().balances(userId);
        final Map<Integer, Map<Integer, Map<Long, Long>>> parts = s.funds().parts(userId);
        final List<Map<String, Object>> assets = new ArrayList<>();
        for (final AssetInfo asset : s.market().assets()) {
            final long[] buckets = owned.getOrDefault(asset.id(), new long[AccountView.BUCKETS]);
            assets.add(fundsOf(s, userId, asset, buckets, parts.getOrDefault(asset.id(), Map.of())));
        }
        final List<Map<String, Object>> blocks = new ArrayList<>();
        for (final FundsView.HoldInfo hold : s.funds().holdsOf(userId)) {
            if (hold.kind() == HoldKind.ACCOUNT_BLOCK) {
                blocks.add(hold(hold, 0));
            }
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("assets", assets);
        body.put("accountBlocks", blocks);
        return body;
    }

    private static Map<String, Object> fundsOf(final ReadViews.Snapshot s, final long userId, final AssetInfo asset,
        final long[] buckets, final Map<Integer, Map<Long, Long>> parts) {
        final List<Map<String, Object>> markets = new ArrayList<>();
        final long inOrders = sum(parts.get(IN_ORDERS), (key, amount) -> {
            final MarketInfo market = key < 0 ? null : s.market().market(key.intValue());
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", market == null ? null : market.symbol());
            row.put("amount", NativeJson.amount(amount));
            markets.add(row);
        });
        final List<Map<String, Object>> withdrawals = new ArrayList<>();
        final long withdrawing = sum(parts.get(WITHDRAWING), (key, amount) -> {
            final FundsView.WithdrawalInfo info = s.funds().withdrawal(key);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", key);
            row.put("amount", NativeJson.amount(amount));
            row.put("state", info == null ? "requested" : NativeJson.lower(info.state()));
            row.put("requestedAt", info == null ? null : info.requestedMs());
            row.put("stateSince", info == null ? null : info.stateSinceMs());
            // The current step's service-level deadline: when it passes unfinished, the user is told.
            row.put("expectedBy", info == null ? null : s.funds().stateDeadlineMs(info));
            row.put("deadlineMissed", info != null && info.slaMissed());
            row.put("queuePosition", s.funds().queuePosition(key));
            row.put("txId", info == null ? null : info.txRef());
            withdrawals.add(row);
        });
        final List<Map<String, Object>> holds = new ArrayList<>();
        final long held = sum(parts.get(HELD), (key, amount) -> holds.add(hold(s.funds().hold(key), amount, key)));
        for (final FundsView.HoldInfo pending : s.funds().holdsOf(userId)) {
            // A hold waiting for approval restricts nothing yet; the user still sees it.
            if (pending.kind() == HoldKind.AMOUNT && pending.assetId() == asset.id()
                && !parts.getOrDefault(HELD, Map.of()).containsKey(pending.holdId())) {
                holds.add(hold(pending, 0));
            }
        }
        if (inOrders != buckets[IN_ORDERS] || withdrawing != buckets[WITHDRAWING] || held != buckets[HELD]) {
            LOG.log(System.Logger.Level.ERROR, "funds parts do not add up: user=" + userId + " asset=" + asset.id());
            throw ErrorMapper.viewsUnavailable();
        }
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("asset", asset.code());
        row.put("scale", asset.scale());
        row.put("total", NativeJson.amount(total(buckets)));
        row.put("available", NativeJson.amount(buckets[AVAILABLE]));
        row.put("inOrders", part(inOrders, "markets", markets));
        row.put("withdrawing", part(withdrawing, "withdrawals", withdrawals));
        row.put("held", part(held, "holds", holds));
        return row;
    }

    /** A bucket's total and its parts, in that order. */
    private static Map<String, Object> part(final long total, final String name,
        final List<Map<String, Object>> parts) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", NativeJson.amount(total));
        body.put(name, parts);
        return body;
    }

    private static Map<String, Object> hold(final FundsView.HoldInfo info, final long amount, final long holdId) {
        if (info == null) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", holdId);
            row.put("amount", NativeJson.amount(amount));
            return row;
        }
        return hold(info, amount);
    }

    private static Map<String, Object> hold(final FundsView.HoldInfo info, final long amount) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", info.holdId());
        row.put("amount", NativeJson.amount(amount));
        row.put("kind", NativeJson.lower(info.kind()));
        row.put("state", NativeJson.lower(info.state()));
        row.put("reason", NativeJson.lower(info.reason()));
        row.put("explanation", info.reason() == HoldReason.WITHHELD_BY_LAW ? WITHHELD_BY_LAW : info.explanation());
        row.put("since", info.placedMs());
        row.put("reviewDeadline", info.reviewDeadlineMs());
        row.put("releaseCondition", NativeJson.lower(info.releaseCondition()));
        row.put("renewals", info.renewals());
        row.put("ticket", info.ticketRef() == 0 ? null : Long.toString(info.ticketRef()));
        return row;
    }

    /** Sums a bucket's parts exactly, handing each to {@code each}. */
    private static long sum(final Map<Long, Long> parts, final java.util.function.BiConsumer<Long, Long> each) {
        long total = 0;
        if (parts != null) {
            for (final Map.Entry<Long, Long> part : parts.entrySet()) {
                total = Math.addExact(total, part.getValue());
                each.accept(part.getKey(), part.getValue());
            }
        }
        return total;
    }

    private static long total(final long[] buckets) {
        return Math.addExact(Math.addExact(buckets[AVAILABLE], buckets[IN_ORDERS]),
            Math.addExact(buckets[WITHDRAWING], buckets[HELD]));
    }
}
