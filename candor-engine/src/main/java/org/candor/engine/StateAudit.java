package org.candor.engine;

/**
 * Full, from-scratch checks of the engine's state: the digest recomputed element by element, and every invariant
 * the ledger and books promise. O(state), so tests run it after every command and production runs it at snapshot
 * time or on demand; the hot path keeps only the cheap always-on checks in {@link Ledger}.
 */
final class StateAudit {
    private final Engine engine;

    StateAudit(final Engine engine) {
        this.engine = engine;
    }

    /** The incremental part of the digest, rebuilt from every state element. */
    long recomputeIncremental() {
        long h = 0;
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            if (engine.assets.exists(asset)) {
                h += Assets.hash(asset, engine.assets.code(asset), engine.assets.scale(asset));
                h += Ledger.hash(Engine.SYSTEM_USER_ID, asset, Bucket.CUSTODY, engine.ledger.custody(asset));
                h += Ledger.hash(Engine.SYSTEM_USER_ID, asset, Bucket.FEES, engine.ledger.fees(asset));
            }
        }
        for (final Market market : engine.markets) {
            if (market != null) {
                h += market.spec.hash() + Market.statusHash(market.spec.marketId, market.status());
                h += sideHash(market.bids) + sideHash(market.asks);
            }
        }
        for (int user = 0; user < engine.users.count(); user++) {
            h += Users.hash(engine.users.idOf(user));
        }
        final Ledger ledger = engine.ledger;
        for (int account = 0; account < ledger.count(); account++) {
            final long userId = engine.users.idOf(ledger.userSlotOf(account));
            for (int b = 0; b < Bucket.USER_BUCKETS; b++) {
                final Bucket bucket = Bucket.fromCode(b);
                h += Ledger.hash(userId, ledger.assetOf(account), bucket, ledger.balance(account, bucket));
            }
        }
        h += new WithdrawalAudit(engine).hash();
        for (final Hold hold : engine.holds.all()) {
            h += hold.hash();
        }
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            h += engine.assets.exists(asset) ? Holds.thresholdHash(asset, engine.holds.approvalThreshold(asset)) : 0;
        }
        h += engine.blastRadius.policyHash();
        for (final BlastRadius.Entry entry : engine.blastRadius.window()) {
            h += entry.hash();
        }
        for (final MassAction action : engine.blastRadius.massActions()) {
            h += action.hash();
        }
        return h + engine.funds.memory().recomputeHash();
    }

    private long sideHash(final BookSide side) {
        long h = 0;
        final OrderStore orders = engine.orders;
        for (int level = 0; level < side.levelCount(); level++) {
            for (int slot = side.headAt(level); slot != OrderStore.NONE; slot = orders.next(slot)) {
                h += Trading.restingHash(orders, engine.users, slot);
            }
        }
        return h;
    }

    /** Throws {@link InvariantViolation} naming the first broken invariant. */
    void check() {
        final Ledger ledger = engine.ledger;
        final long[] expectedInOrders = new long[ledger.count()];
        checkBooks(expectedInOrders);
        final long[] expectedHeld = new long[ledger.count()];
        checkHolds(expectedHeld);
        final long[] expectedWithdrawing = new long[ledger.count()];
        new WithdrawalAudit(engine).check(expectedWithdrawing);
        checkLimiter();
        engine.funds.memory().check();
        final long[] sums = new long[engine.assets.capacity()];
        for (int account = 0; account < ledger.count(); account++) {
            final int asset = ledger.assetOf(account);
            for (int b = 0; b < Bucket.USER_BUCKETS; b++) {
                final long balance = ledger.balance(account, Bucket.fromCode(b));
                require(balance >= 0, "negative bucket account=" + account + " bucket=" + Bucket.fromCode(b));
                sums[asset] = Math.addExact(sums[asset], balance);
            }
            require(ledger.balance(account, Bucket.IN_ORDERS) == expectedInOrders[account],
                "in-orders differs from open orders' reservations account=" + account);
            require(ledger.balance(account, Bucket.HELD) == expectedHeld[account],
                "held differs from active holds account=" + account);
            require(ledger.balance(account, Bucket.WITHDRAWING) == expectedWithdrawing[account],
                "withdrawing differs from pending withdrawals account=" + account);
        }
        for (int asset = 0; asset < sums.length; asset++) {
            require(ledger.fees(asset) >= 0, "negative fees asset=" + asset);
            final long total = Math.addExact(Math.addExact(sums[asset], ledger.custody(asset)), ledger.fees(asset));
            require(total == 0, "ledger does not balance asset=" + asset + " sum=" + total);
        }
        require(recomputeIncremental() == engine.digest.value(), "incremental digest differs from recomputed");
    }

    /**
     * Every hold is accountable: it has a reason, a valid explanation, a placer and a review deadline; one that
     * needed four eyes and is in force was approved by a different operator, and one that did not was approved by
     * nobody; operational incidents release automatically; pending and active holds, and only they, wait in the
     * deadline index; account blocks in force are counted. Adds each in-force amount to its account's HELD.
     */
    private void checkHolds(final long[] expectedHeld) {
        int awaiting = 0;
        int blocks = 0;
        for (final Hold hold : engine.holds.all()) {
            final String id = " hold=" + hold.holdId;
            require(hold.reason != null && hold.kind != null && hold.releaseCondition != null && hold.state != null,
                "hold without reason, kind, condition or state" + id);
            require(HoldPolicy.isValidText(hold.explanation), "hold without a valid explanation" + id);
            require(hold.placedBy > 0 && hold.reviewDeadlineMs > 0, "hold without placer or deadline" + id);
            require(hold.state == HoldState.PENDING_APPROVAL || hold.inForce(), "ended hold kept" + id);
            final boolean approved = hold.approvedBy != 0;
            require(hold.state == HoldState.PENDING_APPROVAL ? !approved
                : approved == hold.approvalRequired && (!approved || hold.approvedBy != hold.placedBy),
                "hold approval breaks four eyes" + id);
            require(hold.reason != HoldReason.OPERATIONAL_INCIDENT
                || hold.releaseCondition == ReleaseCondition.AUTO_RELEASE_AT_DEADLINE,
                "operational hold without automatic release" + id);
            require(hold.kind == HoldKind.AMOUNT ? hold.amount > 0 && hold.account != Ledger.NONE
                : hold.amount == 0 && hold.assetId == Hold.NO_ASSET, "hold terms inconsistent" + id);
            awaiting += hold.awaitsDeadline() ? 1 : 0;
            blocks += hold.kind == HoldKind.ACCOUNT_BLOCK && hold.inForce() ? 1 : 0;
            if (hold.kind == HoldKind.AMOUNT && hold.inForce()) {
                expectedHeld[hold.account] += hold.amount;
            }
        }
        int indexed = 0;
        for (final Hold hold : engine.holds.deadlineIndex()) {
            require(hold.awaitsDeadline() && engine.holds.get(hold.holdId) == hold,
                "deadline index holds a hold that waits for none hold=" + hold.holdId);
            indexed++;
        }
        require(indexed == awaiting, "deadline index misses holds");
        require(blocks == engine.holds.blocksInForce(), "account block count differs");
    }

    /** Exactly the approved mass actions that are neither used up nor expired wait for their expiry. */
    private void checkLimiter() {
        int awaiting = 0;
        for (final MassAction action : engine.blastRadius.massActions()) {
            require(action.used <= action.accountsMax, "mass action used beyond its count action=" + action.actionId);
            require(!action.expired || action.approvedBy != 0, "unapproved mass action expired");
            awaiting += action.awaitsExpiry() ? 1 : 0;
        }
        int indexed = 0;
        for (final MassAction action : engine.blastRadius.expiryIndex()) {
            require(action.awaitsExpiry(), "mass action index holds one that waits for nothing");
            indexed++;
        }
        require(indexed == awaiting, "mass action expiry index misses actions");
    }

    private void checkBooks(final long[] expectedInOrders) {
        int resting = 0;
        int withClientId = 0;
        for (final Market market : engine.markets) {
            if (market == null) {
                continue;
            }
            final int inMarket = checkSide(market, market.bids, expectedInOrders)
                + checkSide(market, market.asks, expectedInOrders);
            require(inMarket == market.openOrders(), "open order count differs market=" + market.spec.marketId);
            resting += inMarket;
            require(market.bids.isEmpty() || market.asks.isEmpty()
                || market.bids.bestPriceTicks() < market.asks.bestPriceTicks(), "crossed book market="
                + market.spec.marketId);
        }
        require(resting == engine.orders.used(), "order store holds orders that are not on a book");
        for (int user = 0; user < engine.users.count(); user++) {
            int listed = 0;
            for (int slot = engine.users.orderHead(user); slot != OrderStore.NONE;
                slot = engine.orders.userNext(slot)) {
                require(engine.orders.userSlot(slot) == user, "order in another user's list slot=" + slot);
                listed++;
                if (engine.orders.clientOrderId(slot) != 0) {
                    withClientId++;
                    require(engine.clientOrders.get(user, engine.orders.clientOrderId(slot)) == slot,
                        "client order id index misses slot=" + slot);
                }
            }
            require(listed == engine.users.openOrders(user), "user open order count differs user=" + user);
        }
        require(withClientId == engine.clientOrders.size(), "client order id index holds stale entries");
    }

    private int checkSide(final Market market, final BookSide side, final long[] expectedInOrders) {
        final OrderStore orders = engine.orders;
        final MarketSpec spec = market.spec;
        int count = 0;
        long previousPrice = 0;
        for (int level = 0; level < side.levelCount(); level++) {
            final long price = side.priceTicksAt(level);
            require(level == 0 || (side.side() == Side.BUY ? price > previousPrice : price < previousPrice),
                "levels out of order market=" + spec.marketId);
            previousPrice = price;
            long lots = 0;
            int inLevel = 0;
            long lastStamp = 0;
            for (int slot = side.headAt(level); slot != OrderStore.NONE; slot = orders.next(slot)) {
                require(orders.priceTicks(slot) == price && orders.side(slot) == side.side()
                    && orders.market(slot) == spec.marketId, "order on the wrong level slot=" + slot);
                require(orders.remainingLots(slot) > 0, "empty order on book slot=" + slot);
                require(orders.stamp(slot) > lastStamp, "queue out of time priority slot=" + slot);
                lastStamp = orders.stamp(slot);
                lots += orders.remainingLots(slot);
                inLevel++;
                if (side.side() == Side.BUY) {
                    expectedInOrders[orders.quoteAccount(slot)] += price * orders.remainingLots(slot)
                        * spec.quotePerTickLot;
                } else {
                    expectedInOrders[orders.baseAccount(slot)] += orders.remainingLots(slot) * spec.lotSize;
                }
            }
            require(lots == side.lotsAt(level) && inLevel == side.countAt(level) && inLevel > 0,
                "level totals differ market=" + spec.marketId + " price=" + price);
            count += inLevel;
        }
        return count;
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new InvariantViolation(message);
        }
    }
}
