package org.candor.engine;

/**
 * Price-time matching of one taker against the opposite side of a book, and the settlement of each execution.
 * The taker trades at the resting order's price (a taker with a better limit keeps the difference). Self-trade
 * prevention follows the taker's mode. Every execution moves exactly the traded amounts between the two users,
 * then each side's fee from what it received into the fee account, so no unit is created or lost.
 */
final class Matcher {
    /** Limit of a market order: any price is acceptable. */
    static final long NO_LIMIT = -1;

    private final Ledger ledger;
    private final OrderStore orders;
    private final Emitter emitter;
    private final Trading trading;
    private long tradeSeq;
    private boolean takerStopped;

    Matcher(final Ledger ledger, final OrderStore orders, final Emitter emitter, final Trading trading) {
        this.ledger = ledger;
        this.orders = orders;
        this.emitter = emitter;
        this.trading = trading;
    }

    long tradeSeq() {
        return tradeSeq;
    }

    void tradeSeq(final long value) {
        tradeSeq = value;
    }

    /** Whether self-trade prevention ended the last taker. */
    boolean takerStopped() {
        return takerStopped;
    }

    /** How the last budget (market buy) taker ended when it did not spend everything. */
    OrderEndReason endReason() {
        return takerStopped ? OrderEndReason.EXPIRED_STP : OrderEndReason.EXPIRED;
    }

    /** Matches a taker sized in lots until it is filled, the book stops crossing, or STP stops it. */
    void match(final Market market, final int taker, final long limitTicks) {
        takerStopped = false;
        final Side side = orders.side(taker);
        final BookSide book = market.side(side.opposite());
        long remaining = orders.remainingLots(taker);
        while (remaining > 0 && !book.isEmpty()) {
            final long levelTicks = book.bestPriceTicks();
            if (limitTicks != NO_LIMIT && !crosses(side, levelTicks, limitTicks)) {
                return;
            }
            final int maker = book.bestHead();
            if (isSelfTrade(taker, maker)) {
                if (preventSelfTrade(market, taker, maker)) {
                    return;
                }
                continue;
            }
            final long fill = Math.min(remaining, orders.remainingLots(maker));
            remaining -= fill;
            orders.remainingLots(taker, remaining);
            execute(market, book, taker, maker, levelTicks, fill, limitTicks, remaining * market.spec.lotSize);
        }
    }

    /** Matches a market buy sized by a quote budget; returns the budget it could not spend. */
    long matchBudget(final Market market, final int taker, final long budget) {
        takerStopped = false;
        final BookSide book = market.asks;
        final long quotePerTickLot = market.spec.quotePerTickLot;
        long remaining = budget;
        while (!book.isEmpty()) {
            final long levelTicks = book.bestPriceTicks();
            final long costPerLot = levelTicks * quotePerTickLot;
            final long affordable = remaining / costPerLot;
            // Like a limit taker's price check, affordability comes before self-trade prevention: an own order
            // the budget cannot reach would never trade, so STP must not expire it or the taker.
            if (affordable == 0) {
                break;
            }
            final int maker = book.bestHead();
            if (isSelfTrade(taker, maker)) {
                if (preventSelfTrade(market, taker, maker)) {
                    break;
                }
                continue;
            }
            final long fill = Math.min(affordable, orders.remainingLots(maker));
            remaining -= fill * costPerLot;
            execute(market, book, taker, maker, levelTicks, fill, NO_LIMIT, remaining);
        }
        return remaining;
    }

    /** Fill-or-kill pre-check: whether the crossing liquidity this taker could reach covers all of it. */
    boolean canFillWhole(final Market market, final int taker, final long limitTicks, final long lots) {
        final Side side = orders.side(taker);
        final BookSide book = market.side(side.opposite());
        final StpMode stp = orders.stp(taker);
        final int user = orders.userSlot(taker);
        long reachable = 0;
        for (int level = book.levelCount() - 1; level >= 0; level--) {
            if (!crosses(side, book.priceTicksAt(level), limitTicks)) {
                return false;
            }
            if (stp == StpMode.NONE) {
                reachable += book.lotsAt(level);
            } else {
                for (int maker = book.headAt(level); maker != OrderStore.NONE; maker = orders.next(maker)) {
                    if (orders.userSlot(maker) != user) {
                        reachable += orders.remainingLots(maker);
                    } else if (stp != StpMode.EXPIRE_MAKER) {
                        return reachable >= lots;
                    }
                    if (reachable >= lots) {
                        return true;
                    }
                }
            }
            if (reachable >= lots) {
                return true;
            }
        }
        return false;
    }

