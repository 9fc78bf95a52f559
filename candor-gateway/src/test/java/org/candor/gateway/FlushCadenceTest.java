package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caught-up projection commits when a reader waits, or once the linger has passed; never with nothing new. */
class FlushCadenceTest {
    private final CommittedSeq committed = new CommittedSeq();
    private final FlushCadence cadence = new FlushCadence(committed, 0);

    @Test
    void lingersWhileNobodyWaits() {
        assertThat(cadence.due(3, true, FlushCadence.LINGER_NS - 1)).isFalse();
        assertThat(cadence.due(0, true, FlushCadence.LINGER_NS)).isTrue();
    }

    @Test
    void nothingReadNothingToCommit() {
        assertThat(cadence.due(0, true, 10 * FlushCadence.LINGER_NS)).isFalse();
        assertThat(cadence.due(1, true, 10 * FlushCadence.LINGER_NS)).isTrue();
        cadence.flushed(10 * FlushCadence.LINGER_NS);
        assertThat(cadence.due(0, true, 20 * FlushCadence.LINGER_NS)).isFalse();
    }

    @Test
    void aProjectionStillReadingDoesNotCommitHere() {
        assertThat(cadence.due(10_000, false, 10 * FlushCadence.LINGER_NS)).isFalse();
    }

    @Test
    void aWaitingReaderGetsItsCommitAtOnceAndWakesTheWriter() throws Exception {
        committed.publish(5);
        assertThat(cadence.due(2, true, 1)).isFalse();
        committed.writerThread(Thread.currentThread());

        final CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(
            () -> committed.await(7, Duration.ofSeconds(10)));
        // The reader's wait unparks this (writer) thread; a park long enough to fail the test otherwise.
        final long parkedNs = System.nanoTime();
        while (!committed.wanted() && System.nanoTime() - parkedNs < TimeUnit.SECONDS.toNanos(10)) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
        }
        assertThat(System.nanoTime() - parkedNs).isLessThan(TimeUnit.SECONDS.toNanos(5));

        assertThat(committed.wanted()).isTrue();
        assertThat(cadence.due(0, true, 2)).isTrue();
        cadence.flushed(2);
        committed.publish(7);
        assertThat(reader.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(committed.wanted()).isFalse();
    }
}
