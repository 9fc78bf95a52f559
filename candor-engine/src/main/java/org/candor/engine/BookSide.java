package org.candor.engine;

import java.util.Arrays;

/**
 * One side of one order book: its price levels as sorted parallel arrays with the best price at the end, each level
 * a FIFO queue of orders linked through {@link OrderStore}. Keeping the best at the end makes the common changes
 * cheap: matching consumes levels from the end, and new levels near the top of the book shift only the few levels
 * above them. Bids are keyed by price and asks by negated price, so "larger key is better" on both sides.
 *
 * <p>Every level holds at least one order, so the number of levels is bounded by the market's open-order limit and
 * needs no limit of its own. The arrays double when a new level does not fit; once a book has reached its deepest
 * shape, it no longer allocates.
 */
final class BookSide {
    private static final int INITIAL_LEVELS = 64;

    private final Side side;
    private final OrderStore orders;
    private long[] keys = new long[INITIAL_LEVELS];
    private int[] heads = new int[INITIAL_LEVELS];
    private int[] tails = new int[INITIAL_LEVELS];
    private long[] lots = new long[INITIAL_LEVELS];
    private int[] counts = new int[INITIAL_LEVELS];
    private int levelCount;

    BookSide(final Side side, final OrderStore orders) {
        this.side = side;
        this.orders = orders;
    }

    Side side() {
        return side;
    }

    int levelCount() {
        return levelCount;
    }

    boolean isEmpty() {
        return levelCount == 0;
    }

    /** Level index 0 is the worst price, {@code levelCount() - 1} the best. */
    long priceTicksAt(final int level) {
        return side == Side.BUY ? keys[level] : -keys[level];
    }

    int headAt(final int level) {
        return heads[level];
    }

    long lotsAt(final int level) {
        return lots[level];
    }

    int countAt(final int level) {
        return counts[level];
    }

    long bestPriceTicks() {
        return priceTicksAt(levelCount - 1);
    }

    int bestHead() {
        return heads[levelCount - 1];
    }

    /** Whether a taker on the other side with this limit would trade against this side's best level. */
    boolean crosses(final long limitTicks) {
        if (levelCount == 0) {
            return false;
        }
        final long best = bestPriceTicks();
        return side == Side.SELL ? best <= limitTicks : best >= limitTicks;
    }

    /** Appends the order at the tail of the level at its price, creating the level if needed. */
    void append(final int slot) {
        final long key = key(orders.priceTicks(slot));
        int level = search(key);
        if (level < 0) {
            level = insertLevel(-level - 1, key);
        }
        final int tail = tails[level];
        orders.prev(slot, tail);
        orders.next(slot, OrderStore.NONE);
        if (tail == OrderStore.NONE) {
            heads[level] = slot;
        } else {
            orders.next(tail, slot);
        }
        tails[level] = slot;
        lots[level] += orders.remainingLots(slot);
        counts[level]++;
    }

    /** Unlinks the order from its level, removing the level when it empties. */
    void remove(final int slot) {
        final int level = levelOf(slot);
        final int before = orders.prev(slot);
        final int after = orders.next(slot);
        if (before == OrderStore.NONE) {
            heads[level] = after;
        } else {
            orders.next(before, after);
        }
        if (after == OrderStore.NONE) {
            tails[level] = before;
        } else {
            orders.prev(after, before);
        }
        lots[level] -= orders.remainingLots(slot);
        counts[level]--;
        if (counts[level] == 0) {
            removeLevel(level);
        }
    }

    /** Records that the order's remaining quantity fell by {@code lotsDelta}, keeping its place. */
    void reduce(final int slot, final long lotsDelta) {
        lots[levelOf(slot)] -= lotsDelta;
    }

    /** Like {@link #reduce} for the best level, which a taker is consuming; saves the search. */
    void reduceBest(final long lotsDelta) {
        lots[levelCount - 1] -= lotsDelta;
    }

    private int levelOf(final int slot) {
        final int level = search(key(orders.priceTicks(slot)));
        if (level < 0) {
            throw new InvariantViolation("order slot=" + slot + " has no level at price=" + orders.priceTicks(slot));
        }
        return level;
    }

    private long key(final long priceTicks) {
        return side == Side.BUY ? priceTicks : -priceTicks;
    }

    /** Binary search; checks the best level first since most activity is there. */
    private int search(final long key) {
        final int top = levelCount - 1;
        if (top >= 0 && keys[top] == key) {
            return top;
        }
        return Arrays.binarySearch(keys, 0, levelCount, key);
    }

    private int insertLevel(final int index, final long key) {
        if (levelCount == keys.length) {
            final int grown = keys.length * 2;
            keys = Arrays.copyOf(keys, grown);
            heads = Arrays.copyOf(heads, grown);
            tails = Arrays.copyOf(tails, grown);
            lots = Arrays.copyOf(lots, grown);
            counts = Arrays.copyOf(counts, grown);
        }
        final int moved = levelCount - index;
        if (moved > 0) {
            System.arraycopy(keys, index, keys, index + 1, moved);
            System.arraycopy(heads, index, heads, index + 1, moved);
            System.arraycopy(tails, index, tails, index + 1, moved);
            System.arraycopy(lots, index, lots, index + 1, moved);
            System.arraycopy(counts, index, counts, index + 1, moved);
        }
        keys[index] = key;
        heads[index] = OrderStore.NONE;
        tails[index] = OrderStore.NONE;
        lots[index] = 0;
        counts[index] = 0;
        levelCount++;
        return index;
    }

    private void removeLevel(final int index) {
        final int moved = levelCount - index - 1;
        if (moved > 0) {
            System.arraycopy(keys, index + 1, keys, index, moved);
            System.arraycopy(heads, index + 1, heads, index, moved);
            System.arraycopy(tails, index + 1, tails, index, moved);
            System.arraycopy(lots, index + 1, lots, index, moved);
            System.arraycopy(counts, index + 1, counts, index, moved);
        }
        levelCount--;
    }
}
