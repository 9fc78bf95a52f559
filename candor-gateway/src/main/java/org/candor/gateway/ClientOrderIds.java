package org.candor.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.candor.engine.OrderRules;

/**
 * Binance's client order ids are strings of up to 36 characters; the engine's are positive longs, unique per user
 * among open orders. A user's string becomes a number derived from (user, string) alone: 62 bits of SHA-256 with bit
 * 62 set. So the same string of the same user gets the same number on every gateway and after every restart, the
 * engine itself refuses a string reused while its order is open ({@code DUPLICATE_CLIENT_ORDER_ID}) and accepts it
 * once that order has ended, as Binance does, and a cancel by {@code origClientOrderId} needs no table.
 *
 * <p>The way back, from a number to the string shown in answers and streams: the string travels with the order
 * through the replicated log (the command's label, the engine's order-labelled event, decision 0016), so every order
 * record a gateway reads, from its views or from the history tables, carries it ({@link
 * OrderRecord#clientOrderLabel()}); nothing is written on the way in. Orders placed without a string get numbers
 * from a counter that starts at the wall clock in microseconds (below bit 62, so never a derived number) and show as
 * {@link #GENERATED_PREFIX} plus the number; a user's own string may not start with that prefix, so the two forms
 * never meet. An order placed before labels (schema version 4) has none: its string was saved in the gateway's
 * {@code client_order_id} table, read through a {@link ClientOrderIdStore} behind a bounded memory of {@link
 * #ENTRIES_MAX} strings. Two strings of one user sharing 62 bits of SHA-256 would look like a reuse.
 */
final class ClientOrderIds {
    static final int ENTRIES_MAX = 200_000;
    static final String GENERATED_PREFIX = "candor-";
    /** Set in every derived number and in no counter number: the counter would need 146,000 years to reach it. */
    static final long DERIVED_BIT = 1L << 62;

    /** One digest per thread: {@code getInstance} searches the security providers each time it is called. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private final AtomicLong next;
    private final ClientOrderIdStore store;
    /** Strings found in the store, so a pre-label order's string costs one query, not one per answer. */
    private final Map<Key, String> found = lru();

    ClientOrderIds(final long firstNumber) {
        this(firstNumber, ClientOrderIdStore.NONE);
    }

    ClientOrderIds(final long firstNumber, final ClientOrderIdStore store) {
        if (firstNumber < 1 || firstNumber >= DERIVED_BIT) {
            throw new IllegalArgumentException("firstNumber=" + firstNumber + " must be positive and below 2^62");
        }
        this.next = new AtomicLong(firstNumber);
        this.store = store;
    }

    /**
     * The engine number for a user's string (the string itself goes to the engine as the order's label); a new
     * counter number when the string is null.
     *
     * @throws ApiError -1100 when the string is not one Binance would accept, or has the generated form
     */
    long numberFor(final long userId, final String clientOrderId) {
        if (clientOrderId == null) {
            return next.getAndIncrement();
        }
        if (!OrderRules.isLabel(clientOrderId) || clientOrderId.startsWith(GENERATED_PREFIX)) {
            throw ErrorMapper.illegalParameter("newClientOrderId");
        }
        return derived(userId, clientOrderId);
    }

    /** The number a user's string (theirs, or a generated form) stands for, or -1 if it cannot stand for one. */
    long knownNumber(final long userId, final String clientOrderId) {
        if (clientOrderId.startsWith(GENERATED_PREFIX)) {
            try {
                final long number = Long.parseLong(clientOrderId.substring(GENERATED_PREFIX.length()));
                return number > 0 && number < DERIVED_BIT ? number : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return OrderRules.isLabel(clientOrderId) ? derived(userId, clientOrderId) : -1;
    }

    /** The client order id an order record shows: its label, else what {@link #stringFor(long, long)} finds. */
    String stringFor(final OrderRecord order) {
        final String label = order.clientOrderLabel();
        return label != null ? label : stringFor(order.userId(), order.clientOrderId());
    }

    /**
     * The string for an engine number when no label came with the order: the generated form for a counter number;
     * for a derived one, the string saved before labels existed, or the generated form if there is none.
     */
    String stringFor(final long userId, final long number) {
        if (number >= DERIVED_BIT) {
            final Key key = new Key(userId, number);
            synchronized (this) {
                final String known = found.get(key);
                if (known != null) {
                    return known;
                }
            }
            final String saved = store.find(userId, number);
            if (saved != null) {
                synchronized (this) {
                    found.put(key, saved);
                }
                return saved;
            }
        }
        return GENERATED_PREFIX + number;
    }

    /** 62 bits of SHA-256 over the user id and the string, with bit 62 set. */
    static long derived(final long userId, final String clientOrderId) {
        final MessageDigest sha256 = SHA256.get();
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
        final byte[] hash = sha256.digest(clientOrderId.getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.wrap(hash).getLong() & (DERIVED_BIT - 1) | DERIVED_BIT;
    }

    private static <V> Map<Key, V> lru() {
        return LruMaps.bounded(ENTRIES_MAX);
    }

    private record Key(long userId, long number) {
    }
}
