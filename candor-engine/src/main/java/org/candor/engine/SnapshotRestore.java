package org.candor.engine;

/** The reading half of {@link Snapshots}: rebuilds each part of the state with every count checked. */
final class SnapshotRestore {
    private static final long SLOT_MASK = (1L << Engine.ORDER_SLOT_BITS) - 1;

    private SnapshotRestore() {
    }

    static void assetsUsersAccounts(final Engine engine, final SnapshotReader in) {
        final int assets = in.getInt(0, engine.assets.capacity());
        for (int i = 0; i < assets; i++) {
            final int asset = in.getInt(0, engine.assets.capacity() - 1);
            final String code = in.getString();
            final int scale = in.getInt(0, Assets.SCALE_MAX);
            engine.assets.add(asset, code, scale);
            final long custody = in.getLong();
            engine.ledger.restoreSystem(asset, custody, in.getLong());
        }
        final int users = in.getInt(0, engine.capacity.usersMax());
        for (int i = 0; i < users; i++) {
            engine.users.add(in.getLong());
        }
        final int accounts = in.getInt(0, engine.capacity.accountsMax());
        for (int i = 0; i < accounts; i++) {
            final int userSlot = in.getInt(0, users - 1);
            final int asset = in.getInt(0, engine.assets.capacity() - 1);
            final int account = engine.ledger.findOrCreate(userSlot, asset);
            if (account != i) {
                throw new SnapshotReader.SnapshotFormatException("account slots out of order at " + i);
            }
            for (int b = 0; b < Bucket.USER_BUCKETS; b++) {
                engine.ledger.restoreBalance(account, Bucket.fromCode(b), in.getLong());
            }
        }
    }

    static void marketsAndOrders(final Engine engine, final SnapshotReader in) {
        final int storeCapacity = in.getInt(1, engine.capacity.ordersMax());
        final int freeCount = in.getInt(0, storeCapacity);
        final int[] free = new int[freeCount];
        for (int i = 0; i < freeCount; i++) {
            free[i] = in.getInt(0, storeCapacity - 1);
        }
        engine.orders.restoreLayout(storeCapacity, free, freeCount);
        final int markets = in.getInt(0, engine.markets.length);
        for (int i = 0; i < markets; i++) {
            final int marketId = in.getInt(0, engine.markets.length - 1);
            final String symbol = in.getString();
            final int base = in.getInt();
            final int quote = in.getInt();
            final long tick = in.getLong();
            final long lot = in.getLong();
            final long quotePerTickLot = MarketSpec.quotePerTickLot(tick, lot, engine.assets.unitSize(base));
            final MarketSpec spec = new MarketSpec(marketId, symbol, base, quote, tick, lot, in.getLong(),
                in.getLong(), in.getLong(), in.getInt(), in.getInt(), quotePerTickLot);
            final Market market = new Market(spec, engine.orders);
            market.status(MarketStatus.fromCode(in.getInt(0, 1)));
            engine.addMarket(market);
            side(engine, market, Side.BUY, in, storeCapacity);
            side(engine, market, Side.SELL, in, storeCapacity);
        }
        final boolean[] linked = new boolean[storeCapacity];
        for (int user = 0; user < engine.users.count(); user++) {
            final int count = in.getInt(0, engine.capacity.openOrdersPerUserMax());
            if (count != engine.users.openOrders(user)) {
                throw new SnapshotReader.SnapshotFormatException("open order count differs user slot=" + user);
            }
            final int[] slots = new int[count];
            for (int i = 0; i < count; i++) {
                slots[i] = in.getInt(0, storeCapacity - 1);
                // A slot listed twice or not this user's would make the user's list a cycle or a lie.
                if (linked[slots[i]] || engine.orders.id(slots[i]) == 0
                    || engine.orders.userSlot(slots[i]) != user) {
                    throw new SnapshotReader.SnapshotFormatException("bad order slot in user list=" + slots[i]);
                }
                linked[slots[i]] = true;
            }
            for (int i = count - 1; i >= 0; i--) {
                engine.trading.linkToUser(user, slots[i]);
            }
        }
        for (int i = 0; i < freeCount; i++) {
            if (linked[free[i]] || engine.orders.id(free[i]) != 0) {
                throw new SnapshotReader.SnapshotFormatException("free slot listed twice or in use=" + free[i]);
            }
            linked[free[i]] = true;
        }
    }

