package org.candor.gateway;

/**
 * One execution of the order a command placed, from the command's own {@code trade} events: the taker's side of
 * it, with the taker's fee in the asset the taker received.
 */
record Fill(long tradeId, long price, long quantity, long quoteAmount, long commission) {
}
