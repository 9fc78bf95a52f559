package org.candor.cluster;

import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * How a node's agents (media driver, archive, consensus module, service) wait for work: spin, then yield, then park
 * for doubling periods, like Agrona's {@code BackoffIdleStrategy}, but with the longest park depending on how long
 * ago the agent last did work. For {@link #WAKEFUL_WINDOW_NS} after work it parks at most
 * {@link #WAKEFUL_PARK_NS_MAX}; after that, at most {@link #DROWSY_PARK_NS_MAX}.
 *
 * <p>Why: a command crosses five agent hops in a node (ingress, log, archive position, service, egress), and each
 * hop waits for its agent's next poll. With the plain backoff an agent reaches its 1 ms park about 1 ms after its
 * last work, so orders a millisecond or so apart found every agent half asleep and paid up to 1 ms per
 * hop. Measured through the HTTP gateway with 2 connections, in steady state: 1,211 to 1,220 orders/s and p99
 * 4.9 to 5.1 ms with the plain backoff; 1,563/s and p99 3.2 ms with this strategy (docs/BENCHMARKS.md). Parking at
 * most 50 us all the time would keep every idle node's agents waking 20,000 times a second, which the test suites'
 * many in-process nodes and an idle demo pay on two cores. An agent that has just worked is likely to work again
 * soon; one idle for longer is likely to stay idle, and the strategy treats them differently.
 *
 * <p>The window is short because an idle node's agents still work now and then (timers, keep-alives): with 20 ms
 * they stayed wakeful while idle and an idle single node took 20% of a core instead of 12%; with 2 ms it takes the
 * same as with the plain backoff (11 to 13%, measured over 10 s with {@code candor node --members 1}).
 *
 * <p>Not thread safe: one instance per agent, as Agrona's strategies.
 */
public final class WakefulIdleStrategy implements IdleStrategy {
    /** Busy spins before yielding (Agrona's backoff default). */
    static final int SPINS = 10;
    /** Yields before parking (Agrona's backoff default). */
    static final int YIELDS = 5;
    /** The first park. */
    static final long PARK_NS_MIN = 1_000;
    /** The longest park while the agent worked within {@link #WAKEFUL_WINDOW_NS}. */
    static final long WAKEFUL_PARK_NS_MAX = 50_000;
    /** The longest park after that: Agrona's backoff default, what an idle node costs. */
    static final long DROWSY_PARK_NS_MAX = 1_000_000;
    /** How long after its last work an agent stays wakeful: above the gap between commands of a busy client. */
    static final long WAKEFUL_WINDOW_NS = 2_000_000;

    private static final int STATE_SPINNING = 0;
    private static final int STATE_YIELDING = 1;
    private static final int STATE_PARKING = 2;

    private final NanoClock clock;
    private int state = STATE_SPINNING;
    private int spins;
    private int yields;
    private long parkNs = PARK_NS_MIN;
    private long lastWorkNs;

    public WakefulIdleStrategy() {
        this(SystemNanoClock.INSTANCE);
    }

    WakefulIdleStrategy(final NanoClock clock) {
        this.clock = clock;
        this.lastWorkNs = clock.nanoTime();
    }

    @Override
    public void idle(final int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        final long park = nextParkNs();
        if (park == 0) {
            Thread.onSpinWait();
        } else if (park < 0) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(park);
        }
    }

    /**
     * Advances the backoff by one idle round and says what to do: 0 spin, -1 yield, else park that many
     * nanoseconds. Separate from {@link #idle()} so the schedule can be tested without sleeping.
     */
    long nextParkNs() {
        switch (state) {
            case STATE_SPINNING:
                if (++spins <= SPINS) {
                    return 0;
                }
                state = STATE_YIELDING;
                // fall through to the first yield
            case STATE_YIELDING:
                if (++yields <= YIELDS) {
                    return -1;
                }
                state = STATE_PARKING;
                parkNs = PARK_NS_MIN;
                return parkNs;
            default:
                final long ceiling = clock.nanoTime() - lastWorkNs < WAKEFUL_WINDOW_NS
                    ? WAKEFUL_PARK_NS_MAX : DROWSY_PARK_NS_MAX;
                parkNs = Math.min(parkNs << 1, ceiling);
                return parkNs;
        }
    }

    /** Work was done: start the backoff again and stay wakeful for the window. */
    @Override
    public void reset() {
        state = STATE_SPINNING;
        spins = 0;
        yields = 0;
        parkNs = PARK_NS_MIN;
        lastWorkNs = clock.nanoTime();
    }

    @Override
    public String alias() {
        return "wakeful";
    }
}
