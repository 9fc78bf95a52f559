package org.candor.gateway;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;

/**
 * When a projection of the journal into PostgreSQL (the history, the notifications) commits once it has caught up:
 * at once if a request waits for what it holds ({@link CommittedSeq#wanted()}), else when {@link #LINGER_NS} has
 * passed since its last commit. Committing after every command cost a transaction per order (about 0.5 ms of the
 * gateway's CPU and more of PostgreSQL's, measured with {@code candor bench api}: the largest share of an order's
 * CPU on two cores); lingering groups the commands of a few milliseconds into one, and a user who reads their own
 * history still sees their last write at once, because their request waits and so asks for the commit.
 *
 * <p>Used by the projection's own thread only.
 */
final class FlushCadence {
    /** Longest a caught-up projection keeps written events uncommitted while no request waits for them. */
    static final long LINGER_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * A projection's park when the journal has nothing new: a waiting request wakes it ({@link CommittedSeq}), so
     * the park only sets how often it looks otherwise. Agrona's backoff (1 us doubling to 1 ms) woke each projection
     * about 10 times per order under load.
     */
    static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final CommittedSeq committed;
    private boolean pending;
    private long lastFlushNs;

    FlushCadence(final CommittedSeq committed, final long nowNs) {
        this.committed = committed;
        this.lastFlushNs = nowNs;
    }

    /**
     * After a poll that read {@code events} ({@code caughtUp} when it read fewer than its maximum): whether to commit
     * now. A projection that read nothing since its last commit has nothing to commit.
     */
    boolean due(final int events, final boolean caughtUp, final long nowNs) {
        pending |= events > 0;
        return caughtUp && pending && (committed.wanted() || nowNs - lastFlushNs >= LINGER_NS);
    }

    /** How a projection's thread waits for the journal (see {@link #IDLE_PARK_NS}). */
    static IdleStrategy idleStrategy() {
        return new SleepingIdleStrategy(IDLE_PARK_NS);
    }

    /** The projection committed at {@code nowNs}. */
    void flushed(final long nowNs) {
        pending = false;
        lastFlushNs = nowNs;
    }
}
