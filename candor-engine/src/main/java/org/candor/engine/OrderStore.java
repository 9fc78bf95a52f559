package org.candor.engine;

import java.util.Arrays;

/**
 * Every open order, stored as a fixed stride of ten longs per slot in one array (80 bytes an order: no object
 * headers, no garbage, and one order's fields on one or two cache lines, which matters once the book no longer fits
 * in cache). An order id carries its slot in its low {@value Engine#ORDER_SLOT_BITS} bits and a sequence number
 * above them, so finding an order by id is one array read and a comparison, and a stale id of a reused slot never
 * matches. Orders are linked twice: into their price level's FIFO queue and into their owner's list.
 *
 * <p>The array starts small and doubles up to the capacity; growth happens only when an order is accepted, so a
 * warm engine allocates nothing.
 */
final class OrderStore {
    static final int NONE = -1;
    private static final int INITIAL_SLOTS = 1024;
    private static final long SLOT_MASK = (1L << Engine.ORDER_SLOT_BITS) - 1;
    private static final long LOW_INT = 0xFFFF_FFFFL;
    private static final int SIDE_BIT = 1;
    private static final int STP_SHIFT = 1;
    private static final int TIF_SHIFT = 3;
    private static final int FLAGS_BITS = 8;

    /** Longs per slot, and each field's offset within the slot. */
    private static final int STRIDE = 10;
    private static final int ID = 0;
    private static final int CLIENT_ORDER_ID = 1;
    private static final int PRICE_TICKS = 2;
    private static final int REMAINING_LOTS = 3;
    private static final int STAMP = 4;
    /** Previous (high half) and next (low half) order in the price level. */
    private static final int LEVEL_LINKS = 5;
    /** Previous (high half) and next (low half) order of the same user. */
    private static final int USER_LINKS = 6;
    /** User slot (high half), market id (bits 8 to 31) and flags (low 8 bits). */
    private static final int OWNER = 7;
    /** Base account (high half) and quote account (low half). */
    private static final int ACCOUNTS = 8;
    /** The price level's pool slot in its book side (low half). */
    private static final int LEVEL = 9;

    private final int slotsMax;
    private long[] data;
    private int[] free;
    private int capacity;
    private int freeCount;
    private int used;

    OrderStore(final int slotsMax) {
        this.slotsMax = slotsMax;
        final int initial = Math.min(INITIAL_SLOTS, slotsMax);
        resize(initial);
        pushFree(0, initial);
    }

    int used() {
        return used;
    }

    int capacity() {
        return capacity;
    }

    boolean isFull() {
        return freeCount == 0 && capacity >= slotsMax;
    }

    /** Takes a free slot; the lowest-numbered slots of a fresh store come first. Caller checks {@link #isFull}. */
    int allocate(final long orderId) {
        if (freeCount == 0) {
            grow();
        }
        final int slot = free[--freeCount];
        used++;
        restoreOrder(slot, orderId);
        return slot;
    }

    void release(final int slot) {
        data[slot * STRIDE + ID] = 0;
        free[freeCount++] = slot;
        used--;
    }

    /** The slot of an open order, or NONE if the id is unknown, stale or malformed. */
    int slotOf(final long orderId) {
        if (orderId <= 0) {
            return NONE;
        }
        final long slot = orderId & SLOT_MASK;
        if (slot >= capacity || data[(int) slot * STRIDE + ID] != orderId) {
            return NONE;
        }
        return (int) slot;
    }

    static long makeId(final long sequence, final int slot) {
        return (sequence << Engine.ORDER_SLOT_BITS) | slot;
    }

    void init(final int slot, final long clientOrderIdValue, final int userSlotValue, final int baseAccountValue,
        final int quoteAccountValue, final int marketId, final Side side, final StpMode stp, final TimeInForce tif) {
        final int base = slot * STRIDE;
        final int flags = side.code() | stp.code() << STP_SHIFT | tif.code() << TIF_SHIFT;
        data[base + CLIENT_ORDER_ID] = clientOrderIdValue;
        data[base + OWNER] = (long) userSlotValue << 32 | (long) marketId << FLAGS_BITS | flags;
        data[base + ACCOUNTS] = (long) baseAccountValue << 32 | (quoteAccountValue & LOW_INT);
        data[base + PRICE_TICKS] = 0;
        data[base + REMAINING_LOTS] = 0;
        data[base + STAMP] = 0;
    }

    long id(final int slot) {
        return data[slot * STRIDE + ID];
    }

    long clientOrderId(final int slot) {
        return data[slot * STRIDE + CLIENT_ORDER_ID];
    }

    long priceTicks(final int slot) {
        return data[slot * STRIDE + PRICE_TICKS];
    }

    void priceTicks(final int slot, final long value) {
        data[slot * STRIDE + PRICE_TICKS] = value;
    }