    private boolean isSelfTrade(final int taker, final int maker) {
        return orders.userSlot(taker) == orders.userSlot(maker) && orders.stp(taker) != StpMode.NONE;
    }

    /** Applies the taker's STP mode to a resting order of the same user; returns whether the taker must stop. */
    private boolean preventSelfTrade(final Market market, final int taker, final int maker) {
        final StpMode mode = orders.stp(taker);
        if (mode == StpMode.EXPIRE_MAKER || mode == StpMode.EXPIRE_BOTH) {
            trading.cancelResting(market, maker, OrderEndReason.EXPIRED_STP);
        }
        if (mode == StpMode.EXPIRE_TAKER || mode == StpMode.EXPIRE_BOTH) {
            takerStopped = true;
            return true;
        }
        return false;
    }

    private static boolean crosses(final Side takerSide, final long levelTicks, final long limitTicks) {
        return takerSide == Side.BUY ? levelTicks <= limitTicks : levelTicks >= limitTicks;
    }

    /**
     * Settles one execution: the buyer's quote leaves IN_ORDERS for the seller, the seller's base leaves IN_ORDERS
     * for the buyer, then each pays its fee from what it received. A limit buyer that trades below its limit gets
     * the difference of its reservation back at once.
     */
    private void execute(final Market market, final BookSide book, final int taker, final int maker,
        final long levelTicks, final long fillLots, final long takerLimitTicks, final long takerRemainingReported) {
        final MarketSpec spec = market.spec;
        final long quantity = fillLots * spec.lotSize;
        final long quote = levelTicks * fillLots * spec.quotePerTickLot;
        final boolean takerBuys = orders.side(taker) == Side.BUY;
        final int buyer = takerBuys ? taker : maker;
        final int seller = takerBuys ? maker : taker;
        final long buyerFee = Money.feeFloor(quantity, takerBuys ? spec.takerFeeBps : spec.makerFeeBps);
        final long sellerFee = Money.feeFloor(quote, takerBuys ? spec.makerFeeBps : spec.takerFeeBps);
        final long makerAfter = orders.remainingLots(maker) - fillLots;
        final long makerId = orders.id(maker);
        final long tradeId = ++tradeSeq;
        if (makerAfter == 0) {
            trading.unrest(market, maker);
            orders.remainingLots(maker, 0);
        } else {
            final long before = trading.restingHash(maker);
            orders.remainingLots(maker, makerAfter);
            book.reduce(maker, fillLots);
            trading.digest().replace(before, trading.restingHash(maker));
        }
        final Users users = trading.users();
        emitter.trade(tradeId, spec.marketId, levelTicks * spec.tickSize, quantity, quote, makerId, orders.id(taker),
            users.idOf(orders.userSlot(maker)), users.idOf(orders.userSlot(taker)), orders.side(taker),
            takerBuys ? sellerFee : buyerFee, takerBuys ? buyerFee : sellerFee, makerAfter * spec.lotSize,
            takerRemainingReported);
        ledger.transfer(orders.quoteAccount(buyer), Bucket.IN_ORDERS, orders.quoteAccount(seller), Bucket.AVAILABLE,
            quote, LedgerCause.TRADE_SETTLED, tradeId);
        ledger.transfer(orders.baseAccount(seller), Bucket.IN_ORDERS, orders.baseAccount(buyer), Bucket.AVAILABLE,
            quantity, LedgerCause.TRADE_SETTLED, tradeId);
        ledger.toFees(orders.quoteAccount(seller), Bucket.AVAILABLE, sellerFee, tradeId);
        ledger.toFees(orders.baseAccount(buyer), Bucket.AVAILABLE, buyerFee, tradeId);
        if (takerBuys && takerLimitTicks != NO_LIMIT && takerLimitTicks > levelTicks) {
            ledger.move(orders.quoteAccount(taker), Bucket.IN_ORDERS, Bucket.AVAILABLE,
                (takerLimitTicks - levelTicks) * fillLots * spec.quotePerTickLot, LedgerCause.ORDER_RELEASED,
                orders.id(taker));
        }
        if (makerAfter == 0) {
            trading.finishFilledMaker(maker, spec);
        }
    }
}
