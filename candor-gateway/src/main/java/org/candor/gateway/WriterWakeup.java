package org.candor.gateway;

import java.util.concurrent.locks.LockSupport;

/**
 * The thread that follows the journal into a view or a store, as something a waiting reader can wake: such a thread
 * parks when the journal has nothing new, and a reader that waits for it wakes it at once instead of waiting out the
 * park. Used by {@link ReadViews} (the views' follower) and {@link CommittedSeq} (the projections).
 */
final class WriterWakeup {
    private volatile Thread writer;

    /** The calling thread is the writer from now on. */
    void register(final Thread thread) {
        writer = thread;
    }

    /** Unparks the writer (nothing before one registered; a writer not parked skips its next park). */
    void wake() {
        final Thread parked = writer;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }
}
