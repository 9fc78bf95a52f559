package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Candor's native API under /v1: JSON, the same HMAC-signed requests as the Binance endpoints (parameters in the
 * query or a form body), amounts as integers of minor units in decimal strings, errors as
 * {@code {"code": "STABLE_NAME", ...}} ({@link NativeErrors}). Its description is {@code /v1/openapi.json}, a
 * resource of this module that a test keeps equal to the routes registered here.
 */
record NativeResource(NativeMarketsResource markets, NativeOrdersResource orders, NativeAccountResource account,
    NativeStatementResource statement) {
    static final String OPENAPI_RESOURCE = "/openapi/candor-v1.json";
    static final int OPENAPI_WEIGHT = 1;

    void register(final RoutesConfig routes) {
        markets.register(routes);
        orders.register(routes);
        account.register(routes);
        statement.register(routes);
        final String description = openApi();
        routes.get("/v1/openapi.json", ctx -> serve(ctx, description));
    }

    private void serve(final Context ctx, final String description) {
        markets.guard().open(ctx, OPENAPI_WEIGHT);
        ctx.contentType("application/json");
        ctx.result(description);
    }

    static String openApi() {
        try (InputStream in = NativeResource.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reason=openapi-resource-missing path=" + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
