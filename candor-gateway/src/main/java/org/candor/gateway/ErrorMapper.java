package org.candor.gateway;

import org.candor.engine.RejectReason;

/**
 * The one table from what went wrong to what the client sees: engine rejections and gateway errors become an HTTP
 * status and a Binance code and message (docs/GATEWAY.md lists it). CCXT decides its exception from the code, and
 * recognises insufficient funds only by the exact message of {@link #INSUFFICIENT_BALANCE_MSG}.
 */
public final class ErrorMapper {
    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;
    static final int TOO_MANY_REQUESTS = 429;
    static final int BANNED = 418;
    static final int INTERNAL = 500;
    static final int UNAVAILABLE = 503;
    static final int GATEWAY_TIMEOUT = 504;

    static final String INSUFFICIENT_BALANCE_MSG = "Account has insufficient balance for requested action.";

    private ErrorMapper() {
    }

    // ---------------------------------------------------------------- gateway errors

    static ApiError unknown() {
        return new ApiError(INTERNAL, -1000, "An unknown error occurred while processing the request.");
    }

    static ApiError tooManyRequests(final String scope, final long limit, final long retryAfterSeconds) {
        return new ApiError(TOO_MANY_REQUESTS, -1003, "Too many requests; current limit of " + scope
            + " request weight per 1 MINUTE is " + limit + ".", retryAfterSeconds);
    }

    /** Binance's ORDERS limit: {@code interval} as Binance writes it, e.g. "10 SECOND" or "1 DAY". */
    static ApiError tooManyOrders(final long limit, final String interval, final long retryAfterSeconds) {
        return new ApiError(TOO_MANY_REQUESTS, -1015, "Too many new orders; current limit is " + limit
            + " orders per " + interval + ".", retryAfterSeconds);
    }

    static ApiError banned(final String scope, final long untilMs, final long retryAfterSeconds) {
        return new ApiError(BANNED, -1003, "Way too many requests; " + scope + " banned until " + untilMs + ".",
            retryAfterSeconds);
    }

    static ApiError viewsUnavailable() {
        return new ApiError(UNAVAILABLE, -1001, "Internal error; unable to process your request. Please try again.");
    }

    /** History: no read model, or its projection is behind this gateway's acknowledged commands, or it failed. */
    static ApiError historyUnavailable() {
        return viewsUnavailable();
    }

    /** The gateway's own tables (listen keys, browser sessions) cannot be read or written now: retry. */
    static ApiError databaseUnavailable() {
        return viewsUnavailable();
    }

    static ApiError invalidInterval() {
        return new ApiError(BAD_REQUEST, -1120, "Invalid interval.");
    }

    static ApiError lookupRangeTooLong() {
        return new ApiError(BAD_REQUEST, -1127, "More than 1 hours between startTime and endTime.");
    }

    static ApiError unknownListenKey() {
        return new ApiError(BAD_REQUEST, -1125, "This listenKey does not exist.");
    }

