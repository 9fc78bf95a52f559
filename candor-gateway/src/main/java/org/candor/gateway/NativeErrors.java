package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.candor.engine.RejectReason;

/**
 * The native API's errors, next to {@link ErrorMapper}: the same {@link ApiError}s, shown as
 * {@code {"code": "STABLE_NAME", "message": ..., "reference": ...}}. The name is derived here, in one table, from
 * the Binance code and, where one code covers several causes (-2010), from the message ErrorMapper gave it. The
 * reference is unique per gateway run (its start time and a counter), logged with server errors so a support
 * request can name the failure; it carries nothing about the request.
 */
final class NativeErrors {
    private static final AtomicLong NEXT = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private NativeErrors() {
    }

    /** The stable name of an error. */
    static String name(final ApiError error) {
        if (error.httpStatus() == 404) {
            return "NOT_FOUND";
        }
        return switch (error.code()) {
            case -1000 -> "INTERNAL_ERROR";
            case -1001 -> "UNAVAILABLE";
            case -1003 -> error.httpStatus() == ErrorMapper.BANNED ? "BANNED" : "RATE_LIMITED";
            case -1007 -> "TIMEOUT";
            case -1008 -> "OVERLOADED";
            case -1015 -> "ORDER_RATE_LIMITED";
            case -1013 -> "FILTER_FAILURE";
            case -1021 -> "TIMESTAMP_OUTSIDE_WINDOW";
            case -1022 -> "INVALID_SIGNATURE";
            case -1100 -> "INVALID_PARAMETER";
            case -1101 -> "DUPLICATE_PARAMETER";
            case -1102 -> "MISSING_PARAMETER";
            case -1104 -> "TOO_MANY_PARAMETERS";
            case -1111 -> "TOO_MUCH_PRECISION";
            case -1115 -> "INVALID_TIME_IN_FORCE";
            case -1116 -> "INVALID_ORDER_TYPE";
            case -1117 -> "INVALID_SIDE";
            case -1120 -> "INVALID_INTERVAL";
            case -1121 -> "UNKNOWN_SYMBOL";
            case -1125 -> "UNKNOWN_LISTEN_KEY";
            case -1127 -> "RANGE_TOO_LONG";
            case -1131 -> "RECV_WINDOW_TOO_LARGE";
            case -2010 -> orderRejected(error.getMessage());
            case -2011, -2013 -> "ORDER_NOT_FOUND";
            case -2014 -> "INVALID_API_KEY_FORMAT";
            case -2015 -> "UNAUTHORIZED";
            default -> withdrawalRejected(error.code());
        };
    }

    /** A withdrawal refusal's name is the engine's reason ({@link ErrorMapper#withdrawalRejected}). */
    private static String withdrawalRejected(final int code) {
        final RejectReason reason = RejectReason.fromCode(ErrorMapper.WITHDRAWAL_CODE_BASE - code);
        return code <= ErrorMapper.WITHDRAWAL_CODE_BASE && reason != null ? reason.name() : "ERROR";
    }

    private static String orderRejected(final String message) {
        return switch (message) {
            case ErrorMapper.INSUFFICIENT_BALANCE_MSG -> "INSUFFICIENT_FUNDS";
            case "Market is closed." -> "MARKET_HALTED";
            case "Order would immediately match and take." -> "POST_ONLY_WOULD_TAKE";
            case "Duplicate order sent." -> "DUPLICATE_CLIENT_ORDER_ID";
            case "This account has no trading account." -> "NO_TRADING_ACCOUNT";
            case "No liquidity for a market order." -> "NO_LIQUIDITY";
            default -> "ORDER_REJECTED";
        };
    }

    /** A new reference for one error answer. */
    static String reference() {
        return RUN + "-" + NEXT.incrementAndGet();
    }

    static Map<String, Object> body(final ApiError error, final String reference) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", name(error));
        body.put("message", error.getMessage());
        body.put("reference", reference);
        return body;
    }
}
