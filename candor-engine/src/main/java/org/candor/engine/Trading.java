package org.candor.engine;

/**
 * Order commands: validation, funds reservation and the order lifecycle. Matching itself is in {@link Matcher};
 * this class decides whether an order may enter, reserves what it may spend, and settles what is left over.
 *
 * <p>Reservation rule: a resting or incoming buy holds price * quantity of quote in IN_ORDERS (a market buy holds
 * its whole budget); a sell holds its quantity of base. What an order has not spent goes back to AVAILABLE when it
 * ends, so IN_ORDERS of every account always equals the sum of its open orders' reservations.
 */
final class Trading {
    private final Users users;
    private final Ledger ledger;
    private final OrderStore orders;
    private final ClientOrderIndex clientOrders;
    private final Market[] markets;
    private final Emitter emitter;
    private final Digest digest;
    private final Matcher matcher;
    private final int openOrdersPerUserMax;
    private final int openOrdersPerMarketMax;
    private long orderSeq;
    private long restSeq;
    private long lastOrderId;

    Trading(final Users users, final Ledger ledger, final OrderStore orders, final ClientOrderIndex clientOrders,
        final Market[] markets, final Emitter emitter, final Digest digest, final EngineCapacity capacity) {
        this.users = users;
        this.ledger = ledger;
        this.orders = orders;
        this.clientOrders = clientOrders;
        this.markets = markets;
        this.emitter = emitter;
        this.digest = digest;
        this.openOrdersPerUserMax = capacity.openOrdersPerUserMax();
        this.openOrdersPerMarketMax = capacity.openOrdersPerMarketMax();
        this.matcher = new Matcher(ledger, orders, emitter, this);
    }

    long orderSeq() {
        return orderSeq;
    }

    long restSeq() {
        return restSeq;
    }

    long tradeSeq() {
        return matcher.tradeSeq();
    }

    void restoreCounters(final long orderSeqValue, final long restSeqValue, final long tradeSeqValue) {
        orderSeq = orderSeqValue;
        restSeq = restSeqValue;
        matcher.tradeSeq(tradeSeqValue);
    }

    /** The id of the order the last successful place created. */
    long lastOrderId() {
        return lastOrderId;
    }

