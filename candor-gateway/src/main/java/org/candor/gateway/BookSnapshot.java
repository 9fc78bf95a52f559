package org.candor.gateway;

import java.util.List;

/**
 * The top of one market's book: levels best first, each {@code [price, quantity]} in minor units, and the sequence of
 * the last event that changed this book (Binance's {@code lastUpdateId}).
 */
record BookSnapshot(long lastUpdateId, List<long[]> bids, List<long[]> asks) {
}