    static ApiError timeout() {
        return new ApiError(GATEWAY_TIMEOUT, -1007,
            "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    }

    static ApiError overloaded() {
        return new ApiError(UNAVAILABLE, -1008, "Server is currently overloaded with other requests. Please try "
            + "again in a few minutes.");
    }

    static ApiError illegalParameter(final String name) {
        return new ApiError(BAD_REQUEST, -1100, "Illegal characters found in parameter '" + name + "'.");
    }

    static ApiError timestampOutsideWindow() {
        return new ApiError(BAD_REQUEST, -1021, "Timestamp for this request is outside of the recvWindow.");
    }

    static ApiError timestampAhead(final long aheadMaxMs) {
        return new ApiError(BAD_REQUEST, -1021, "Timestamp for this request was " + aheadMaxMs
            + "ms ahead of the server's time.");
    }

    static ApiError invalidSignature() {
        return new ApiError(UNAUTHORIZED, -1022, "Signature for this request is not valid.");
    }

    static ApiError signatureReused() {
        return new ApiError(UNAUTHORIZED, -1022, "Signature for this request was already used.");
    }

    static ApiError mandatoryMissing(final String name) {
        return new ApiError(BAD_REQUEST, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, "
            + "or malformed.");
    }

    static ApiError badPrecision(final String name) {
        return new ApiError(BAD_REQUEST, -1111, "Parameter '" + name + "' has too much precision.");
    }

    static ApiError invalidTimeInForce() {
        return new ApiError(BAD_REQUEST, -1115, "Invalid timeInForce.");
    }

    static ApiError invalidOrderType() {
        return new ApiError(BAD_REQUEST, -1116, "Invalid orderType.");
    }

    static ApiError invalidSide() {
        return new ApiError(BAD_REQUEST, -1117, "Invalid side.");
    }

    static ApiError invalidSymbol() {
        return new ApiError(BAD_REQUEST, -1121, "Invalid symbol.");
    }

    static ApiError recvWindowTooLarge(final long maxMs) {
        return new ApiError(BAD_REQUEST, -1131, "recvWindow must be less than " + maxMs + ".");
    }

    static ApiError notSupported(final String what) {
        return new ApiError(BAD_REQUEST, -1100, "Not supported: " + what + ".");
    }

    static ApiError newOrderRejected(final String message) {
        return new ApiError(BAD_REQUEST, -2010, message);
    }

    static ApiError cancelUnknownOrder() {
        return new ApiError(BAD_REQUEST, -2011, "Unknown order sent.");
    }

    static ApiError orderDoesNotExist() {
        return new ApiError(BAD_REQUEST, -2013, "Order does not exist.");
    }

    static ApiError apiKeyFormat() {
        return new ApiError(UNAUTHORIZED, -2014, "API-key format invalid.");
    }

    static ApiError invalidKeyIpOrPermissions() {
        return new ApiError(UNAUTHORIZED, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    // ---------------------------------------------------------------- engine rejections

    /** The answer to a rejected new order. */
    static ApiError orderRejected(final RejectReason reason) {
        return switch (reason) {
            case INSUFFICIENT_FUNDS -> newOrderRejected(INSUFFICIENT_BALANCE_MSG);
            case UNKNOWN_MARKET -> invalidSymbol();
            case MARKET_HALTED -> newOrderRejected("Market is closed.");
            case POST_ONLY_WOULD_TAKE -> newOrderRejected("Order would immediately match and take.");
            case DUPLICATE_CLIENT_ORDER_ID -> newOrderRejected("Duplicate order sent.");
            case UNKNOWN_USER -> newOrderRejected("This account has no trading account.");
            case PRICE_NOT_ON_TICK, INVALID_PRICE -> filterFailure("PRICE_FILTER");
            case QUANTITY_NOT_ON_LOT, QUANTITY_TOO_SMALL, QUANTITY_TOO_LARGE -> filterFailure("LOT_SIZE");
            case NOTIONAL_TOO_SMALL, NOTIONAL_OVERFLOW -> filterFailure("NOTIONAL");
            case USER_ORDERS_CAPACITY_REACHED, MARKET_ORDERS_CAPACITY_REACHED, ORDERS_CAPACITY_REACHED ->
                filterFailure("MAX_NUM_ORDERS");
            case INVALID_TIME_IN_FORCE -> invalidTimeInForce();
            default -> commandFailed(reason);
        };
    }

    /**
     * A refused withdrawal or allow-list change names its exact cause ("why can't I?"): 400, code -4000 minus the
     * engine's reason code, the reason in the message (for example -4100, WITHDRAWALS_PAUSED).
     */
    static ApiError withdrawalRejected(final RejectReason reason) {
        return switch (reason) {
            case INVALID_ARGUMENT, UNKNOWN_ASSET, UNKNOWN_USER, INSUFFICIENT_FUNDS, ACCOUNT_BLOCKED, WITHDRAWALS_PAUSED,
                ADDRESS_NOT_ON_ALLOW_LIST, ADDRESS_TIME_LOCKED, WITHDRAWAL_VELOCITY_LIMIT, WITHDRAWAL_ADDRESS_EXISTS,
                WITHDRAWAL_ADDRESSES_CAPACITY_REACHED, UNKNOWN_WITHDRAWAL_ADDRESS, WITHDRAWAL_TEXT_INVALID,
                UNKNOWN_WITHDRAWAL, WITHDRAWAL_ALREADY_BROADCAST, WITHDRAWAL_SENDING ->
                new ApiError(BAD_REQUEST, WITHDRAWAL_CODE_BASE - reason.code(), "Withdrawal refused: " + reason + ".");
            default -> commandFailed(reason);
        };
    }

    /** Withdrawal refusals are -4000 minus the engine's reason code. */
    static final int WITHDRAWAL_CODE_BASE = -4000;

    /** The answer to a rejected cancel. */
    static ApiError cancelRejected(final RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_ORDER, UNKNOWN_USER -> cancelUnknownOrder();
            case UNKNOWN_MARKET -> invalidSymbol();
            default -> commandFailed(reason);
        };
    }

    private static ApiError filterFailure(final String filter) {
        return new ApiError(BAD_REQUEST, -1013, "Filter failure: " + filter);
    }

    /**
     * A rejection the API cannot cause by itself (a stale command id, a full client table, an invariant of the
     * gateway's own commands): the client did nothing wrong, so it is a server error naming the engine's reason.
     */
    private static ApiError commandFailed(final RejectReason reason) {
        final boolean argument = reason == RejectReason.INVALID_ARGUMENT;
        return new ApiError(argument ? BAD_REQUEST : INTERNAL, argument ? -1100 : -1000,
            argument ? "Illegal parameter value." : "Command refused by the engine: " + reason + ".");
    }
}
