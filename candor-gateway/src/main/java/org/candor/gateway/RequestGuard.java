package org.candor.gateway;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What every request passes before its handler: the IP's request weight, the parameters, and for signed endpoints
 * authentication and the key's own weight. Resources call it first thing, with the weight of what they are about to
 * do; the used weight goes back in {@link #USED_WEIGHT_HEADER}. Handlers that place an order also count it against
 * the account's ORDERS limits ({@link #chargeNewOrder}).
 */
final class RequestGuard {
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    static final String ORDER_COUNT_10S_HEADER = "X-MBX-ORDER-COUNT-10S";
    static final String ORDER_COUNT_1D_HEADER = "X-MBX-ORDER-COUNT-1D";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final RequestAuthenticator authenticator;
    private final RateLimiter ipLimits;
    private final RateLimiter keyLimits;
    /** New orders per account, or null where no orders are placed (the admin API). */
    private final OrderCountLimiter orderCounts;
    private final LongSupplier clockMs;
    /** Browser sessions accepted in place of a signature (the web app, the console), or null: API keys only. */
    private final WebSessions sessions;

    RequestGuard(final RequestAuthenticator authenticator, final RateLimiter ipLimits, final RateLimiter keyLimits,
        final LongSupplier clockMs) {
        this(authenticator, ipLimits, keyLimits, clockMs, null);
    }

    RequestGuard(final RequestAuthenticator authenticator, final RateLimiter ipLimits, final RateLimiter keyLimits,
        final LongSupplier clockMs, final WebSessions sessions) {
        this(authenticator, ipLimits, keyLimits, null, clockMs, sessions);
    }

    RequestGuard(final RequestAuthenticator authenticator, final RateLimiter ipLimits, final RateLimiter keyLimits,
        final OrderCountLimiter orderCounts, final LongSupplier clockMs, final WebSessions sessions) {
        this.authenticator = authenticator;
        this.ipLimits = ipLimits;
        this.keyLimits = keyLimits;
        this.orderCounts = orderCounts;
        this.clockMs = clockMs;
        this.sessions = sessions;
    }

    /** A public request of {@code weight}: charged to the caller's IP. */
    RequestParams open(final Context ctx, final int weight) {
        chargeIp(ctx, weight);
        return RequestParams.parse(ctx.queryString(), formBody(ctx));
    }

    /**
     * A signed request of {@code weight} that needs {@code permission}: the caller's key and parameters. A request
     * without an API key header but with a browser session's cookie is authenticated by the session instead
     * ({@link WebSessions#authenticate}: CSRF header on anything but GET), as the session's principal.
     */
    Caller signed(final Context ctx, final int weight, final Permission permission) {
        chargeIp(ctx, weight);
        final String body = formBody(ctx);
        final RequestParams params = RequestParams.parse(ctx.queryString(), body);
        final long userId;
        if (sessions != null && sessions.presented(ctx)) {
            userId = sessions.authenticate(ctx, permission).principalId();
        } else {
            userId = authenticator.authenticate(ctx.header(RequestAuthenticator.API_KEY_HEADER), ctx.queryString(),
                body, params, ctx.ip(), permission).userId();
        }
        keyLimits.charge("user " + userId, weight, clockMs.getAsLong());
        return new Caller(userId, params);
    }

    /**
     * A request of {@code weight} to one of the web app's own routes: authenticated by the browser session alone
     * ({@link WebSessions#authenticateOwnRoute}: CSRF header on anything but GET), charged to the IP and the user
     * like a signed request. An API key header is refused here: these routes are for the browser, and keys have
     * their own endpoints.
     */
    Caller webSession(final Context ctx, final int weight) {
        chargeIp(ctx, weight);
        final RequestParams params = RequestParams.parse(ctx.queryString(), formBody(ctx));
        if (sessions == null || ctx.header(RequestAuthenticator.API_KEY_HEADER) != null) {
            throw new ApiError(ErrorMapper.UNAUTHORIZED, -2015, "Log in to the web app for this.");
        }
        final long userId = sessions.authenticateOwnRoute(ctx).principalId();
        keyLimits.charge("user " + userId, weight, clockMs.getAsLong());
        return new Caller(userId, params);
    }

    /** A request authenticated by its API key header alone (no signature): the user data stream endpoints. */
    Caller keyed(final Context ctx, final int weight, final Permission permission) {
        chargeIp(ctx, weight);
        final RequestParams params = RequestParams.parse(ctx.queryString(), formBody(ctx));
        final ApiKey key = authenticator.keyOnly(ctx.header(RequestAuthenticator.API_KEY_HEADER), ctx.ip(),
            permission);
        keyLimits.charge("user " + key.userId(), weight, clockMs.getAsLong());
        return new Caller(key.userId(), params);
    }

    /**
     * Counts a new order of {@code userId} against the account's ORDERS limits, after the request passed its checks
     * and before it goes to the engine; the account's counts go back in {@link #ORDER_COUNT_10S_HEADER} and
     * {@link #ORDER_COUNT_1D_HEADER}.
     *
     * @throws ApiError 429 with -1015 over either limit: the order is not sent
     */
    void chargeNewOrder(final Context ctx, final long userId) {
        if (orderCounts == null) {
            throw new IllegalStateException("this guard counts no orders");
        }
        final long[] counts = orderCounts.charge(userId, clockMs.getAsLong());
        ctx.header(ORDER_COUNT_10S_HEADER, Long.toString(counts[0]));
        ctx.header(ORDER_COUNT_1D_HEADER, Long.toString(counts[1]));
    }

    /** The limits this guard enforces, as Binance's exchangeInfo lists them in {@code rateLimits}. */
    List<Map<String, Object>> rateLimits() {
        final List<Map<String, Object>> limits = new ArrayList<>();
        limits.add(rateLimit("REQUEST_WEIGHT", "MINUTE", 1, ipLimits.weightMax()));
        if (orderCounts != null) {
            limits.add(rateLimit("ORDERS", "SECOND", 10, orderCounts.limits().perTenSeconds()));
            limits.add(rateLimit("ORDERS", "DAY", 1, orderCounts.limits().perDay()));
        }
        return limits;
    }

    /** The account's ORDERS limits with its counts in them, as Binance's {@code GET /api/v3/rateLimit/order}. */
    List<Map<String, Object>> orderCounts(final long userId) {
        if (orderCounts == null) {
            throw new IllegalStateException("this guard counts no orders");
        }
        final long[] counts = orderCounts.counts(userId, clockMs.getAsLong());
        final Map<String, Object> tenSeconds = rateLimit("ORDERS", "SECOND", 10, orderCounts.limits().perTenSeconds());
        tenSeconds.put("count", counts[0]);
        final Map<String, Object> day = rateLimit("ORDERS", "DAY", 1, orderCounts.limits().perDay());
        day.put("count", counts[1]);
        return List.of(tenSeconds, day);
    }

    private static Map<String, Object> rateLimit(final String type, final String interval, final int intervalNum,
        final long limit) {
        final Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rateLimitType", type);
        entry.put("interval", interval);
        entry.put("intervalNum", intervalNum);
        entry.put("limit", limit);
        return entry;
    }

    private void chargeIp(final Context ctx, final int weight) {
        final long used = ipLimits.charge(ctx.ip(), weight, clockMs.getAsLong());
        ctx.header(USED_WEIGHT_HEADER, Long.toString(used));
    }

    /** The raw body when it is a form (the only body Binance's API takes), else empty. */
    private static String formBody(final Context ctx) {
        final String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return "";
        }
        return ctx.body();
    }

    long nowMs() {
        return clockMs.getAsLong();
    }

    /** The weight limits, clock and proxies a guard is built with (kept for the admin server's guard). */
    record Limits(long ipWeightPerMinute, long keyWeightPerMinute, LongSupplier clockMs,
        TrustedProxies trustedProxies) {
    }

    /** An authenticated caller: the engine user the key acts for, and the request's parameters. */
    record Caller(long userId, RequestParams params) {
    }
}
