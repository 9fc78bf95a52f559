package org.candor.engine;

/**
 * The static checks on an order's terms against its market's filters: tick, lot, size and notional. They read no
 * state, so they run before anything else and a failing order changes nothing.
 */
public final class OrderRules {
    /** The longest client order label: Binance's newClientOrderId limit. */
    public static final int CLIENT_ORDER_LABEL_MAX = 36;

    private OrderRules() {
    }

    /**
     * A client order label is absent (null or empty) or 1..{@link #CLIENT_ORDER_LABEL_MAX} characters of {@code
     * [.A-Z:/a-z0-9_-]}, and only on an order with a client order id: it is that id as the client wrote it.
     */
    static boolean validLabel(final CharSequence label, final long clientOrderId) {
        if (label == null || label.length() == 0) {
            return true;
        }
        return clientOrderId != 0 && isLabel(label);
    }

    /**
     * Whether {@code text} is a client order id as a client may write it: 1..{@link #CLIENT_ORDER_LABEL_MAX}
     * characters of {@code [.A-Z:/a-z0-9_-]}, Binance's rule for {@code newClientOrderId}. Gateways check strings
     * with it before deriving a number, so the engine never sees one they accepted refused.
     */
    public static boolean isLabel(final CharSequence label) {
        if (label.length() == 0 || label.length() > CLIENT_ORDER_LABEL_MAX) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            final char c = label.charAt(i);
            final boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == ':' || c == '/' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    static RejectReason checkPlace(final MarketSpec spec, final Side side, final OrderType type,
        final TimeInForce tif, final long price, final long quantity, final long quoteBudget) {
        if (type == OrderType.MARKET) {
            return checkMarket(spec, side, tif, price, quantity, quoteBudget);
        }
        if (quoteBudget != 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final RejectReason priceCheck = checkPrice(spec, price);
        if (priceCheck != RejectReason.NONE) {
            return priceCheck;
        }
        final RejectReason quantityCheck = checkQuantity(spec, quantity);
        if (quantityCheck != RejectReason.NONE) {
            return quantityCheck;
        }
        return checkNotional(spec, price / spec.tickSize, quantity / spec.lotSize);
    }

    static RejectReason checkMove(final MarketSpec spec, final long newPrice, final long remainingLots) {
        final RejectReason priceCheck = checkPrice(spec, newPrice);
        if (priceCheck != RejectReason.NONE) {
            return priceCheck;
        }
        return checkNotional(spec, newPrice / spec.tickSize, remainingLots);
    }

    private static RejectReason checkMarket(final MarketSpec spec, final Side side, final TimeInForce tif,
        final long price, final long quantity, final long quoteBudget) {
        if (tif != TimeInForce.IOC) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (price != 0) {
            return RejectReason.INVALID_PRICE;
        }
        if (side == Side.SELL) {
            return quoteBudget != 0 ? RejectReason.INVALID_ARGUMENT : checkQuantity(spec, quantity);
        }
        if (quantity != 0 || quoteBudget <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (quoteBudget > Ledger.AMOUNT_MAX) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        return quoteBudget < spec.minNotional ? RejectReason.NOTIONAL_TOO_SMALL : RejectReason.NONE;
    }

    private static RejectReason checkPrice(final MarketSpec spec, final long price) {
        if (price <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        return price % spec.tickSize != 0 ? RejectReason.PRICE_NOT_ON_TICK : RejectReason.NONE;
    }

    private static RejectReason checkQuantity(final MarketSpec spec, final long quantity) {
        if (quantity <= 0) {
            return RejectReason.QUANTITY_TOO_SMALL;
        }
        if (quantity % spec.lotSize != 0) {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        if (quantity < spec.minQuantity) {
            return RejectReason.QUANTITY_TOO_SMALL;
        }
        return quantity > spec.maxQuantity ? RejectReason.QUANTITY_TOO_LARGE : RejectReason.NONE;
    }

    /** Price times quantity must fit the ledger's amount limit and reach the market's minimum notional. */
    private static RejectReason checkNotional(final MarketSpec spec, final long priceTicks, final long lots) {
        final long tickLots = Money.multiply(priceTicks, lots);
        final long notional = tickLots == Money.OVERFLOW ? Money.OVERFLOW
            : Money.multiply(tickLots, spec.quotePerTickLot);
        if (notional == Money.OVERFLOW) {
            return RejectReason.NOTIONAL_OVERFLOW;
        }
        return notional < spec.minNotional ? RejectReason.NOTIONAL_TOO_SMALL : RejectReason.NONE;
    }
}
