package org.candor.engine;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * Registered users, each given a dense slot on creation. Slots are internal: nothing outside the engine sees them,
 * and the digest and snapshot name users by id. Per-user arrays grow by doubling up to the capacity, so a small
 * exchange does not pay for a large one; growth happens only when a user is created, never while matching.
 */
final class Users {
    static final int NONE = -1;
    private static final int INITIAL_SLOTS = 1024;

    private final int usersMax;
    private final Long2LongHashMap slotById;
    private long[] idBySlot = new long[INITIAL_SLOTS];
    private int[] openOrders = new int[INITIAL_SLOTS];
    /** Head of the user's list of open orders (linked through {@link OrderStore}), or {@link OrderStore#NONE}. */
    private int[] orderHead = new int[INITIAL_SLOTS];
    private int count;

    Users(final int usersMax) {
        this.usersMax = usersMax;
        this.slotById = new Long2LongHashMap(INITIAL_SLOTS, 0.65f, NONE);
        Arrays.fill(orderHead, OrderStore.NONE);
    }

    int count() {
        return count;
    }

    boolean isFull() {
        return count >= usersMax;
    }

    int slotOf(final long userId) {
        return (int) slotById.get(userId);
    }

    long idOf(final int slot) {
        return idBySlot[slot];
    }

    int add(final long userId) {
        if (count == idBySlot.length) {
            final int grown = Math.min(usersMax, count * 2);
            idBySlot = Arrays.copyOf(idBySlot, grown);
            openOrders = Arrays.copyOf(openOrders, grown);
            orderHead = Arrays.copyOf(orderHead, grown);
            Arrays.fill(orderHead, count, grown, OrderStore.NONE);
        }
        final int slot = count++;
        idBySlot[slot] = userId;
        slotById.put(userId, slot);
        return slot;
    }

    int openOrders(final int slot) {
        return openOrders[slot];
    }

    void addOpenOrder(final int slot, final int delta) {
        openOrders[slot] += delta;
    }

    int orderHead(final int slot) {
        return orderHead[slot];
    }

    void orderHead(final int slot, final int orderSlot) {
        orderHead[slot] = orderSlot;
    }

    /** Digest of user existence; open-order bookkeeping is derived from orders and not hashed twice. */
    static long hash(final long userId) {
        return Digest.hash(10, userId, 0, 0);
    }
}
