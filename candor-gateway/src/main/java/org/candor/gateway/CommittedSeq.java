package org.candor.gateway;

import java.time.Duration;

/**
 * How far a projection of the journal has committed, for the requests that must wait until it shows what they
 * depend on (a user's own last write). One writer publishes; any number of readers wait.
 */
final class CommittedSeq {
    private final Object progress = new Object();
    private volatile long seq;
    /** The highest sequence a reader has waited for: above {@link #seq}, the writer should commit now. */
    private volatile long wantedSeq;
    /** The writer's thread, woken when a reader starts to wait ({@link FlushCadence}). */
    private final WriterWakeup writer = new WriterWakeup();

    /** The calling thread publishes: it is woken from a park when a reader starts to wait. */
    void writerThread(final Thread thread) {
        writer.register(thread);
    }

    /** Whether a reader waits for events not committed yet. */
    boolean wanted() {
        return wantedSeq > seq;
    }

    /** The last event sequence committed. */
    long get() {
        return seq;
    }

    /** Records a new committed sequence and wakes the waiters (nothing when it did not move). */
    void publish(final long committed) {
        if (committed != seq) {
            seq = committed;
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Waits until every event up to {@code wanted} is committed; false if it was not within {@code timeout}. */
    boolean await(final long wanted, final Duration timeout) {
        if (seq >= wanted) {
            return true;
        }
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        // Benign race: two readers may both write; the writer commits for either, and the later seq still gets in.
        if (wanted > wantedSeq) {
            wantedSeq = wanted;
        }
        writer.wake();
        synchronized (progress) {
            while (seq < wanted) {
                final long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, leftNs / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
