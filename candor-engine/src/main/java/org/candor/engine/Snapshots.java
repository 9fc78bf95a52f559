package org.candor.engine;

import org.agrona.DirectBuffer;

/**
 * The engine's snapshot: every piece of state, in an order that depends only on the state, so equal engines write
 * equal bytes. Internal slots (users, accounts, orders) are written too, because order ids and the order of future
 * slot allocation depend on them: a restored engine must continue exactly as the original would have.
 */
final class Snapshots {
    /** "CNDRSNAP" in ASCII. */
    static final long MAGIC = 0x434E4452534E4150L;
    /**
     * Format 5 adds the credited deposit references ({@link DepositMemory}) before the command-id memory: per asset
     * with any, in asset id order, the asset, how many references it ever remembered, and its ring oldest first. A
     * format 4 snapshot restores with an empty memory (its deposits can then be credited again: an edge that
     * re-sends older deposits after such an upgrade still needs its own record of them).
     */
    static final int FORMAT_VERSION = 5;
    /**
     * Format 4 is format 3's layout with two new values it may hold: the SENDING state of a withdrawal and its
     * deadline setting ({@link PolicyKind#WITHDRAWAL_SLA_SENDING}). The version still changes, so a format 3 reader
     * refuses such a snapshot by its version instead of by an out-of-range code deep inside it.
     */
    static final int FORMAT_VERSION_4 = 4;
    /**
     * Format 3 added the withdrawal lifecycle (states, addresses, deadlines, broadcast), allow-lists, withdrawal
     * settings and pauses, velocity windows, policy proposals and mass action expiry (decision 0010).
     */
    static final int FORMAT_VERSION_3 = 3;
    /** Format 2 added accountable holds, approval thresholds, the blast-radius limiter and mass actions. */
    static final int FORMAT_VERSION_2 = 2;
    /** The first format; still read when it holds no holds (see decision 0009). */
    static final int FORMAT_VERSION_1 = 1;

    private Snapshots() {
    }

    static void write(final Engine engine, final SnapshotWriter out) {
        out.putLong(MAGIC);
        out.putInt(FORMAT_VERSION);
        out.putLong(engine.emitter.lastSeq());
        out.putLong(engine.trading.orderSeq());
        out.putLong(engine.trading.restSeq());
        out.putLong(engine.trading.tradeSeq());
        out.putLong(engine.withdrawals.withdrawalSeq());
        out.putLong(engine.holds.holdSeq());
        writeAssetsUsersAccounts(engine, out);
        writeMarketsAndOrders(engine, out);
        writeFunds(engine, out);
        writeHolds(engine, out);
        writeLimits(engine, out);
        SnapshotWithdrawals.write(engine, out);
        engine.funds.memory().write(out);
        engine.memory.write(out);
        out.putLong(MAGIC);
    }

