package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedApiKeysTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final CountingStore store = new CountingStore();
    private final CachedApiKeys keys = new CachedApiKeys(store, clock::get);

    @Test
    void aLookupIsReusedForOneSecondThenAskedAgain() {
        store.create(key("KeyOne0000000001"));
        assertThat(keys.find("KeyOne0000000001")).isPresent();
        clock.addAndGet(CachedApiKeys.TTL_MS - 1);
        assertThat(keys.find("KeyOne0000000001")).isPresent();
        assertThat(store.finds.get()).isEqualTo(1);
        clock.addAndGet(1);
        keys.find("KeyOne0000000001");
        assertThat(store.finds.get()).isEqualTo(2);
    }

    @Test
    void aRevocationHereIsSeenAtOnceAndOneElsewhereWithinTheSecond() {
        store.create(key("KeyTwo0000000001"));
        store.create(key("KeyTwo0000000002"));
        keys.find("KeyTwo0000000001");
        keys.find("KeyTwo0000000002");
        assertThat(keys.revoke("KeyTwo0000000001")).isTrue();
        assertThat(keys.find("KeyTwo0000000001")).isEmpty();

        store.revoke("KeyTwo0000000002");
        assertThat(keys.find("KeyTwo0000000002")).as("cached").isPresent();
        clock.addAndGet(CachedApiKeys.TTL_MS);
        assertThat(keys.find("KeyTwo0000000002")).isEmpty();
    }

    @Test
    void aKeyCreatedAfterAMissIsFoundAtOnce() {
        assertThat(keys.find("KeyNew0000000001")).isEmpty();
        keys.create(key("KeyNew0000000001"));
        assertThat(keys.find("KeyNew0000000001")).isPresent();
    }

    @Test
    void aClockThatGoesBackDoesNotExtendTheMemory() {
        store.create(key("KeyOld0000000001"));
        keys.find("KeyOld0000000001");
        clock.addAndGet(-5_000);
        keys.find("KeyOld0000000001");
        assertThat(store.finds.get()).isEqualTo(2);
    }

    private static ApiKey key(final String key) {
        return new ApiKey(key, 7, new byte[] {1, 2, 3}, EnumSet.of(Permission.READ), List.of(), false);
    }

    /** A store in memory that counts its lookups; revoked keys are removed. */
    private static final class CountingStore implements ApiKeyStore {
        final Map<String, ApiKey> keys = new HashMap<>();
        final AtomicInteger finds = new AtomicInteger();

        @Override
        public Optional<ApiKey> find(final String key) {
            finds.incrementAndGet();
            return Optional.ofNullable(keys.get(key));
        }

        @Override
        public void create(final ApiKey apiKey) {
            keys.put(apiKey.key(), apiKey);
        }

        @Override
        public boolean revoke(final String key) {
            return keys.remove(key) != null;
        }
    }
}
