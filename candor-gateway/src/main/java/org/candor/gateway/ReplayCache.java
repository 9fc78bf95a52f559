package org.candor.gateway;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Signatures already accepted, so a captured request cannot be sent again while its timestamp is still inside the
 * window. Each signature is kept {@link #RETENTION_MS} after it was seen: longer than any request stays acceptable
 * (a timestamp at most {@link RequestAuthenticator#AHEAD_MAX_MS} ahead, at most
 * {@link RequestAuthenticator#RECV_WINDOW_MAX_MS} old), and the same for every entry, so entries expire in the order
 * they came and a queue finds them. Bounded: when {@link #SIGNATURES_MAX} signatures are live, new signed requests
 * are refused as an overload rather than remembered partially, which would let replays through.
 */
final class ReplayCache {
    static final long RETENTION_MS = RequestAuthenticator.RECV_WINDOW_MAX_MS + RequestAuthenticator.AHEAD_MAX_MS
        + 1_000;
    /** 200,000 live signatures, ~3,000 signed requests per second at the largest window; about 40 MB at most. */
    static final int SIGNATURES_MAX = 200_000;

    private final int capacity;
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<Entry> byExpiry = new ArrayDeque<>();

    ReplayCache() {
        this(SIGNATURES_MAX);
    }

    ReplayCache(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Records a signature; true the first time it is seen within its retention, false for a replay.
     *
     * @throws ApiError -1008 when the cache is full of live signatures
     */
    synchronized boolean firstUse(final String signature, final long nowMs) {
        while (!byExpiry.isEmpty() && byExpiry.peekFirst().expiresMs <= nowMs) {
            seen.remove(byExpiry.removeFirst().signature);
        }
        if (seen.contains(signature)) {
            return false;
        }
        if (seen.size() >= capacity) {
            throw ErrorMapper.overloaded();
        }
        seen.add(signature);
        byExpiry.addLast(new Entry(signature, nowMs + RETENTION_MS));
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private record Entry(String signature, long expiresMs) {
    }
}
