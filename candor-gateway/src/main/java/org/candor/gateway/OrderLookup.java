package org.candor.gateway;

import java.util.function.Supplier;

/**
 * Finding what a request names: its market by symbol, an asset by code, and the caller's order by orderId or
 * origClientOrderId.
 */
final class OrderLookup {
    private OrderLookup() {
    }

    static MarketInfo market(final ReadViews views, final String symbol) {
        final MarketInfo market = views.read(s -> s.market().market(symbol));
        if (market == null) {
            throw ErrorMapper.invalidSymbol();
        }
        return market;
    }

    /** The asset whose code is the parameter {@code name}'s value; -1100 naming the parameter if none is listed. */
    static AssetInfo asset(final ReadViews views, final RequestParams params, final String name) {
        final String code = params.required(name);
        final AssetInfo asset = views.read(s -> s.market().asset(code));
        if (asset == null) {
            throw ErrorMapper.illegalParameter(name);
        }
        return asset;
    }

    /** The engine number of origClientOrderId; {@code unknown} when this gateway never gave it out. */
    static long clientNumber(final RequestParams params, final long userId, final ClientOrderIds ids,
        final Supplier<ApiError> unknown) {
        final String text = params.optional("origClientOrderId");
        if (text == null) {
            throw new ApiError(ErrorMapper.BAD_REQUEST, -1102,
                "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        final long number = ids.knownNumber(userId, text);
        if (number < 0) {
            throw unknown.get();
        }
        return number;
    }

    /** The caller's order by orderId, or by origClientOrderId among its open and recent orders; null if neither. */
    static OrderRecord find(final ReadViews views, final RequestParams params, final long userId,
        final ClientOrderIds ids) {
        final long orderId = params.longValue("orderId", 0);
        if (orderId != 0) {
            return views.read(s -> s.accounts().order(userId, orderId));
        }
        final long number = clientNumber(params, userId, ids, ErrorMapper::orderDoesNotExist);
        return views.read(s -> s.accounts().orderByClientNumber(userId, number));
    }
}
