package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.readmodel.Page;
import org.candor.readmodel.TimeRange;
import org.candor.readmodel.UserHistory;

/**
 * GET /v1/statement: the caller's ledger lines of one asset from the read model, one per movement on one of their
 * accounts (available, in orders, withdrawing, held): time, cause, reference (order, trade, withdrawal, hold or
 * deposit id), the signed amount and that account's balance after it, in minor units. Lines come oldest first
 * from {@code fromId} or {@code startTime}, or without either the newest {@code limit} (still oldest first);
 * {@code nextFromId} continues after the page when more remain. Reads wait for the caller's writes.
 */
final class NativeStatementResource {
    static final int WEIGHT = 10;
    static final int LIMIT_DEFAULT = 100;

    private final RequestGuard guard;
    private final ReadViews views;
    private final HistoryAccess history;

    NativeStatementResource(final RequestGuard guard, final ReadViews views, final HistoryAccess history) {
        this.guard = guard;
        this.views = views;
        this.history = history;
    }

    void register(final RoutesConfig routes) {
        routes.get("/v1/statement", this::statement);
    }

    private void statement(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final AssetInfo asset = OrderLookup.asset(views, params, "asset");
        final TimeRange range = HistoryResource.range(params);
        final long fromId = HistoryResource.nonNegative(params, "fromId", 0);
        final long limit = params.longValue("limit", LIMIT_DEFAULT);
        if (limit < 1 || limit > HistoryResource.LIMIT_MAX) {
            throw ErrorMapper.illegalParameter("limit");
        }
        final boolean newest = !params.has("fromId") && !params.has("startTime");
        final Page<UserHistory.LedgerLine> page = history.read(true, db -> new UserHistory(db)
            .ledger(caller.userId(), asset.id(), range, fromId, newest, (int) limit));
        final List<UserHistory.LedgerLine> lines = new ArrayList<>(page.items());
        if (newest) {
            Collections.reverse(lines);
        }
        final List<Map<String, Object>> rows = new ArrayList<>(lines.size());
        for (final UserHistory.LedgerLine line : lines) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", line.id());
            row.put("time", line.timestampMs());
            row.put("account", NativeJson.lower(line.bucket()));
            row.put("cause", NativeJson.lower(line.cause()));
            row.put("reference", line.reference());
            row.put("amount", Long.toString(line.amount()));
            row.put("balance", Long.toString(line.balance()));
            rows.add(row);
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("asset", asset.code());
        body.put("lines", rows);
        // Newest-first pages have nothing after them; an oldest-first page continues one id past its last line.
        body.put("nextFromId", !newest && page.more() ? page.next() + 1 : null);
        Json.send(ctx, body);
    }
}
