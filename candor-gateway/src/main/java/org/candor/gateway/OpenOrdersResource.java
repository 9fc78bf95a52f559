package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.candor.cluster.CommandResult;
import org.candor.engine.RejectReason;

/** GET /api/v3/openOrders (one market or all) and DELETE /api/v3/openOrders (every open order in one market). */
final class OpenOrdersResource {
    static final int LIST_WEIGHT_ONE = 6;
    static final int LIST_WEIGHT_ALL = 80;
    static final int CANCEL_ALL_WEIGHT = 1;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    private final ClientOrderIds clientOrderIds;

    OpenOrdersResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final ClientOrderIds clientOrderIds) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.clientOrderIds = clientOrderIds;
    }

    void register(final RoutesConfig routes) {
        routes.get("/api/v3/openOrders", this::list);
        routes.delete("/api/v3/openOrders", this::cancelAll);
    }

    private void list(final Context ctx) {
        final boolean one = ctx.queryParam("symbol") != null;
        final RequestGuard.Caller caller = guard.signed(ctx, one ? LIST_WEIGHT_ONE : LIST_WEIGHT_ALL,
            Permission.READ);
        final MarketInfo only = one ? OrderLookup.market(views, caller.params().required("symbol")) : null;
        commands.catchUp();
        final List<Map<String, Object>> body = new ArrayList<>();
        views.read(s -> {
            for (final OrderRecord order : s.accounts().openOrders(caller.userId(), only == null ? -1 : only.id())) {
                body.add(OrderJson.query(s.market().market(order.marketId()), order,
                    clientOrderIds.stringFor(order)));
            }
            return body;
        });
        Json.send(ctx, body);
    }

    private void cancelAll(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, CANCEL_ALL_WEIGHT, Permission.TRADE);
        final MarketInfo market = OrderLookup.market(views, caller.params().required("symbol"));
        commands.catchUp();
        final List<OrderRecord> before = views.read(s -> s.accounts().openOrders(caller.userId(), market.id()));
        final CommandOutcome outcome = commands.execute((e, b, o, client, id) -> e.cancelAllOrders(b, o, client, id,
            0, caller.userId(), market.id()));
        final CommandResult result = outcome.result();
        if (result.reason() != RejectReason.NONE) {
            throw ErrorMapper.cancelRejected(result.reason());
        }
        final List<Map<String, Object>> body = new ArrayList<>();
        for (final OrderRecord was : before) {
            final OrderRecord now = views.read(s -> s.accounts().order(caller.userId(), was.orderId()));
            if (now != null && now.status() == OrderStatus.CANCELED) {
                body.add(OrderJson.canceled(market, now, clientOrderIds.stringFor(now), result.timestampMs()));
            }
        }
        Json.send(ctx, body);
    }
}
