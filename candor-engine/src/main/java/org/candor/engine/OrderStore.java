package org.candor.engine;

import java.util.Arrays;

/**
 * Every open order, as parallel arrays indexed by slot (struct of arrays: about 70 bytes an order, no object
 * headers, no garbage). An order id carries its slot in its low {@value Engine#ORDER_SLOT_BITS} bits and a sequence
 * number above them, so finding an order by id is one array read and a comparison, and a stale id of a reused slot
 * never matches. Orders are linked twice: into their price level's FIFO queue and into their owner's list.
 *
 * <p>Arrays start small and double up to the capacity; growth happens only when an order is accepted, so a warm
 * engine allocates nothing.
 */
final class OrderStore {
    static final int NONE = -1;
    private static final int INITIAL_SLOTS = 1024;
    private static final long SLOT_MASK = (1L << Engine.ORDER_SLOT_BITS) - 1;
    private static final int SIDE_BIT = 1;
    private static final int STP_SHIFT = 1;
    private static final int TIF_SHIFT = 3;

    private final int slotsMax;
    private long[] id = new long[INITIAL_SLOTS];
    private long[] clientOrderId = new long[INITIAL_SLOTS];
    private long[] priceTicks = new long[INITIAL_SLOTS];
    private long[] remainingLots = new long[INITIAL_SLOTS];
    private long[] stamp = new long[INITIAL_SLOTS];
    private int[] userSlot = new int[INITIAL_SLOTS];
    private int[] baseAccount = new int[INITIAL_SLOTS];
    private int[] quoteAccount = new int[INITIAL_SLOTS];
    private int[] market = new int[INITIAL_SLOTS];
    private int[] prev = new int[INITIAL_SLOTS];
    private int[] next = new int[INITIAL_SLOTS];
    private int[] userPrev = new int[INITIAL_SLOTS];
    private int[] userNext = new int[INITIAL_SLOTS];
    private byte[] flags = new byte[INITIAL_SLOTS];
    private int[] free = new int[INITIAL_SLOTS];
    private int freeCount;
    private int used;

    OrderStore(final int slotsMax) {
        this.slotsMax = slotsMax;
        final int initial = Math.min(INITIAL_SLOTS, slotsMax);
        if (initial < INITIAL_SLOTS) {
            resize(initial);
        }
        pushFree(0, initial);
    }

    int used() {
        return used;
    }

    int capacity() {
        return id.length;
    }

    boolean isFull() {
        return freeCount == 0 && id.length >= slotsMax;
    }

    /** Takes a free slot; the lowest-numbered slots of a fresh store come first. Caller checks {@link #isFull}. */
    int allocate(final long orderId) {
        if (freeCount == 0) {
            grow();
        }
        final int slot = free[--freeCount];
        used++;
        id[slot] = orderId;
        prev[slot] = NONE;
        next[slot] = NONE;
        userPrev[slot] = NONE;
        userNext[slot] = NONE;
        return slot;
    }

    void release(final int slot) {
        id[slot] = 0;
        free[freeCount++] = slot;
        used--;
    }

    /** The slot of an open order, or NONE if the id is unknown, stale or malformed. */
    int slotOf(final long orderId) {
        if (orderId <= 0) {
            return NONE;
        }
        final long slot = orderId & SLOT_MASK;
        if (slot >= id.length || id[(int) slot] != orderId) {
            return NONE;
        }
        return (int) slot;
    }

    static long makeId(final long sequence, final int slot) {
        return (sequence << Engine.ORDER_SLOT_BITS) | slot;
    }

    void init(final int slot, final long clientOrderIdValue, final int userSlotValue, final int baseAccountValue,
        final int quoteAccountValue, final int marketId, final Side side, final StpMode stp, final TimeInForce tif) {
        clientOrderId[slot] = clientOrderIdValue;
        userSlot[slot] = userSlotValue;
        baseAccount[slot] = baseAccountValue;
        quoteAccount[slot] = quoteAccountValue;
        market[slot] = marketId;
        flags[slot] = (byte) (side.code() | stp.code() << STP_SHIFT | tif.code() << TIF_SHIFT);
        priceTicks[slot] = 0;
        remainingLots[slot] = 0;
        stamp[slot] = 0;
    }

    long id(final int slot) {
        return id[slot];
    }