    RejectReason place(final int userSlot, final Market market, final Side side, final OrderType type,
        final TimeInForce tif, final long price, final long quantity, final long quoteBudget,
        final long clientOrderId, final StpMode stp, final CharSequence label) {
        final MarketSpec spec = market.spec;
        final RejectReason invalid = OrderRules.checkPlace(spec, side, type, tif, price, quantity, quoteBudget);
        if (invalid != RejectReason.NONE) {
            return invalid;
        }
        if (market.status() == MarketStatus.HALTED) {
            return RejectReason.MARKET_HALTED;
        }
        if (clientOrderId != 0 && clientOrders.get(userSlot, clientOrderId) != OrderStore.NONE) {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (tif.rests() && users.openOrders(userSlot) >= openOrdersPerUserMax) {
            return RejectReason.USER_ORDERS_CAPACITY_REACHED;
        }
        if (tif.rests() && market.openOrders() >= openOrdersPerMarketMax) {
            return RejectReason.MARKET_ORDERS_CAPACITY_REACHED;
        }
        if (orders.isFull()) {
            return RejectReason.ORDERS_CAPACITY_REACHED;
        }
        final long priceTicks = type == OrderType.LIMIT ? price / spec.tickSize : 0;
        final long lots = quantity / spec.lotSize;
        final long reserve = reserveFor(spec, side, type, priceTicks, lots, quoteBudget);
        final int reserveAccount = ledger.find(userSlot, side == Side.BUY ? spec.quoteAssetId : spec.baseAssetId);
        if (reserveAccount == Ledger.NONE || ledger.balance(reserveAccount, Bucket.AVAILABLE) < reserve) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        final BookSide opposite = market.side(side.opposite());
        if (tif == TimeInForce.POST_ONLY && opposite.crosses(priceTicks)) {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        // The account for the received asset is created only once nothing else can reject, because a rejected
        // command must change nothing, not even the set of (empty) accounts.
        final int baseAccount = ledger.findOrCreate(userSlot, spec.baseAssetId);
        final int quoteAccount = ledger.findOrCreate(userSlot, spec.quoteAssetId);
        if (baseAccount == Ledger.NONE || quoteAccount == Ledger.NONE) {
            return RejectReason.ACCOUNTS_CAPACITY_REACHED;
        }
        final int slot = accept(userSlot, market, side, type, tif, price, quantity, quoteBudget, clientOrderId, stp,
            label, baseAccount, quoteAccount);
        orders.priceTicks(slot, priceTicks);
        orders.remainingLots(slot, lots);
        if (tif == TimeInForce.FOK && !matcher.canFillWhole(market, slot, priceTicks, lots)) {
            finish(slot, spec, OrderEndReason.EXPIRED_FOK, lots);
            return RejectReason.NONE;
        }
        ledger.move(reserveAccount, Bucket.AVAILABLE, Bucket.IN_ORDERS, reserve, LedgerCause.ORDER_RESERVED,
            orders.id(slot));
        if (type == OrderType.MARKET && side == Side.BUY) {
            final long unspent = matcher.matchBudget(market, slot, quoteBudget);
            ledger.move(quoteAccount, Bucket.IN_ORDERS, Bucket.AVAILABLE, unspent, LedgerCause.ORDER_RELEASED,
                orders.id(slot));
            finish(slot, spec, unspent > 0 ? matcher.endReason() : OrderEndReason.FILLED, unspent);
            return RejectReason.NONE;
        }
        final long limit = type == OrderType.MARKET ? Matcher.NO_LIMIT : priceTicks;
        matcher.match(market, slot, limit);
        completeTaker(market, slot, tif);
        return RejectReason.NONE;
    }

    private int accept(final int userSlot, final Market market, final Side side, final OrderType type,
        final TimeInForce tif, final long price, final long quantity, final long quoteBudget,
        final long clientOrderId, final StpMode stp, final CharSequence label, final int baseAccount,
        final int quoteAccount) {
        final long sequence = ++orderSeq;
        final int slot = orders.allocate(0);
        final long orderId = OrderStore.makeId(sequence, slot);
        orders.restoreOrder(slot, orderId);
        orders.init(slot, clientOrderId, userSlot, baseAccount, quoteAccount, market.spec.marketId, side, stp, tif);
        lastOrderId = orderId;
        emitter.orderAccepted(orderId, users.idOf(userSlot), market.spec.marketId, side, type, tif, price, quantity,
            quoteBudget, clientOrderId, stp);
        if (label != null && label.length() != 0) {
            emitter.orderLabelled(orderId, users.idOf(userSlot), clientOrderId, label);
        }
        return slot;
    }

    /** After matching an incoming (or moved) order: rest what is left, or end it and release its reservation. */
    /**
     * After matching a moved order. It never left its owner's list and counts (a move does not change who owns
     * what), so it only rejoins the book, or, if it traded away or self-trade prevention ended it, leaves them.
     */
    private void completeMoved(final Market market, final int slot) {
        final long remaining = orders.remainingLots(slot);
        if (remaining > 0 && !matcher.takerStopped()) {
            joinBook(market, slot);
            return;
        }
        unregisterOwner(market, slot);
        if (remaining == 0) {
            finish(slot, market.spec, OrderEndReason.FILLED, 0);
        } else {
            releaseReservation(slot, market.spec, remaining);
            finish(slot, market.spec, OrderEndReason.EXPIRED_STP, remaining);
        }
    }

    private void completeTaker(final Market market, final int slot, final TimeInForce tif) {
        final MarketSpec spec = market.spec;
        final long remaining = orders.remainingLots(slot);
        if (remaining == 0) {
            finish(slot, spec, OrderEndReason.FILLED, 0);
        } else if (matcher.takerStopped() || !tif.rests()) {
            releaseReservation(slot, spec, remaining);
            finish(slot, spec, matcher.takerStopped() ? OrderEndReason.EXPIRED_STP : OrderEndReason.EXPIRED,
                remaining);
        } else {
            rest(market, slot);
        }
    }

    private void rest(final Market market, final int slot) {
        registerOwner(market, slot);
        joinBook(market, slot);
    }

    /** Puts the order at the back of its price level, as a new arrival in time priority. */
    private void joinBook(final Market market, final int slot) {
        orders.stamp(slot, ++restSeq);
        market.side(orders.side(slot)).append(slot);
        digest.add(restingHash(slot));
        emitter.orderRested(orders.id(slot), orders.priceTicks(slot) * market.spec.tickSize,
            orders.remainingLots(slot) * market.spec.lotSize);
    }

    /** Counts the order as its owner's and its market's, and indexes its client order id. */
    private void registerOwner(final Market market, final int slot) {
        final int userSlot = orders.userSlot(slot);
        market.addOpenOrders(1);
        users.addOpenOrder(userSlot, 1);
        linkToUser(userSlot, slot);
        final long clientOrderId = orders.clientOrderId(slot);
        if (clientOrderId != 0) {
            clientOrders.put(userSlot, clientOrderId, slot);
        }
    }

    /** Snapshot support: puts a restored order back on its book and indices; the user list is linked apart. */
    void restoreResting(final Market market, final int slot) {
        market.side(orders.side(slot)).append(slot);
        market.addOpenOrders(1);
        users.addOpenOrder(orders.userSlot(slot), 1);
        final long clientOrderId = orders.clientOrderId(slot);
        if (clientOrderId != 0) {
            clientOrders.put(orders.userSlot(slot), clientOrderId, slot);
        }
    }

    /** Takes a resting order off the book and out of every index; its reservation is the caller's to settle. */
    void unrest(final Market market, final int slot) {
        leaveBook(market, slot);
        unregisterOwner(market, slot);
    }

    private void leaveBook(final Market market, final int slot) {
        digest.remove(restingHash(slot));
        market.side(orders.side(slot)).remove(slot);
    }

    private void unregisterOwner(final Market market, final int slot) {
        market.addOpenOrders(-1);
        final int userSlot = orders.userSlot(slot);
        users.addOpenOrder(userSlot, -1);
        unlinkFromUser(userSlot, slot);
        final long clientOrderId = orders.clientOrderId(slot);
        if (clientOrderId != 0) {
            clientOrders.remove(userSlot, clientOrderId);
        }
    }

    /** Ends a resting order that was not filled: cancel, self-trade prevention, reduce to zero. */
    void cancelResting(final Market market, final int slot, final OrderEndReason reason) {
        final long remaining = orders.remainingLots(slot);
        unrest(market, slot);
        releaseReservation(slot, market.spec, remaining);
        finish(slot, market.spec, reason, remaining);
    }

    /** The end of a resting order a taker filled; the matcher has already taken it off the book. */
    void finishFilledMaker(final int slot, final MarketSpec spec) {
        finish(slot, spec, OrderEndReason.FILLED, 0);
    }

    void releaseReservation(final int slot, final MarketSpec spec, final long lots) {
        final long orderId = orders.id(slot);
        if (orders.side(slot) == Side.BUY) {
            final long quote = orders.priceTicks(slot) * lots * spec.quotePerTickLot;
            ledger.move(orders.quoteAccount(slot), Bucket.IN_ORDERS, Bucket.AVAILABLE, quote,
                LedgerCause.ORDER_RELEASED, orderId);
        } else {
            ledger.move(orders.baseAccount(slot), Bucket.IN_ORDERS, Bucket.AVAILABLE, lots * spec.lotSize,
                LedgerCause.ORDER_RELEASED, orderId);
        }
    }

    /**
     * Emits the end of an order and frees its slot. {@code remaining} is in lots, except for a market buy, where it
     * is the unspent budget in quote minor units.
     */
    private void finish(final int slot, final MarketSpec spec, final OrderEndReason reason, final long remaining) {
        final boolean budgetOrder = orders.priceTicks(slot) == 0 && orders.side(slot) == Side.BUY;
        final long reported = budgetOrder ? remaining : remaining * spec.lotSize;
        emitter.orderDone(orders.id(slot), reason, reported);
        orders.release(slot);
    }

    private static long reserveFor(final MarketSpec spec, final Side side, final OrderType type,
        final long priceTicks, final long lots, final long quoteBudget) {
        if (side == Side.SELL) {
            return lots * spec.lotSize;
        }
        return type == OrderType.MARKET ? quoteBudget : priceTicks * lots * spec.quotePerTickLot;
    }

    void linkToUser(final int userSlot, final int slot) {
        final int head = users.orderHead(userSlot);
        orders.userPrev(slot, OrderStore.NONE);
        orders.userNext(slot, head);
        if (head != OrderStore.NONE) {
            orders.userPrev(head, slot);
        }
        users.orderHead(userSlot, slot);
    }

    private void unlinkFromUser(final int userSlot, final int slot) {
        final int before = orders.userPrev(slot);
        final int after = orders.userNext(slot);
        if (before == OrderStore.NONE) {
            users.orderHead(userSlot, after);
        } else {
            orders.userNext(before, after);
        }
        if (after != OrderStore.NONE) {
            orders.userPrev(after, before);
        }
    }

    long restingHash(final int slot) {
        return restingHash(orders, users, slot);
    }

    static long restingHash(final OrderStore orders, final Users users, final int slot) {
        return Digest.hash(2, orders.id(slot), users.idOf(orders.userSlot(slot)),
            (long) orders.market(slot) << 8 | orders.flags(slot), orders.priceTicks(slot),
            orders.remainingLots(slot), orders.stamp(slot), orders.clientOrderId(slot));
    }

    RejectReason cancel(final int userSlot, final Market market, final long orderId, final long clientOrderId) {
        final int slot = findOwned(userSlot, market, orderId, clientOrderId);
        if (slot == OrderStore.NONE) {
            return RejectReason.UNKNOWN_ORDER;
        }
        lastOrderId = orders.id(slot);
        cancelResting(market, slot, OrderEndReason.CANCELLED);
        return RejectReason.NONE;
    }

    /** Cancels every open order of the user in the market; returns how many it cancelled. */
    int cancelAll(final int userSlot, final Market market) {
        int cancelled = 0;
        int slot = users.orderHead(userSlot);
        while (slot != OrderStore.NONE) {
            final int next = orders.userNext(slot);
            if (orders.market(slot) == market.spec.marketId) {
                cancelResting(market, slot, OrderEndReason.CANCELLED);
                cancelled++;
            }
            slot = next;
        }
        return cancelled;
    }

    /** Lowers an order's open quantity, keeping its place in the queue; reducing by all of it cancels it. */
    RejectReason reduce(final int userSlot, final Market market, final long orderId, final long reduceBy) {
        final int slot = findOwned(userSlot, market, orderId, 0);
        if (slot == OrderStore.NONE) {
            return RejectReason.UNKNOWN_ORDER;
        }
        final MarketSpec spec = market.spec;
        if (reduceBy <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (reduceBy % spec.lotSize != 0) {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        lastOrderId = orderId;
        final long lots = reduceBy / spec.lotSize;
        final long remaining = orders.remainingLots(slot);
        if (lots >= remaining) {
            cancelResting(market, slot, OrderEndReason.CANCELLED);
            return RejectReason.NONE;
        }
        final long before = restingHash(slot);
        orders.remainingLots(slot, remaining - lots);
        market.side(orders.side(slot)).reduce(slot, lots);
        digest.replace(before, restingHash(slot));
        emitter.orderReduced(orderId, (remaining - lots) * spec.lotSize);
        releaseReservation(slot, spec, lots);
        return RejectReason.NONE;
    }

    /** Moves an order to a new price: it loses its place, may trade as a taker, and rests at the back. */
    RejectReason move(final int userSlot, final Market market, final long orderId, final long newPrice) {
        final int slot = findOwned(userSlot, market, orderId, 0);
        if (slot == OrderStore.NONE) {
            return RejectReason.UNKNOWN_ORDER;
        }
        final MarketSpec spec = market.spec;
        final long newTicks = newPrice / spec.tickSize;
        final long remaining = orders.remainingLots(slot);
        final RejectReason invalid = OrderRules.checkMove(spec, newPrice, remaining);
        if (invalid != RejectReason.NONE) {
            return invalid;
        }
        if (market.status() == MarketStatus.HALTED) {
            return RejectReason.MARKET_HALTED;
        }
        final long oldTicks = orders.priceTicks(slot);
        if (newTicks == oldTicks) {
            return RejectReason.PRICE_UNCHANGED;
        }
        final Side side = orders.side(slot);
        if (orders.tif(slot) == TimeInForce.POST_ONLY && market.side(side.opposite()).crosses(newTicks)) {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        final long extra = side == Side.BUY ? (newTicks - oldTicks) * remaining * spec.quotePerTickLot : 0;
        if (extra > ledger.balance(orders.quoteAccount(slot), Bucket.AVAILABLE)) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        lastOrderId = orderId;
        leaveBook(market, slot);
        emitter.orderMoved(orderId, oldTicks * spec.tickSize, newPrice);
        if (extra > 0) {
            ledger.move(orders.quoteAccount(slot), Bucket.AVAILABLE, Bucket.IN_ORDERS, extra,
                LedgerCause.ORDER_RESERVED, orderId);
        } else if (extra < 0) {
            ledger.move(orders.quoteAccount(slot), Bucket.IN_ORDERS, Bucket.AVAILABLE, -extra,
                LedgerCause.ORDER_RELEASED, orderId);
        }
        orders.priceTicks(slot, newTicks);
        matcher.match(market, slot, newTicks);
        completeMoved(market, slot);
        return RejectReason.NONE;
    }

    /** The slot of an open order of this user in this market, found by order id or else client order id. */
    private int findOwned(final int userSlot, final Market market, final long orderId, final long clientOrderId) {
        final int slot = orderId != 0 ? orders.slotOf(orderId) : clientOrders.get(userSlot, clientOrderId);
        if (slot == OrderStore.NONE || orders.userSlot(slot) != userSlot
            || orders.market(slot) != market.spec.marketId) {
            return OrderStore.NONE;
        }
        if (orderId != 0 && clientOrderId != 0 && orders.clientOrderId(slot) != clientOrderId) {
            return OrderStore.NONE;
        }
        return slot;
    }

    Users users() {
        return users;
    }

    Digest digest() {
        return digest;
    }
}
