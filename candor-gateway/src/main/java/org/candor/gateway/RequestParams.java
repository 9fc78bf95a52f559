package org.candor.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of a request: the query string and, for a form body, the body, decoded. A name given twice is
 * refused (Binance's -1101), so a signed request cannot carry one value the signature covers and another the
 * handler reads.
 */
final class RequestParams {
    /** Most parameters any endpoint takes, with room to spare; more is refused before decoding. */
    static final int PARAMS_MAX = 64;

    private final Map<String, String> values;

    private RequestParams(final Map<String, String> values) {
        this.values = values;
    }

    static RequestParams parse(final String rawQuery, final String rawForm) {
        final Map<String, String> values = new HashMap<>();
        add(values, rawQuery);
        add(values, rawForm);
        return new RequestParams(values);
    }

    private static void add(final Map<String, String> values, final String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (final String pair : raw.split("&", PARAMS_MAX + 1)) {
            if (values.size() >= PARAMS_MAX) {
                throw new ApiError(ErrorMapper.BAD_REQUEST, -1104, "Too many parameters sent for this endpoint.");
            }
            if (pair.isEmpty()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            final String name = decode(eq < 0 ? pair : pair.substring(0, eq), "parameter name");
            final String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (values.putIfAbsent(name, value) != null) {
                throw new ApiError(ErrorMapper.BAD_REQUEST, -1101, "Duplicate values for parameter '" + name + "'.");
            }
        }
    }

    private static String decode(final String text, final String name) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text; // nothing encoded: URLDecoder would copy it through a StringBuilder to the same string
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ErrorMapper.illegalParameter(name);
        }
    }

    /** The value, or null when absent or empty. */
    String optional(final String name) {
        final String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value; -1102 when absent or empty. */
    String required(final String name) {
        final String value = optional(name);
        if (value == null) {
            throw ErrorMapper.mandatoryMissing(name);
        }
        return value;
    }

    /** A whole number, or {@code otherwise} when absent; -1100 when not a number. */
    long longValue(final String name, final long otherwise) {
        final String value = optional(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ErrorMapper.illegalParameter(name);
        }
    }

    long requiredLong(final String name) {
        required(name);
        return longValue(name, 0);
    }

    boolean has(final String name) {
        return optional(name) != null;
    }
}
