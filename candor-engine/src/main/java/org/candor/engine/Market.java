package org.candor.engine;

/** A market's terms, its trading status and its order book. */
final class Market {
    final MarketSpec spec;
    final BookSide bids;
    final BookSide asks;
    private MarketStatus status = MarketStatus.TRADING;
    private int openOrders;

    Market(final MarketSpec spec, final OrderStore orders) {
        this.spec = spec;
        this.bids = new BookSide(Side.BUY, orders);
        this.asks = new BookSide(Side.SELL, orders);
    }

    MarketStatus status() {
        return status;
    }

    void status(final MarketStatus status) {
        this.status = status;
    }

    int openOrders() {
        return openOrders;
    }

    void addOpenOrders(final int delta) {
        openOrders += delta;
    }

    BookSide side(final Side side) {
        return side == Side.BUY ? bids : asks;
    }

    static long statusHash(final int marketId, final MarketStatus status) {
        return Digest.hash(14, marketId, status.code(), 0);
    }
}
