package org.candor.engine;

import java.util.Arrays;

/**
 * Open orders by (user, client order id), so a user's client order ids are unique among their open orders and an
 * order can be cancelled by the id the client chose. Open addressing with linear probing and backward-shift
 * deletion over parallel arrays; no tombstones, so lookups stay short however long the engine runs. The table is
 * kept at most half full; it doubles when an order with a client order id comes to rest and the table would pass
 * half, so a warm engine whose open-order count has peaked no longer allocates.
 */
final class ClientOrderIndex {
    private static final int EMPTY = -1;

    private long[] clientOrderIds;
    private int[] userSlots;
    private int[] orderSlots;
    private int mask;
    private int size;

    ClientOrderIndex(final int initialOrders) {
        allocate(tableSizeFor(initialOrders));
    }

    int size() {
        return size;
    }

    /** The order slot, or {@link OrderStore#NONE}. */
    int get(final int userSlot, final long clientOrderId) {
        int i = index(userSlot, clientOrderId);
        while (orderSlots[i] != EMPTY) {
            if (userSlots[i] == userSlot && clientOrderIds[i] == clientOrderId) {
                return orderSlots[i];
            }
            i = (i + 1) & mask;
        }
        return OrderStore.NONE;
    }

    void put(final int userSlot, final long clientOrderId, final int orderSlot) {
        if ((size + 1) * 2L > orderSlots.length) {
            rehash(orderSlots.length * 2);
        }
        int i = index(userSlot, clientOrderId);
        while (orderSlots[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        userSlots[i] = userSlot;
        clientOrderIds[i] = clientOrderId;
        orderSlots[i] = orderSlot;
        size++;
    }

    void remove(final int userSlot, final long clientOrderId) {
        int i = index(userSlot, clientOrderId);
        while (orderSlots[i] != EMPTY) {
            if (userSlots[i] == userSlot && clientOrderIds[i] == clientOrderId) {
                orderSlots[i] = EMPTY;
                size--;
                shiftBack(i);
                return;
            }
            i = (i + 1) & mask;
        }
        throw new InvariantViolation("client order id missing user=" + userSlot + " clientOrderId=" + clientOrderId);
    }

    /** Moves later entries of the probe run back into the hole so no lookup stops early. */
    private void shiftBack(final int hole) {
        int gap = hole;
        int i = (hole + 1) & mask;
        while (orderSlots[i] != EMPTY) {
            final int home = index(userSlots[i], clientOrderIds[i]);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                userSlots[gap] = userSlots[i];
                clientOrderIds[gap] = clientOrderIds[i];
                orderSlots[gap] = orderSlots[i];
                orderSlots[i] = EMPTY;
                gap = i;
            }
            i = (i + 1) & mask;
        }
    }

    private int index(final int userSlot, final long clientOrderId) {
        return (int) Digest.mix(clientOrderId * 31 + userSlot) & mask;
    }

    private void rehash(final int tableSize) {
        final long[] oldIds = clientOrderIds;
        final int[] oldUsers = userSlots;
        final int[] oldOrders = orderSlots;
        allocate(tableSize);
        size = 0;
        for (int i = 0; i < oldOrders.length; i++) {
            if (oldOrders[i] != EMPTY) {
                put(oldUsers[i], oldIds[i], oldOrders[i]);
            }
        }
    }

    private void allocate(final int tableSize) {
        clientOrderIds = new long[tableSize];
        userSlots = new int[tableSize];
        orderSlots = new int[tableSize];
        Arrays.fill(orderSlots, EMPTY);
        mask = tableSize - 1;
    }

    private static int tableSizeFor(final int orders) {
        final int wanted = Math.max(16, orders * 2);
        return Integer.highestOneBit(wanted - 1) << 1;
    }
}