    long remainingLots(final int slot) {
        return data[slot * STRIDE + REMAINING_LOTS];
    }

    void remainingLots(final int slot, final long value) {
        data[slot * STRIDE + REMAINING_LOTS] = value;
    }

    long stamp(final int slot) {
        return data[slot * STRIDE + STAMP];
    }

    void stamp(final int slot, final long value) {
        data[slot * STRIDE + STAMP] = value;
    }

    int userSlot(final int slot) {
        return (int) (data[slot * STRIDE + OWNER] >>> 32);
    }

    int market(final int slot) {
        return (int) (data[slot * STRIDE + OWNER] & LOW_INT) >>> FLAGS_BITS;
    }

    int flags(final int slot) {
        return (int) data[slot * STRIDE + OWNER] & 0xFF;
    }

    int baseAccount(final int slot) {
        return (int) (data[slot * STRIDE + ACCOUNTS] >>> 32);
    }

    int quoteAccount(final int slot) {
        return (int) data[slot * STRIDE + ACCOUNTS];
    }

    Side side(final int slot) {
        return (flags(slot) & SIDE_BIT) == 0 ? Side.BUY : Side.SELL;
    }

    StpMode stp(final int slot) {
        return StpMode.fromCode((flags(slot) >> STP_SHIFT) & 3);
    }

    TimeInForce tif(final int slot) {
        return TimeInForce.fromCode((flags(slot) >> TIF_SHIFT) & 3);
    }

    int level(final int slot) {
        return (int) data[slot * STRIDE + LEVEL];
    }

    void level(final int slot, final int levelSlot) {
        data[slot * STRIDE + LEVEL] = levelSlot;
    }

    int prev(final int slot) {
        return high(LEVEL_LINKS, slot);
    }

    void prev(final int slot, final int value) {
        setHigh(LEVEL_LINKS, slot, value);
    }

    int next(final int slot) {
        return low(LEVEL_LINKS, slot);
    }

    void next(final int slot, final int value) {
        setLow(LEVEL_LINKS, slot, value);
    }

    int userPrev(final int slot) {
        return high(USER_LINKS, slot);
    }

    void userPrev(final int slot, final int value) {
        setHigh(USER_LINKS, slot, value);
    }

    int userNext(final int slot) {
        return low(USER_LINKS, slot);
    }

    void userNext(final int slot, final int value) {
        setLow(USER_LINKS, slot, value);
    }

    private int high(final int field, final int slot) {
        return (int) (data[slot * STRIDE + field] >> 32);
    }

    private int low(final int field, final int slot) {
        return (int) data[slot * STRIDE + field];
    }

    private void setHigh(final int field, final int slot, final int value) {
        final int index = slot * STRIDE + field;
        data[index] = (long) value << 32 | (data[index] & LOW_INT);
    }

    private void setLow(final int field, final int slot, final int value) {
        final int index = slot * STRIDE + field;
        data[index] = (data[index] & ~LOW_INT) | (value & LOW_INT);
    }

    /** Snapshot support: the free slots in stack order, so a restored engine hands out the same slots next. */
    int freeCount() {
        return freeCount;
    }

    int freeAt(final int index) {
        return free[index];
    }

    /** Snapshot support: resize to exactly {@code slots} slots and take over the given free stack. */
    void restoreLayout(final int slots, final int[] freeStack, final int freeStackSize) {
        resize(slots);
        System.arraycopy(freeStack, 0, free, 0, freeStackSize);
        freeCount = freeStackSize;
        used = slots - freeStackSize;
    }

    /** Puts an order id into a slot with empty links; used on acceptance and when restoring a snapshot. */
    void restoreOrder(final int slot, final long orderId) {
        final int base = slot * STRIDE;
        data[base + ID] = orderId;
        data[base + LEVEL_LINKS] = -1L;
        data[base + USER_LINKS] = -1L;
    }

    private void grow() {
        final int newCapacity = (int) Math.min(slotsMax, capacity * 2L);
        if (newCapacity <= capacity) {
            throw new InvariantViolation("order store full; caller must check isFull slots=" + capacity);
        }
        final int oldCapacity = capacity;
        resize(newCapacity);
        pushFree(oldCapacity, newCapacity);
    }

    private void resize(final int slots) {
        data = data == null ? new long[slots * STRIDE] : Arrays.copyOf(data, slots * STRIDE);
        free = free == null ? new int[slots] : Arrays.copyOf(free, slots);
        capacity = slots;
    }

    /** Pushes slots so that the lowest of them is popped first. */
    private void pushFree(final int fromInclusive, final int toExclusive) {
        for (int slot = toExclusive - 1; slot >= fromInclusive; slot--) {
            free[freeCount++] = slot;
        }
    }
}
