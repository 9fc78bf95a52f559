package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedApiKeysTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final CountingStore store = new CountingStore();
    private final CachedApiKeys keys = new CachedApiKeys(store, clock::get);

    @Test
    void aLookupIsReusedForOneSecondThenAskedAgain() throws Exception {
        store.create(key("KeyOne0000000001"));
        assertThat(keys.find("KeyOne0000000001")).isPresent();
        clock.addAndGet(CachedApiKeys.TTL_MS - 1);
        store.blockFinds();
        // Past the refresh age: this request refreshes, meanwhile another still gets the lookup it has.
        final CompletableFuture<Optional<ApiKey>> refreshing =
            CompletableFuture.supplyAsync(() -> keys.find("KeyOne0000000001"));
        store.awaitBlockedFind();
        assertThat(keys.find("KeyOne0000000001")).isPresent();
        store.releaseFinds();
        assertThat(refreshing.join()).isPresent();
        assertThat(store.finds.get()).isEqualTo(2);

        clock.addAndGet(CachedApiKeys.REFRESH_AFTER_MS - 1);
        keys.find("KeyOne0000000001");
        assertThat(store.finds.get()).as("reused until the refresh age").isEqualTo(2);
        clock.addAndGet(CachedApiKeys.TTL_MS);
        keys.find("KeyOne0000000001");
        assertThat(store.finds.get()).as("expired: asked again").isEqualTo(3);
    }

    /**
     * Requests that find a busy key's lookup past its refresh age cost the store one lookup between them: while one
     * request waits for the store, the others answer from the lookup they have.
     */
    @Test
    void manyRequestsPastTheRefreshAgeAskTheStoreOnce() throws Exception {
        store.create(key("KeyBusy000000001"));
        keys.find("KeyBusy000000001");
        clock.addAndGet(CachedApiKeys.REFRESH_AFTER_MS);
        store.blockFinds();
        final ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            final Future<Optional<ApiKey>> refreshing = threads.submit(() -> keys.find("KeyBusy000000001"));
            store.awaitBlockedFind();
            final List<Future<Optional<ApiKey>>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(threads.submit(() -> keys.find("KeyBusy000000001")));
            }
            for (final Future<Optional<ApiKey>> one : others) {
                assertThat(one.get(5, TimeUnit.SECONDS)).as("answered while the refresh waits").isPresent();
            }
            store.releaseFinds();
            assertThat(refreshing.get(5, TimeUnit.SECONDS)).isPresent();
        } finally {
            threads.shutdownNow();
        }
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

    /** A store in memory that counts its lookups, and can hold them until released; revoked keys are removed. */
    private static final class CountingStore implements ApiKeyStore {
        final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
        final AtomicInteger finds = new AtomicInteger();
        private volatile CountDownLatch release = new CountDownLatch(0);
        private volatile CountDownLatch blocked = new CountDownLatch(1);

        @Override
        public Optional<ApiKey> find(final String key) {
            finds.incrementAndGet();
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.ofNullable(keys.get(key));
        }

        void blockFinds() {
            blocked = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        void awaitBlockedFind() throws InterruptedException {
            assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        }

        void releaseFinds() {
            release.countDown();
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
