package org.candor.gateway;

/**
 * A request the gateway answers with an error: the HTTP status and Binance's numeric code and message, which is
 * what clients such as CCXT read to choose their exception. Thrown anywhere in request handling and turned into the
 * JSON body {@code {"code":..,"msg":".."}} by {@link ErrorMapper}, the one place that knows the mapping table.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;
    private final long retryAfterSeconds;

    ApiError(final int httpStatus, final int code, final String message) {
        this(httpStatus, code, message, 0);
    }

    ApiError(final int httpStatus, final int code, final String message, final long retryAfterSeconds) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code, negative. */
    public int code() {
        return code;
    }

    /** Seconds a rate-limited client should wait; 0 when the error is not about rate limits. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