    long clientOrderId(final int slot) {
        return clientOrderId[slot];
    }

    long priceTicks(final int slot) {
        return priceTicks[slot];
    }

    void priceTicks(final int slot, final long value) {
        priceTicks[slot] = value;
    }

    long remainingLots(final int slot) {
        return remainingLots[slot];
    }

    void remainingLots(final int slot, final long value) {
        remainingLots[slot] = value;
    }

    long stamp(final int slot) {
        return stamp[slot];
    }

    void stamp(final int slot, final long value) {
        stamp[slot] = value;
    }

    int userSlot(final int slot) {
        return userSlot[slot];
    }

    int baseAccount(final int slot) {
        return baseAccount[slot];
    }

    int quoteAccount(final int slot) {
        return quoteAccount[slot];
    }

    int market(final int slot) {
        return market[slot];
    }

    Side side(final int slot) {
        return (flags[slot] & SIDE_BIT) == 0 ? Side.BUY : Side.SELL;
    }

    StpMode stp(final int slot) {
        return StpMode.fromCode((flags[slot] >> STP_SHIFT) & 3);
    }

    TimeInForce tif(final int slot) {
        return TimeInForce.fromCode((flags[slot] >> TIF_SHIFT) & 3);
    }

    int flags(final int slot) {
        return flags[slot];
    }

    int prev(final int slot) {
        return prev[slot];
    }

    void prev(final int slot, final int value) {
        prev[slot] = value;
    }

    int next(final int slot) {
        return next[slot];
    }

    void next(final int slot, final int value) {
        next[slot] = value;
    }

    int userPrev(final int slot) {
        return userPrev[slot];
    }

    void userPrev(final int slot, final int value) {
        userPrev[slot] = value;
    }

    int userNext(final int slot) {
        return userNext[slot];
    }

    void userNext(final int slot, final int value) {
        userNext[slot] = value;
    }

    /** Snapshot support: the free slots in stack order, so a restored engine hands out the same slots next. */
    int freeCount() {
        return freeCount;
    }

    int freeAt(final int index) {
        return free[index];
    }

    /** Snapshot support: resize to exactly {@code capacity} slots and take over the given free stack. */
    void restoreLayout(final int capacity, final int[] freeStack, final int freeStackSize) {
        resize(capacity);
        System.arraycopy(freeStack, 0, free, 0, freeStackSize);
        freeCount = freeStackSize;
        used = capacity - freeStackSize;
    }

    /** Snapshot support: put an order back into the slot it had. */
    void restoreOrder(final int slot, final long orderId) {
        id[slot] = orderId;
        prev[slot] = NONE;
        next[slot] = NONE;
        userPrev[slot] = NONE;
        userNext[slot] = NONE;
    }

    private void grow() {
        final int oldCapacity = id.length;
        final int newCapacity = (int) Math.min(slotsMax, oldCapacity * 2L);
        if (newCapacity <= oldCapacity) {
            throw new InvariantViolation("order store full; caller must check isFull slots=" + oldCapacity);
        }
        resize(newCapacity);
        pushFree(oldCapacity, newCapacity);
    }

    private void resize(final int capacity) {
        id = Arrays.copyOf(id, capacity);
        clientOrderId = Arrays.copyOf(clientOrderId, capacity);
        priceTicks = Arrays.copyOf(priceTicks, capacity);
        remainingLots = Arrays.copyOf(remainingLots, capacity);
        stamp = Arrays.copyOf(stamp, capacity);
        userSlot = Arrays.copyOf(userSlot, capacity);
        baseAccount = Arrays.copyOf(baseAccount, capacity);
        quoteAccount = Arrays.copyOf(quoteAccount, capacity);
        market = Arrays.copyOf(market, capacity);
        prev = Arrays.copyOf(prev, capacity);
        next = Arrays.copyOf(next, capacity);
        userPrev = Arrays.copyOf(userPrev, capacity);
        userNext = Arrays.copyOf(userNext, capacity);
        flags = Arrays.copyOf(flags, capacity);
        free = Arrays.copyOf(free, capacity);
    }

    /** Pushes slots so that the lowest of them is popped first. */
    private void pushFree(final int fromInclusive, final int toExclusive) {
        for (int slot = toExclusive - 1; slot >= fromInclusive; slot--) {
            free[freeCount++] = slot;
        }
    }
}
