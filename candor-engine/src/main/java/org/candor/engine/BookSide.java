package org.candor.engine;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * One side of one order book. Price levels live in a pool (parallel arrays indexed by a level slot that never moves)
 * and are ordered by two sorted arrays, keys and slots, with the best price at the end. Each order records its level
 * slot, so taking an order off the book needs no search; a hash index from price to level finds the level an order
 * joins. Keeping the best at the end makes the common changes cheap: matching consumes levels from the end, and new
 * levels near the top of the book shift only the few levels above them. Bids are keyed by price and asks by negated
 * price, so "larger key is better" on both sides. Within a level, orders form a FIFO linked through
 * {@link OrderStore}.
 *
 * <p>Every level holds at least one order, so the number of levels is bounded by the market's open-order limit and
 * needs no limit of its own. The arrays double when a new level does not fit; once a book has reached its deepest
 * shape, it no longer allocates.
 */
final class BookSide {
    private static final int INITIAL_LEVELS = 64;
    private static final int NONE = -1;

    private final Side side;
    private final OrderStore orders;
    private final Long2LongHashMap levelByPrice = new Long2LongHashMap(INITIAL_LEVELS, 0.5f, NONE);
    private long[] sortedKeys = new long[INITIAL_LEVELS];
    private int[] sortedLevels = new int[INITIAL_LEVELS];
    private long[] prices = new long[INITIAL_LEVELS];
    private int[] heads = new int[INITIAL_LEVELS];
    private int[] tails = new int[INITIAL_LEVELS];
    private long[] lots = new long[INITIAL_LEVELS];
    private int[] counts = new int[INITIAL_LEVELS];
    private int[] freeLevels = new int[INITIAL_LEVELS];
    private int freeCount;
    private int levelCount;

    BookSide(final Side side, final OrderStore orders) {
        this.side = side;
        this.orders = orders;
        for (int level = INITIAL_LEVELS - 1; level >= 0; level--) {
            freeLevels[freeCount++] = level;
        }
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
    long priceTicksAt(final int index) {
        return prices[sortedLevels[index]];
    }

    int headAt(final int index) {
        return heads[sortedLevels[index]];
    }

    long lotsAt(final int index) {
        return lots[sortedLevels[index]];
    }

    int countAt(final int index) {
        return counts[sortedLevels[index]];
    }

    long bestPriceTicks() {
        return prices[sortedLevels[levelCount - 1]];
    }

    int bestHead() {
        return heads[sortedLevels[levelCount - 1]];
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
        final long price = orders.priceTicks(slot);
        int level = (int) levelByPrice.get(price);
        if (level == NONE) {
            level = insertLevel(price);
        }
        final int tail = tails[level];
        orders.level(slot, level);
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
        final int level = orders.level(slot);
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
        lots[orders.level(slot)] -= lotsDelta;
    }

    private long key(final long priceTicks) {
        return side == Side.BUY ? priceTicks : -priceTicks;
    }

    private int insertLevel(final long price) {
        if (freeCount == 0) {
            growPool();
        }
        final int level = freeLevels[--freeCount];
        prices[level] = price;
        heads[level] = OrderStore.NONE;
        tails[level] = OrderStore.NONE;
        lots[level] = 0;
        counts[level] = 0;
        levelByPrice.put(price, level);
        final long key = key(price);
        final int index = -Arrays.binarySearch(sortedKeys, 0, levelCount, key) - 1;
        final int moved = levelCount - index;
        if (moved > 0) {
            System.arraycopy(sortedKeys, index, sortedKeys, index + 1, moved);
            System.arraycopy(sortedLevels, index, sortedLevels, index + 1, moved);
        }
        sortedKeys[index] = key;
        sortedLevels[index] = level;
        levelCount++;
        return level;
    }

    private void removeLevel(final int level) {
        final long price = prices[level];
        final int top = levelCount - 1;
        final int index = sortedLevels[top] == level ? top
            : Arrays.binarySearch(sortedKeys, 0, levelCount, key(price));
        if (index < 0 || sortedLevels[index] != level) {
            throw new InvariantViolation("level missing from the sorted index price=" + price);
        }
        final int moved = levelCount - index - 1;
        if (moved > 0) {
            System.arraycopy(sortedKeys, index + 1, sortedKeys, index, moved);
            System.arraycopy(sortedLevels, index + 1, sortedLevels, index, moved);
        }
        levelCount--;
        levelByPrice.remove(price);
        freeLevels[freeCount++] = level;
    }

    private void growPool() {
        final int old = prices.length;
        final int grown = old * 2;
        sortedKeys = Arrays.copyOf(sortedKeys, grown);
        sortedLevels = Arrays.copyOf(sortedLevels, grown);
        prices = Arrays.copyOf(prices, grown);
        heads = Arrays.copyOf(heads, grown);
        tails = Arrays.copyOf(tails, grown);
        lots = Arrays.copyOf(lots, grown);
        counts = Arrays.copyOf(counts, grown);
        freeLevels = Arrays.copyOf(freeLevels, grown);
        for (int level = grown - 1; level >= old; level--) {
            freeLevels[freeCount++] = level;
        }
    }
}
