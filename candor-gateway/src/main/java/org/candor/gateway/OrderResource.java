package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import org.candor.cluster.CommandResult;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * POST, DELETE and GET /api/v3/order: place, cancel and query one order of the caller. Placing and cancelling go
 * to the cluster and answer once the engine has; the order's state in the answer is read from the views after they
 * applied the command (read-your-writes), and the fills come from the command's own trade events.
 */
final class OrderResource {
    static final int PLACE_WEIGHT = 1;
    static final int CANCEL_WEIGHT = 1;
    static final int QUERY_WEIGHT = 4;
    /** Binance's default for new orders. */
    static final StpMode STP_DEFAULT = StpMode.EXPIRE_MAKER;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    private final ClientOrderIds clientOrderIds;

    OrderResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final ClientOrderIds clientOrderIds) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.clientOrderIds = clientOrderIds;
    }

    void register(final RoutesConfig routes) {
        routes.post("/api/v3/order", this::place);
        routes.delete("/api/v3/order", this::cancel);
        routes.get("/api/v3/order", this::query);
    }

    private void place(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, PLACE_WEIGHT, Permission.TRADE);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final NewOrder order = NewOrder.parse(params, market, quantity -> {
            commands.catchUp();
            return views.read(s -> s.market().sweepPrice(market.id(), Side.BUY, quantity));
        });
        final String responseType = responseType(params, order.type());
        final String clientText = params.optional("newClientOrderId");
        final long clientNumber = clientOrderIds.numberFor(caller.userId(), clientText);
        guard.chargeNewOrder(ctx, caller.userId());
        final CommandOutcome outcome = commands.execute((e, b, o, client, id) -> e.placeOrder(b, o, client, id, 0,
            caller.userId(), market.id(), order.side(), order.type(), order.timeInForce(), order.price(),
            order.quantity(), order.quoteBudget(), clientNumber, order.stpMode(), clientText));
        final CommandResult result = outcome.result();
        if (result.reason() != RejectReason.NONE) {
            throw ErrorMapper.orderRejected(result.reason());
        }
        final long orderId = result.reference();
        final String clientOrderId = clientText != null ? clientText
            : clientOrderIds.stringFor(caller.userId(), clientNumber);
        if ("ACK".equals(responseType)) {
            Json.send(ctx, OrderJson.ack(market, orderId, clientOrderId, result.timestampMs()));
            return;
        }
        final OrderRecord record = views.read(s -> s.accounts().order(caller.userId(), orderId));
        if (record == null) {
            // The order is placed; it only left the views' short list of finished orders already. Say what is known.
            Json.send(ctx, OrderJson.ack(market, orderId, clientOrderId, result.timestampMs()));
            return;
        }
        Json.send(ctx, "RESULT".equals(responseType)
            ? OrderJson.result(market, record, clientOrderId, result.timestampMs())
            : OrderJson.full(market, record, clientOrderId, result.timestampMs(), outcome.fills()));
    }

    /** ACK, RESULT or FULL; Binance answers LIMIT and MARKET orders FULL unless asked otherwise. */
    private static String responseType(final RequestParams params, final OrderType type) {
        final String asked = params.optional("newOrderRespType");
        if (asked == null) {
            return "FULL";
        }
        final String upper = asked.toUpperCase(Locale.ROOT);
        if (!upper.equals("ACK") && !upper.equals("RESULT") && !upper.equals("FULL")) {
            throw ErrorMapper.illegalParameter("newOrderRespType");
        }
        return upper;
    }

    private void cancel(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, CANCEL_WEIGHT, Permission.TRADE);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        final long orderId = params.longValue("orderId", 0);
        final long clientNumber = orderId != 0 ? 0 : OrderLookup.clientNumber(params, caller.userId(),
            clientOrderIds, ErrorMapper::cancelUnknownOrder);
        final CommandOutcome outcome = commands.execute((e, b, o, client, id) -> e.cancelOrder(b, o, client, id, 0,
            caller.userId(), market.id(), orderId, clientNumber));
        final CommandResult result = outcome.result();
        if (result.reason() != RejectReason.NONE) {
            throw ErrorMapper.cancelRejected(result.reason());
        }
        final OrderRecord record = views.read(s -> s.accounts().order(caller.userId(), result.reference()));
        if (record == null) {
            throw ErrorMapper.unknown();
        }
        Json.send(ctx, OrderJson.canceled(market, record,
            clientOrderIds.stringFor(record), result.timestampMs()));
    }

    private void query(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, QUERY_WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final MarketInfo market = OrderLookup.market(views, params.required("symbol"));
        commands.catchUp();
        final OrderRecord record = OrderLookup.find(views, params, caller.userId(), clientOrderIds);
        if (record == null || record.marketId() != market.id()) {
            throw ErrorMapper.orderDoesNotExist();
        }
        Json.send(ctx, OrderJson.query(market, record,
            clientOrderIds.stringFor(record)));
    }

    /**
     * A new order's terms in engine units. LIMIT (GTC, IOC, FOK) and LIMIT_MAKER need a price and a quantity;
     * MARKET sells are sized by quantity and MARKET buys by quoteOrderQty, which is what the engine executes. A
     * MARKET buy by quantity becomes a LIMIT IOC for that quantity at the price that would sweep it from the book
     * now ({@code askSweep}): it never buys more than asked nor pays above that price; if the book thinned
     * meanwhile, the rest expires, as an unfilled market order's would.
     */
    record NewOrder(Side side, OrderType type, TimeInForce timeInForce, long price, long quantity, long quoteBudget,
        StpMode stpMode) {

        static NewOrder parse(final RequestParams params, final MarketInfo market, final LongUnaryOperator askSweep) {
            final Side side = side(params.required("side"));
            final String type = params.required("type").toUpperCase(Locale.ROOT);
            final StpMode stp = stpMode(params.optional("selfTradePreventionMode"));
            switch (type) {
                case "LIMIT" -> {
                    return new NewOrder(side, OrderType.LIMIT, limitTimeInForce(params.required("timeInForce")),
                        price(params, market), quantity(params, market), 0, stp);
                }
                case "LIMIT_MAKER" -> {
                    return new NewOrder(side, OrderType.LIMIT, TimeInForce.POST_ONLY, price(params, market),
                        quantity(params, market), 0, stp);
                }
                case "MARKET" -> {
                    return market(params, market, side, stp, askSweep);
                }
                case "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT" ->
                    throw ErrorMapper.newOrderRejected("Unsupported order combination");
                default -> throw ErrorMapper.invalidOrderType();
            }
        }

        private static NewOrder market(final RequestParams params, final MarketInfo market, final Side side,
            final StpMode stp, final LongUnaryOperator askSweep) {
            if (side == Side.SELL) {
                if (params.has("quoteOrderQty")) {
                    throw ErrorMapper.notSupported("MARKET SELL by quoteOrderQty; send quantity");
                }
                return new NewOrder(side, OrderType.MARKET, TimeInForce.IOC, 0, quantity(params, market), 0, stp);
            }
            if (params.has("quantity") && params.has("quoteOrderQty")) {
                throw ErrorMapper.illegalParameter("quoteOrderQty");
            }
            if (params.has("quantity")) {
                final long quantity = quantity(params, market);
                final long collar = askSweep.applyAsLong(quantity);
                if (collar < 0) {
                    throw ErrorMapper.newOrderRejected("No liquidity for a market order.");
                }
                return new NewOrder(side, OrderType.LIMIT, TimeInForce.IOC, collar, quantity, 0, stp);
            }
            final long budget = Decimals.toMinor("quoteOrderQty", params.required("quoteOrderQty"),
                market.quote().scale());
            return new NewOrder(side, OrderType.MARKET, TimeInForce.IOC, 0, 0, budget, stp);
        }

        private static long price(final RequestParams params, final MarketInfo market) {
            return Decimals.toMinor("price", params.required("price"), market.quote().scale());
        }

        private static long quantity(final RequestParams params, final MarketInfo market) {
            return Decimals.toMinor("quantity", params.required("quantity"), market.base().scale());
        }

        private static Side side(final String text) {
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "BUY" -> Side.BUY;
                case "SELL" -> Side.SELL;
                default -> throw ErrorMapper.invalidSide();
            };
        }

        private static TimeInForce limitTimeInForce(final String text) {
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "GTC" -> TimeInForce.GTC;
                case "IOC" -> TimeInForce.IOC;
                case "FOK" -> TimeInForce.FOK;
                default -> throw ErrorMapper.invalidTimeInForce();
            };
        }

        private static StpMode stpMode(final String text) {
            if (text == null) {
                return STP_DEFAULT;
            }
            try {
                return StpMode.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ErrorMapper.illegalParameter("selfTradePreventionMode");
            }
        }
    }
}
