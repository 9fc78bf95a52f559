package org.candor.testkit;

import java.math.BigInteger;

import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.TimeInForce;

/**
 * The static checks on an order's terms, written out plainly for the reference: price on tick, quantity on lot and
 * within limits, notional within limits. Each returns the first failing reason in the order the engine checks.
 */
final class ReferenceRules {
    private ReferenceRules() {
    }

    static RejectReason checkMarketOrder(final MarketTerms terms, final Side side, final TimeInForce tif,
        final long price, final long quantity, final long quoteBudget) {
        if (tif != TimeInForce.IOC) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (price != 0) {
            return RejectReason.INVALID_PRICE;
        }
        if (side == Side.SELL) {
            return quoteBudget != 0 ? RejectReason.INVALID_ARGUMENT : checkQuantity(terms, quantity);
        }
        if (quantity != 0 || quoteBudget <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (BigInteger.valueOf(quoteBudget).compareTo(ReferenceExchange.AMOUNT_MAX) > 0) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        return quoteBudget < terms.minNotional() ? RejectReason.NOTIONAL_TOO_SMALL : RejectReason.NONE;
    }

    static RejectReason checkLimitOrder(final MarketTerms terms, final long price, final long quantity,
        final long quoteBudget) {
        if (quoteBudget != 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        RejectReason invalid = checkPrice(terms, price);
        if (invalid == RejectReason.NONE) {
            invalid = checkQuantity(terms, quantity);
        }
        return invalid == RejectReason.NONE ? checkNotional(terms, price, quantity) : invalid;
    }

    static RejectReason checkPrice(final MarketTerms terms, final long price) {
        if (price <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        return price % terms.tickSize() != 0 ? RejectReason.PRICE_NOT_ON_TICK : RejectReason.NONE;
    }

    static RejectReason checkQuantity(final MarketTerms terms, final long quantity) {
        if (quantity <= 0) {
            return RejectReason.QUANTITY_TOO_SMALL;
        }
        if (quantity % terms.lotSize() != 0) {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        if (quantity < terms.minQuantity()) {
            return RejectReason.QUANTITY_TOO_SMALL;
        }
        return quantity > terms.maxQuantity() ? RejectReason.QUANTITY_TOO_LARGE : RejectReason.NONE;
    }

    static RejectReason checkNotional(final MarketTerms terms, final long price, final long quantity) {
        final BigInteger notional = BigInteger.valueOf(price / terms.tickSize())
            .multiply(BigInteger.valueOf(quantity / terms.lotSize()))
            .multiply(BigInteger.valueOf(terms.quotePerTickLot()));
        if (notional.compareTo(ReferenceExchange.AMOUNT_MAX) > 0) {
            return RejectReason.NOTIONAL_OVERFLOW;
        }
        return notional.longValueExact() < terms.minNotional() ? RejectReason.NOTIONAL_TOO_SMALL : RejectReason.NONE;
    }
}
