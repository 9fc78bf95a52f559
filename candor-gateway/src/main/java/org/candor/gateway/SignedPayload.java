package org.candor.gateway;

/**
 * What a signature covers: the raw query string followed by the raw form body, exactly as received (Binance's
 * {@code totalParams}), without the {@code signature} parameter, which must be the last parameter of the body, or
 * of the query when the body does not carry it. Nothing is decoded, re-sorted or re-encoded: the client signed
 * bytes, and these are the bytes.
 */
record SignedPayload(String payload, String signature) {
    static final String PARAM = "signature=";

    /** The payload and signature of a request, or null when it carries no trailing signature. */
    static SignedPayload of(final String rawQuery, final String rawBody) {
        final String query = rawQuery == null ? "" : rawQuery;
        final String body = rawBody == null ? "" : rawBody;
        final int inBody = trailing(body);
        if (inBody >= 0) {
            return new SignedPayload(query + strip(body, inBody), body.substring(inBody + PARAM.length()));
        }
        final int inQuery = trailing(query);
        if (inQuery >= 0) {
            return new SignedPayload(strip(query, inQuery) + body, query.substring(inQuery + PARAM.length()));
        }
        return null;
    }

    /** Where the last parameter's {@code signature=} starts, or -1 if the last parameter is not the signature. */
    private static int trailing(final String part) {
        final int start = part.lastIndexOf('&') + 1;
        return part.startsWith(PARAM, start) ? start : -1;
    }

    /** The part without its last parameter and the {@code &} before it. */
    private static String strip(final String part, final int start) {
        return start == 0 ? "" : part.substring(0, start - 1);
    }
}
