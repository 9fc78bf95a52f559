package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.candor.cluster.CommandResult;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.readmodel.Page;
import org.candor.readmodel.TimeRange;
import org.candor.readmodel.UserHistory;

/**
 * POST /v1/orders, DELETE /v1/orders/{id} and GET /v1/orders: the engine's order model without Binance's
 * translation. Prices are quote minor units per whole base unit, quantities base minor units, a market buy is
 * sized by {@code quoteBudget}. Reads wait for the caller's writes as the Binance endpoints do.
 */
final class NativeOrdersResource {
    static final int PLACE_WEIGHT = 1;
    static final int CANCEL_WEIGHT = 1;
    static final int LIST_WEIGHT = 20;
    static final int LIST_LIMIT_DEFAULT = 100;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    private final ClientOrderIds clientOrderIds;
    private final HistoryProjection projection;

    NativeOrdersResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final ClientOrderIds clientOrderIds, final HistoryProjection projection) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.clientOrderIds = clientOrderIds;
        this.projection = projection;
    }

    void register(final RoutesConfig routes) {
        routes.post("/v1/orders", this::place);
        routes.delete("/v1/orders/{id}", this::cancel);
        routes.get("/v1/orders", this::list);
    }

    private void place(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, PLACE_WEIGHT, Permission.TRADE);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final Side side = choice(params, "side", Side.class, null);
        final OrderType type = choice(params, "type", OrderType.class, null);
        final TimeInForce timeInForce = choice(params, "timeInForce", TimeInForce.class,
            type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC);
        final StpMode stp = choice(params, "selfTradePrevention", StpMode.class, OrderResource.STP_DEFAULT);
        final boolean byBudget = type == OrderType.MARKET && side == Side.BUY;
        final long price = type == OrderType.LIMIT ? NativeJson.amount(params, "price") : 0;
        final long quantity = byBudget ? 0 : NativeJson.amount(params, "quantity");
        final long budget = byBudget ? NativeJson.amount(params, "quoteBudget") : 0;
        final String clientText = params.optional("clientOrderId");
        final long clientNumber = clientOrderIds.numberFor(caller.userId(), clientText);
        guard.chargeNewOrder(ctx, caller.userId());
        final CommandOutcome outcome = commands.execute((e, b, o, client, id) -> e.placeOrder(b, o, client, id, 0,
            caller.userId(), market.id(), side, type, timeInForce, price, quantity, budget, clientNumber, stp,
            clientText));
        final CommandResult result = outcome.result();
        if (result.reason() != RejectReason.NONE) {
            throw ErrorMapper.orderRejected(result.reason());
        }
        final OrderRecord record = views.read(s -> s.accounts().order(caller.userId(), result.reference()));
        if (record == null) {
            throw ErrorMapper.unknown();
        }
        ctx.status(201);
        Json.send(ctx, NativeJson.order(market, record, clientOrderIds.stringFor(record)));
    }

    private void cancel(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, CANCEL_WEIGHT, Permission.TRADE);
        final long orderId = orderId(ctx.pathParam("id"));
        commands.catchUp();
        final OrderRecord open = views.read(s -> s.accounts().order(caller.userId(), orderId));
        if (open == null || !open.isOpen()) {
            throw ErrorMapper.cancelUnknownOrder();
        }
        final CommandOutcome outcome = commands.execute((e, b, o, client, id) -> e.cancelOrder(b, o, client, id, 0,
            caller.userId(), open.marketId(), orderId, 0));
        if (outcome.result().reason() != RejectReason.NONE) {
            throw ErrorMapper.cancelRejected(outcome.result().reason());
        }
        final OrderRecord record = views.read(s -> s.accounts().order(caller.userId(), orderId));
        final MarketInfo market = views.read(s -> s.market().market(open.marketId()));
        Json.send(ctx, NativeJson.order(market, record == null ? open : record,
            clientOrderIds.stringFor(open)));
    }

    /** {@code open=true}: open orders from the views; {@code open=false}: every order, newest first, from history. */
    private void list(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, LIST_WEIGHT, Permission.READ);
        final String open = caller.params().required("open");
        if (!open.equals("true") && !open.equals("false")) {
            throw ErrorMapper.illegalParameter("open");
        }
        final long limit = caller.params().longValue("limit", LIST_LIMIT_DEFAULT);
        if (limit < 1 || limit > HistoryResource.LIMIT_MAX) {
            throw ErrorMapper.illegalParameter("limit");
        }
        commands.catchUp();
        final List<Map<String, Object>> body = new ArrayList<>();
        if (open.equals("true")) {
            views.read(s -> {
                for (final OrderRecord order : s.accounts().openOrders(caller.userId(), -1)) {
                    body.add(NativeJson.order(s.market().market(order.marketId()), order,
                        clientOrderIds.stringFor(order)));
                }
                return body;
            });
        } else {
            if (projection == null || !projection.awaitCommitted(commands.acknowledgedSeq(),
                HistoryResource.PROJECTION_WAIT)) {
                throw ErrorMapper.historyUnavailable();
            }
            final Page<UserHistory.OrderView> page;
            try {
                page = new UserHistory(projection.database()).orders(caller.userId(), TimeRange.ALL,
                    UserHistory.NEWEST, (int) limit);
            } catch (IllegalStateException e) {
                throw ErrorMapper.historyUnavailable();
            }
            for (final UserHistory.OrderView order : page.items()) {
                final OrderRecord record = HistoryJson.record(caller.userId(), order);
                final MarketInfo market = views.read(s -> s.market().market(order.marketId()));
                body.add(NativeJson.order(market, record, clientOrderIds.stringFor(record)));
            }
        }
        Json.send(ctx, body);
    }

    private static long orderId(final String text) {
        try {
            final long id = Long.parseLong(text);
            if (id <= 0) {
                throw ErrorMapper.illegalParameter("id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ErrorMapper.illegalParameter("id");
        }
    }

    /** An enum parameter by its lower-case name; {@code otherwise} when absent (null: required). */
    private static <E extends Enum<E>> E choice(final RequestParams params, final String name, final Class<E> type,
        final E otherwise) {
        final String text = otherwise == null ? params.required(name) : params.optional(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ErrorMapper.illegalParameter(name);
        }
    }
}
