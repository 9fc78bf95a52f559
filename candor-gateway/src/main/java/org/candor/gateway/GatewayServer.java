package org.candor.gateway;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTP server: Javalin on Jetty 12, every resource registering its own routes, and the error mapping at the
 * edge. {@link #create} is the wiring that both {@link Gateway} and tests use.
 */
final class GatewayServer {
    private static final System.Logger LOG = System.getLogger(GatewayServer.class.getName());
    private static final int NOT_FOUND = 404;
    /** Largest request body accepted: the longest order form is a few hundred bytes. */
    static final long REQUEST_BYTES_MAX = 16 * 1024;

    private GatewayServer() {
    }

    /** The resources a server answers with. */
    record Resources(GeneralResource general, MarketDataResource marketData, CompatibilityResource compatibility,
        OrderResource orders, OpenOrdersResource openOrders, AccountResource account, HistoryResource history,
        UserDataStreamResource userData, WalletResource wallet, NativeResource nativeApi, MarketStreams streams) {

        void register(final RoutesConfig routes) {
            general.register(routes);
            marketData.register(routes);
            compatibility.register(routes);
            orders.register(routes);
            openOrders.register(routes);
            account.register(routes);
            history.register(routes);
            userData.register(routes);
            wallet.register(routes);
            nativeApi.register(routes);
            streams.register(routes);
        }
    }

    /** The native API's paths: its errors have their own shape ({@link NativeErrors}). */
    static final String NATIVE_PREFIX = "/v1/";

    /** Builds the server; every HTTP route it registers is added to {@code routes} as "METHOD /path". */
    static Javalin create(final Resources resources, final java.util.Collection<String> routes) {
        return create(resources::register, routes, TrustedProxies.NONE);
    }

    /**
     * A server whose routes {@code register} adds, with the gateway's limits and error mapping; every HTTP route is
     * added to {@code routes} as "METHOD /path". {@code Context.ip()} is the client's address as {@code proxies}
     * tell it, for every limit and allow-list.
     */
    static Javalin create(final Consumer<RoutesConfig> register, final java.util.Collection<String> routes,
        final TrustedProxies proxies) {
        return Javalin.create(config -> {
            config.contextResolver.ip = proxies.isEmpty() ? ctx -> ctx.req().getRemoteAddr()
                : ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(),
                    Collections.list(ctx.req().getHeaders(TrustedProxies.FORWARDED_FOR_HEADER)));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = REQUEST_BYTES_MAX;
            config.routes.exception(ApiError.class, GatewayServer::apiError);
            config.routes.exception(Exception.class, GatewayServer::unexpected);
            config.routes.error(NOT_FOUND, ctx -> {
                // Javalin answers an unknown path with a text body of its own; ours is JSON in the API's shape.
                if (ctx.result() == null || !"application/json".equals(ctx.res().getContentType())) {
                    final ApiError unknown = new ApiError(NOT_FOUND, -1000, "Unknown endpoint " + ctx.method() + " "
                        + ctx.path() + ".");
                    Json.send(ctx, isNative(ctx) ? NativeErrors.body(unknown, NativeErrors.reference())
                        : body(unknown.code(), unknown.getMessage()));
                }
            });
            config.events.handlerAdded(handler -> routes.add(handler.getHttpMethod().name() + " "
                + handler.getPath()));
            register.accept(config.routes);
        });
    }

    private static boolean isNative(final Context ctx) {
        return ctx.path().startsWith(NATIVE_PREFIX);
    }

    private static void apiError(final ApiError error, final Context ctx) {
        ctx.status(error.httpStatus());
        if (error.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        Json.send(ctx, isNative(ctx) ? NativeErrors.body(error, NativeErrors.reference())
            : body(error.code(), error.getMessage()));
    }

    /**
     * A failure the mapping did not foresee: the client gets -1000 and the log gets the exception, never the
     * request's parameters or headers (they may carry a key or a signature).
     */
    private static void unexpected(final Exception error, final Context ctx) {
        final String reference = NativeErrors.reference();
        LOG.log(System.Logger.Level.ERROR, "unexpected failure on " + ctx.method() + " " + ctx.path()
            + " reference=" + reference, error);
        final ApiError mapped = ErrorMapper.unknown();
        ctx.status(mapped.httpStatus());
        Json.send(ctx, isNative(ctx) ? NativeErrors.body(mapped, reference) : body(mapped.code(),
            mapped.getMessage()));
    }

    private static Map<String, Object> body(final int code, final String message) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", message);
        return body;
    }
}
