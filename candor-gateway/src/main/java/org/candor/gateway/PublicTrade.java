package org.candor.gateway;

/** One execution as the public sees it; {@code buyerMaker} when the resting order was the buy. */
record PublicTrade(long id, long price, long quantity, long quoteAmount, long timeMs, boolean buyerMaker) {
}
