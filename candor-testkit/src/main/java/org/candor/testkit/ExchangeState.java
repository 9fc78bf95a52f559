package org.candor.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.Hold;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.Side;

/**
 * Everything a differential test compares between the engine and the reference: each book side's resting orders in
 * priority order, and every non-zero balance, system accounts included. Two states are equal exactly when the
 * exchanges agree on who owns what and who is queued where.
 *
 * @param books    per "market/side" key, the resting orders best first
 * @param balances every non-zero balance by (user, asset, bucket); the system user 0 holds CUSTODY and FEES
 * @param holds    every hold pending or in force, by id
 */
public record ExchangeState(SortedMap<String, List<BookOrder>> books, SortedMap<BalanceKey, Long> balances,
    SortedMap<Long, HoldView> holds) {

    private static final Bucket[] USER_BUCKETS = {Bucket.AVAILABLE, Bucket.IN_ORDERS, Bucket.WITHDRAWING,
        Bucket.HELD};

    public ExchangeState {
        books = new TreeMap<>(books);
        balances = new TreeMap<>(balances);
        holds = new TreeMap<>(holds);
    }

    /** The book key of one side of one market. */
    public static String bookKey(final int marketId, final Side side) {
        return marketId + "/" + side;
    }

    /** Reads the observable state of an engine through its public queries only. */
    public static ExchangeState of(final Engine engine, final Universe universe) {
        final SortedMap<String, List<BookOrder>> books = new TreeMap<>();
        for (final MarketTerms market : universe.markets()) {
            for (final Side side : Side.values()) {
                final List<BookOrder> orders = new ArrayList<>();
                engine.forEachBookOrder(market.marketId(), side, (orderId, userId, price, remaining, clientOrderId) ->
                    orders.add(new BookOrder(orderId, userId, price, remaining, clientOrderId)));
                books.put(bookKey(market.marketId(), side), orders);
            }
        }
        final SortedMap<BalanceKey, Long> balances = new TreeMap<>();
        for (final AssetTerms asset : universe.assets()) {
            final int assetId = asset.assetId();
            put(balances, new BalanceKey(Engine.SYSTEM_USER_ID, assetId, Bucket.CUSTODY),
                engine.balance(Engine.SYSTEM_USER_ID, assetId, Bucket.CUSTODY));
            put(balances, new BalanceKey(Engine.SYSTEM_USER_ID, assetId, Bucket.FEES),
                engine.balance(Engine.SYSTEM_USER_ID, assetId, Bucket.FEES));
            for (final long userId : universe.userIds()) {
                for (final Bucket bucket : USER_BUCKETS) {
                    put(balances, new BalanceKey(userId, assetId, bucket), engine.balance(userId, assetId, bucket));
                }
            }
        }
        final SortedMap<Long, HoldView> holds = new TreeMap<>();
        for (final Hold h : engine.holds()) {
            holds.put(h.holdId(), new HoldView(h.holdId(), h.userId(), h.assetId(), h.amount(), h.kind(), h.reason(),
                h.state(), h.placedBy(), h.approvedBy(), h.reviewDeadlineMs(), h.renewals(), h.massActionId()));
        }
        return new ExchangeState(books, balances, holds);
    }

    private static void put(final Map<BalanceKey, Long> balances, final BalanceKey key, final long amount) {
        if (amount != 0) {
            balances.put(key, amount);
        }
    }

    /** A readable list of where this state and {@code other} differ, empty when they are equal. */
    public List<String> differences(final ExchangeState other) {
        final List<String> found = new ArrayList<>();
        final TreeSet<String> bookKeys = new TreeSet<>(books.keySet());
        bookKeys.addAll(other.books.keySet());
        for (final String key : bookKeys) {
            final List<BookOrder> mine = books.getOrDefault(key, List.of());
            final List<BookOrder> theirs = other.books.getOrDefault(key, List.of());
            if (!mine.equals(theirs)) {
                found.add("book " + key + ": " + mine + " vs " + theirs);
            }
        }
        final TreeSet<BalanceKey> balanceKeys = new TreeSet<>(balances.keySet());
        balanceKeys.addAll(other.balances.keySet());
        for (final BalanceKey key : balanceKeys) {
            final long mine = balances.getOrDefault(key, 0L);
            final long theirs = other.balances.getOrDefault(key, 0L);
            if (mine != theirs) {
                found.add("balance " + key + ": " + mine + " vs " + theirs);
            }
        }
        final TreeSet<Long> holdIds = new TreeSet<>(holds.keySet());
        holdIds.addAll(other.holds.keySet());
        for (final Long id : holdIds) {
            if (!Objects.equals(holds.get(id), other.holds.get(id))) {
                found.add("hold " + id + ": " + holds.get(id) + " vs " + other.holds.get(id));
            }
        }
        return found;
    }

    /** One hold as a fund-status view shows it: every field that decides what the user may do. */
    public record HoldView(long holdId, long userId, int assetId, long amount, HoldKind kind, HoldReason reason,
        HoldState state, long placedBy, long approvedBy, long reviewDeadlineMs, int renewals, long massActionId) {
    }

    /**
     * One resting order as a book shows it.
     *
     * @param orderId       the engine's order id
     * @param userId        the owner
     * @param price         quote minor units per whole base unit
     * @param remaining     open quantity in base minor units
     * @param clientOrderId the owner's id for it, or 0
     */
    public record BookOrder(long orderId, long userId, long price, long remaining, long clientOrderId) {
    }

    /**
     * Where a balance sits.
     *
     * @param userId  the owner, or {@link Engine#SYSTEM_USER_ID} for custody and fees
     * @param assetId the asset
     * @param bucket  the bucket
     */
    public record BalanceKey(long userId, int assetId, Bucket bucket) implements Comparable<BalanceKey> {
        private static final Comparator<BalanceKey> ORDER = Comparator.comparingLong(BalanceKey::userId)
            .thenComparingInt(BalanceKey::assetId).thenComparing(BalanceKey::bucket);

        @Override
        public int compareTo(final BalanceKey other) {
            return ORDER.compare(this, other);
        }
    }
}