    private static void side(final Engine engine, final Market market, final Side side, final SnapshotReader in,
        final int storeCapacity) {
        final OrderStore orders = engine.orders;
        final int count = in.getInt(0, storeCapacity);
        for (int i = 0; i < count; i++) {
            final int slot = in.getInt(0, storeCapacity - 1);
            final long orderId = in.getLong();
            if (orders.id(slot) != 0 || orderId <= 0 || (orderId & SLOT_MASK) != slot) {
                throw new SnapshotReader.SnapshotFormatException("order slot used twice or id mismatch slot=" + slot);
            }
            orders.restoreOrder(slot, orderId);
            final long clientOrderId = in.getLong();
            final long priceTicks = in.getLong();
            final long remaining = in.getLong();
            final long stamp = in.getLong();
            final int userSlot = in.getInt(0, engine.users.count() - 1);
            final StpMode stp = StpMode.fromCode(in.getInt(0, 3));
            final TimeInForce tif = TimeInForce.fromCode(in.getInt(0, 3));
            final int base = engine.ledger.find(userSlot, market.spec.baseAssetId);
            final int quote = engine.ledger.find(userSlot, market.spec.quoteAssetId);
            orders.init(slot, clientOrderId, userSlot, base, quote, market.spec.marketId, side, stp, tif);
            orders.priceTicks(slot, priceTicks);
            orders.remainingLots(slot, remaining);
            orders.stamp(slot, stamp);
            engine.trading.restoreResting(market, slot);
        }
    }

    /**
     * Before format 3 a withdrawal had no lifecycle: it is restored REQUESTED since its request, to no address (0),
     * with the asset's default deadline for that state, so the chain processor and the timers pick it up as new.
     */
    static void withdrawals(final Engine engine, final SnapshotReader in, final int version) {
        final int withdrawals = in.getInt(0, engine.capacity.pendingWithdrawalsMax());
        for (int i = 0; i < withdrawals; i++) {
            final long id = in.getLong();
            final int userSlot = in.getInt(0, engine.users.count() - 1);
            final int asset = in.getInt(0, engine.assets.capacity() - 1);
            final long amount = in.getLong();
            final long requestedAtMs = in.getLong();
            final boolean lifecycle = version >= Snapshots.FORMAT_VERSION_3;
            final long addressId = lifecycle ? in.getLong() : 0;
            final Withdrawal w = new Withdrawal(id, userSlot, engine.ledger.find(userSlot, asset), asset, amount,
                requestedAtMs, addressId);
            if (lifecycle) {
                // Format 3 knew no SENDING: its largest state code is REJECTED's.
                final int stateMax = version == Snapshots.FORMAT_VERSION_3 ? WithdrawalState.REJECTED.code()
                    : WithdrawalState.values().length - 1;
                w.state = WithdrawalState.fromCode(in.getInt(0, stateMax));
                w.stateSinceMs = in.getLong();
                w.slaDeadlineMs = in.getLong();
                w.slaMissed = in.getInt(0, 1) == 1;
                w.approvedBy = in.getLong();
                w.txRef = in.getString();
                w.fee = in.getLong();
            } else {
                w.state = WithdrawalState.REQUESTED;
                w.stateSinceMs = requestedAtMs;
                final long slaMs = engine.withdrawalPolicy.slaMs(asset, WithdrawalState.REQUESTED);
                w.slaDeadlineMs = requestedAtMs > Long.MAX_VALUE - slaMs ? Long.MAX_VALUE : requestedAtMs + slaMs;
            }
            if (w.state.isFinal()) {
                throw new SnapshotReader.SnapshotFormatException("ended withdrawal in snapshot id=" + id);
            }
            engine.withdrawals.restore(w);
        }
    }

