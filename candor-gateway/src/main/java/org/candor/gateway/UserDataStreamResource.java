package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * POST, PUT and DELETE /api/v3/userDataStream: open (or get back) the caller's listen key, keep it alive, close it.
 * As Binance's, these take the API key header only, no signature: a listen key only lets its holder watch the
 * user's own orders and balances. The key needs READ.
 */
final class UserDataStreamResource {
    static final int WEIGHT = 2;

    private final RequestGuard guard;
    private final UserStreams streams;

    UserDataStreamResource(final RequestGuard guard, final UserStreams streams) {
        this.guard = guard;
        this.streams = streams;
    }

    void register(final RoutesConfig routes) {
        routes.post("/api/v3/userDataStream", this::open);
        routes.put("/api/v3/userDataStream", this::keepAlive);
        routes.delete("/api/v3/userDataStream", this::close);
    }

    private void open(final Context ctx) {
        final RequestGuard.Caller caller = guard.keyed(ctx, WEIGHT, Permission.READ);
        Json.send(ctx, Map.of("listenKey", streams.open(caller.userId())));
    }

    private void keepAlive(final Context ctx) {
        final RequestGuard.Caller caller = guard.keyed(ctx, WEIGHT, Permission.READ);
        streams.keepAlive(caller.userId(), caller.params().required("listenKey"));
        Json.send(ctx, Map.of());
    }

    private void close(final Context ctx) {
        final RequestGuard.Caller caller = guard.keyed(ctx, WEIGHT, Permission.READ);
        streams.close(caller.userId(), caller.params().required("listenKey"));
        Json.send(ctx, Map.of());
    }
}
