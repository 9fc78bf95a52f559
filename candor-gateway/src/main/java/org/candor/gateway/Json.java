package org.candor.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * Writes response bodies. Responses are built as ordered maps and lists of strings and longs (amounts are already
 * decimal strings), so the mapper needs no configuration and no floating-point number can appear.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static void send(final Context ctx, final Object body) {
        ctx.contentType("application/json");
        ctx.result(write(body));
    }

    static String write(final Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reason=json-write-failed", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