    /**
     * Format 1 holds had no explanation, deadline or approver, so restoring them would start an engine with holds
     * that break the accountability invariants. Candor was never released with format 1; such a snapshot is refused
     * unless it holds no holds (decision 0009).
     */
    static void refuseVersion1Holds(final SnapshotReader in) {
        final int holds = in.getInt(0, Integer.MAX_VALUE);
        if (holds != 0) {
            throw new SnapshotReader.SnapshotFormatException("snapshot format 1 holds " + holds
                + " holds without explanation, deadline or approver; release them and snapshot again");
        }
    }

    static void holds(final Engine engine, final SnapshotReader in) {
        final int holds = in.getInt(0, engine.capacity.holdsMax());
        for (int i = 0; i < holds; i++) {
            final long id = in.getLong();
            final int userSlot = in.getInt(0, engine.users.count() - 1);
            final int asset = in.getInt(Hold.NO_ASSET, engine.assets.capacity() - 1);
            final long amount = in.getLong();
            final HoldKind kind = HoldKind.fromCode(in.getInt(0, HoldKind.values().length - 1));
            final HoldReason reason = HoldReason.fromCode(in.getInt(0, HoldReason.values().length - 1));
            final String explanation = in.getString();
            final long placedBy = in.getLong();
            final long placedAtMs = in.getLong();
            final ReleaseCondition condition =
                ReleaseCondition.fromCode(in.getInt(0, ReleaseCondition.values().length - 1));
            final long ticketRef = in.getLong();
            final long massActionId = in.getLong();
            final boolean approvalRequired = in.getInt(0, 1) == 1;
            final int account = kind == HoldKind.AMOUNT && asset >= 0 ? engine.ledger.find(userSlot, asset)
                : Ledger.NONE;
            final Hold hold = new Hold(id, engine.users.idOf(userSlot), userSlot, account, asset, amount, kind,
                reason, explanation, placedBy, placedAtMs, condition, ticketRef, massActionId, approvalRequired);
            hold.state = HoldState.fromCode(in.getInt(0, HoldState.ESCALATED.code()));
            hold.approvedBy = in.getLong();
            hold.reviewDeadlineMs = in.getLong();
            hold.renewals = in.getInt(0, Integer.MAX_VALUE);
            engine.holds.restoreHold(hold);
        }
    }

    static void limits(final Engine engine, final SnapshotReader in, final int version) {
        final int thresholds = in.getInt(0, engine.assets.capacity());
        for (int i = 0; i < thresholds; i++) {
            engine.holds.restoreThreshold(in.getInt(0, engine.assets.capacity() - 1), in.getLong());
        }
        final BlastRadius limiter = engine.blastRadius;
        final int accountsMax = in.getInt(0, Integer.MAX_VALUE);
        final int shareBpsMax = in.getInt(0, Money.BPS_PER_UNIT);
        limiter.restorePolicy(accountsMax, shareBpsMax, in.getLong());
        final int entries = in.getInt(0, BlastRadius.WINDOW_ENTRIES_MAX);
        for (int i = 0; i < entries; i++) {
            final long timeMs = in.getLong();
            final long userId = in.getLong();
            final int asset = in.getInt(Hold.NO_ASSET, engine.assets.capacity() - 1);
            limiter.restoreEntry(new BlastRadius.Entry(timeMs, userId, asset, in.getLong()));
        }
        final int actions = in.getInt(0, BlastRadius.MASS_ACTIONS_MAX);
        for (int i = 0; i < actions; i++) {
            final long actionId = in.getLong();
            final long proposedBy = in.getLong();
            final int accounts = in.getInt(1, Integer.MAX_VALUE);
            final MassAction action = new MassAction(actionId, proposedBy, accounts, in.getString());
            action.approvedBy = in.getLong();
            action.used = in.getInt(0, accounts);
            if (version >= Snapshots.FORMAT_VERSION_3) {
                action.expiresAtMs = in.getLong();
                action.expired = in.getInt(0, 1) == 1;
            } else if (action.approvedBy != 0) {
                action.expiresAtMs = Long.MAX_VALUE;
            }
            limiter.restoreMassAction(action);
        }
    }
}
