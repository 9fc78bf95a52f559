package org.candor.gateway;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A short memory in front of a key store: a signed request costs a database round trip and an AES-GCM decryption
 * without it (measured at about 3 ms of a 10 ms order under load, most of what an order costs beyond a ping). A key
 * found, or found missing, is reused for {@link #TTL_MS}. A revocation through this store forgets the key at once;
 * one made elsewhere (another gateway, {@code candor operators revoke}) takes effect here within {@link #TTL_MS}.
 *
 * <p>A key in use is looked up again before its lookup expires: the first request to find it older than {@link
 * #REFRESH_AFTER_MS} does the lookup, the others meanwhile keep using the one they have (still within its TTL). So a
 * busy key costs one request a database round trip twice a second, instead of every concurrent request at once each
 * time the lookup expired.
 */
public final class CachedApiKeys implements ApiKeyStore {
    /** How long a lookup is reused: the longest a revocation made elsewhere waits to reach this gateway. */
    static final long TTL_MS = 1_000;
    /** Age after which one request refreshes a lookup while the others keep using it. */
    static final long REFRESH_AFTER_MS = TTL_MS / 2;
    /** Keys remembered at most; past it the memory is emptied (a burst of unknown keys cannot grow it). */
    static final int ENTRIES_MAX = 100_000;

    private final ApiKeyStore store;
    private final LongSupplier clockMs;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedApiKeys(final ApiKeyStore store) {
        this(store, System::currentTimeMillis);
    }

    CachedApiKeys(final ApiKeyStore store, final LongSupplier clockMs) {
        this.store = store;
        this.clockMs = clockMs;
    }

    @Override
    public Optional<ApiKey> find(final String key) {
        final long now = clockMs.getAsLong();
        final Entry known = entries.get(key);
        if (known != null && now - known.atMs < TTL_MS && now >= known.atMs
            && (now - known.atMs < REFRESH_AFTER_MS || !known.refreshing.compareAndSet(false, true))) {
            return known.key;
        }
        final Optional<ApiKey> found = store.find(key);
        if (entries.size() >= ENTRIES_MAX) {
            entries.clear();
        }
        entries.put(key, new Entry(found, now, new AtomicBoolean()));
        return found;
    }

    @Override
    public void create(final ApiKey apiKey) {
        store.create(apiKey);
        entries.remove(apiKey.key());
    }

    @Override
    public boolean revoke(final String key) {
        final boolean revoked = store.revoke(key);
        entries.remove(key);
        return revoked;
    }

    /** A lookup, when it was made, and whether a request has claimed its refresh. */
    private record Entry(Optional<ApiKey> key, long atMs, AtomicBoolean refreshing) {
    }
}