    private static void writeAssetsUsersAccounts(final Engine engine, final SnapshotWriter out) {
        out.putInt(engine.assets.count());
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            if (engine.assets.exists(asset)) {
                out.putInt(asset);
                out.putString(engine.assets.code(asset));
                out.putInt(engine.assets.scale(asset));
                out.putLong(engine.ledger.custody(asset));
                out.putLong(engine.ledger.fees(asset));
            }
        }
        out.putInt(engine.users.count());
        for (int user = 0; user < engine.users.count(); user++) {
            out.putLong(engine.users.idOf(user));
        }
        final Ledger ledger = engine.ledger;
        out.putInt(ledger.count());
        for (int account = 0; account < ledger.count(); account++) {
            out.putInt(ledger.userSlotOf(account));
            out.putInt(ledger.assetOf(account));
            for (int b = 0; b < Bucket.USER_BUCKETS; b++) {
                out.putLong(ledger.balance(account, Bucket.fromCode(b)));
            }
        }
    }

    private static void writeMarketsAndOrders(final Engine engine, final SnapshotWriter out) {
        final OrderStore orders = engine.orders;
        out.putInt(orders.capacity());
        out.putInt(orders.freeCount());
        for (int i = 0; i < orders.freeCount(); i++) {
            out.putInt(orders.freeAt(i));
        }
        out.putInt(engine.marketCount());
        for (final Market market : engine.markets) {
            if (market == null) {
                continue;
            }
            final MarketSpec s = market.spec;
            out.putInt(s.marketId);
            out.putString(s.symbol);
            out.putInt(s.baseAssetId);
            out.putInt(s.quoteAssetId);
            out.putLong(s.tickSize);
            out.putLong(s.lotSize);
            out.putLong(s.minQuantity);
            out.putLong(s.maxQuantity);
            out.putLong(s.minNotional);
            out.putInt(s.makerFeeBps);
            out.putInt(s.takerFeeBps);
            out.putInt(market.status().code());
            writeSide(orders, market.bids, out);
            writeSide(orders, market.asks, out);
        }
        for (int user = 0; user < engine.users.count(); user++) {
            out.putInt(engine.users.openOrders(user));
            for (int slot = engine.users.orderHead(user); slot != OrderStore.NONE; slot = orders.userNext(slot)) {
                out.putInt(slot);
            }
        }
    }

    private static void writeSide(final OrderStore orders, final BookSide side, final SnapshotWriter out) {
        int count = 0;
        for (int level = 0; level < side.levelCount(); level++) {
            count += side.countAt(level);
        }
        out.putInt(count);
        for (int level = 0; level < side.levelCount(); level++) {
            for (int slot = side.headAt(level); slot != OrderStore.NONE; slot = orders.next(slot)) {
                out.putInt(slot);
                out.putLong(orders.id(slot));
                out.putLong(orders.clientOrderId(slot));
                out.putLong(orders.priceTicks(slot));
                out.putLong(orders.remainingLots(slot));
                out.putLong(orders.stamp(slot));
                out.putInt(orders.userSlot(slot));
                out.putInt(orders.stp(slot).code());
                out.putInt(orders.tif(slot).code());
            }
        }
    }

    private static void writeFunds(final Engine engine, final SnapshotWriter out) {
        int withdrawals = 0;
        for (final Withdrawal ignored : engine.withdrawals.all()) {
            withdrawals++;
        }
        out.putInt(withdrawals);
        for (final Withdrawal w : engine.withdrawals.all()) {
            out.putLong(w.withdrawalId);
            out.putInt(w.userSlot);
            out.putInt(w.assetId);
            out.putLong(w.amount);
            out.putLong(w.requestedAtMs);
            out.putLong(w.addressId);
            out.putInt(w.state.code());
            out.putLong(w.stateSinceMs);
            out.putLong(w.slaDeadlineMs);
            out.putInt(w.slaMissed ? 1 : 0);
            out.putLong(w.approvedBy);
            out.putString(w.txRef);
            out.putLong(w.fee);
        }
    }

    private static void writeHolds(final Engine engine, final SnapshotWriter out) {
        int holds = 0;
        for (final Hold ignored : engine.holds.all()) {
            holds++;
        }
        out.putInt(holds);
        for (final Hold h : engine.holds.all()) {
            out.putLong(h.holdId);
            out.putInt(h.userSlot);
            out.putInt(h.assetId);
            out.putLong(h.amount);
            out.putInt(h.kind.code());
            out.putInt(h.reason.code());
            out.putString(h.explanation);
            out.putLong(h.placedBy);
            out.putLong(h.placedAtMs);
            out.putInt(h.releaseCondition.code());
            out.putLong(h.ticketRef);
            out.putLong(h.massActionId);
            out.putInt(h.approvalRequired ? 1 : 0);
            out.putInt(h.state.code());
            out.putLong(h.approvedBy);
            out.putLong(h.reviewDeadlineMs);
            out.putInt(h.renewals);
        }
    }

    /** Approval thresholds, the blast-radius policy and window, and mass actions. */
    private static void writeLimits(final Engine engine, final SnapshotWriter out) {
        int thresholds = 0;
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            thresholds += engine.assets.exists(asset) && engine.holds.approvalThreshold(asset) != 0 ? 1 : 0;
        }
        out.putInt(thresholds);
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            if (engine.assets.exists(asset) && engine.holds.approvalThreshold(asset) != 0) {
                out.putInt(asset);
                out.putLong(engine.holds.approvalThreshold(asset));
            }
        }
        final BlastRadius limiter = engine.blastRadius;
        out.putInt(limiter.accountsMax());
        out.putInt(limiter.shareBpsMax());
        out.putLong(limiter.windowMs());
        out.putInt(limiter.window().size());
        for (final BlastRadius.Entry entry : limiter.window()) {
            out.putLong(entry.timeMs());
            out.putLong(entry.userId());
            out.putInt(entry.assetId());
            out.putLong(entry.amount());
        }
        int actions = 0;
        for (final MassAction ignored : limiter.massActions()) {
            actions++;
        }
        out.putInt(actions);
        for (final MassAction action : limiter.massActions()) {
            out.putLong(action.actionId);
            out.putLong(action.proposedBy);
            out.putInt(action.accountsMax);
            out.putString(action.justification);
            out.putLong(action.approvedBy);
            out.putInt(action.used);
            out.putLong(action.expiresAtMs);
            out.putInt(action.expired ? 1 : 0);
        }
    }

    /**
     * Restores an engine and audits it, so that a snapshot whose bytes parse but describe an impossible state (a
     * ledger that does not balance, a slot used twice) fails with a format error instead of starting a wrong engine.
     */
    static Engine read(final EngineCapacity capacity, final EngineEvents events, final DirectBuffer buffer,
        final int offset, final int length) {
        try {
            final Engine engine = readState(capacity, events, buffer, offset, length);
            new StateAudit(engine).check();
            return engine;
        } catch (final SnapshotReader.SnapshotFormatException e) {
            throw e;
        } catch (final RuntimeException e) {
            final SnapshotReader.SnapshotFormatException failure =
                new SnapshotReader.SnapshotFormatException("snapshot describes an inconsistent state: " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    private static Engine readState(final EngineCapacity capacity, final EngineEvents events,
        final DirectBuffer buffer, final int offset, final int length) {
        final SnapshotReader in = new SnapshotReader(buffer, offset, length);
        if (in.getLong() != MAGIC) {
            throw new SnapshotReader.SnapshotFormatException("not a Candor engine snapshot");
        }
        final int version = in.getInt();
        if (version < FORMAT_VERSION_1 || version > FORMAT_VERSION) {
            throw new SnapshotReader.SnapshotFormatException("unsupported snapshot version=" + version);
        }
        final Engine engine = new Engine(capacity, events);
        engine.emitter.lastSeq(in.getLong());
        final long orderSeq = in.getLong();
        final long restSeq = in.getLong();
        final long tradeSeq = in.getLong();
        engine.trading.restoreCounters(orderSeq, restSeq, tradeSeq);
        engine.withdrawals.restoreSeq(in.getLong());
        engine.holds.restoreSeq(in.getLong());
        SnapshotRestore.assetsUsersAccounts(engine, in);
        SnapshotRestore.marketsAndOrders(engine, in);
        SnapshotRestore.withdrawals(engine, in, version);
        if (version == FORMAT_VERSION_1) {
            SnapshotRestore.refuseVersion1Holds(in);
        } else {
            SnapshotRestore.holds(engine, in);
            SnapshotRestore.limits(engine, in, version);
        }
        if (version >= FORMAT_VERSION_3) {
            SnapshotWithdrawals.read(engine, in, version);
        }
        if (version > FORMAT_VERSION_4) {
            engine.funds.memory().read(in, engine.assets);
        }
        engine.memory.read(in);
        if (in.getLong() != MAGIC || !in.atEnd()) {
            throw new SnapshotReader.SnapshotFormatException("snapshot trailer missing or extra bytes");
        }
        engine.digest.set(new StateAudit(engine).recomputeIncremental());
        return engine;
    }
}
