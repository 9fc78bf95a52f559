package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that forget their least recently used entry past a bound: how the gateway keeps its memories of callers,
 * accounts and client order ids from growing with the number of users. Not thread safe; callers synchronize.
 */
final class LruMaps {
    private static final int INITIAL_CAPACITY = 1024;

    private LruMaps() {
    }

    /** An empty map holding at most {@code entriesMax} entries; a get or put makes an entry the most recent. */
    static <K, V> Map<K, V> bounded(final int entriesMax) {
        if (entriesMax < 1) {
            throw new IllegalArgumentException("entriesMax=" + entriesMax + " must be positive");
        }
        return new LinkedHashMap<>(Math.min(INITIAL_CAPACITY, entriesMax), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<K, V> eldest) {
                return size() > entriesMax;
            }
        };
    }
}
