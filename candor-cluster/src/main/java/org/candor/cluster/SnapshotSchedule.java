package org.candor.cluster;

import io.aeron.cluster.service.Cluster;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Takes a snapshot at a fixed interval, so a restart replays at most one interval of log instead of all of it.
 * Every member runs a schedule, and only the one that leads at the time triggers (every member then writes its own
 * snapshot at the same log position); after a failover the new leader's schedule carries on.
 */
public final class SnapshotSchedule implements AutoCloseable {
    /**
     * Default interval. The restart cost is the log since the last snapshot: at the single node's measured few
     * hundred thousand commands/s a busy 10 minutes replays in well under a minute, and a snapshot of a large book
     * takes seconds of the service's time, so more often would cost more than it saves.
     */
    public static final Duration INTERVAL_DEFAULT = Duration.ofMinutes(10);
    /** Longest one snapshot may take before the attempt is reported as failed; the next interval tries again. */
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        final Thread thread = new Thread(task, "candor-snapshot-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private final EmbeddedNode node;
    private final Consumer<String> log;
    private volatile long taken;
    private volatile long failed;

    private SnapshotSchedule(final EmbeddedNode node, final Consumer<String> log) {
        this.node = node;
        this.log = log;
    }

    /** Starts snapshots of {@code node} every {@code interval}; {@code log} hears each one taken or failed. */
    public static SnapshotSchedule start(final EmbeddedNode node, final Duration interval,
        final Consumer<String> log) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("reason=interval-not-positive interval=" + interval);
        }
        final SnapshotSchedule schedule = new SnapshotSchedule(node, log);
        schedule.timer.scheduleWithFixedDelay(schedule::tick, interval.toMillis(), interval.toMillis(),
            TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** Never throws: a failed snapshot is reported and the schedule goes on. */
    private void tick() {
        if (node.service().role() != Cluster.Role.LEADER) {
            return;
        }
        final long startNs = System.nanoTime();
        try {
            node.takeSnapshot(SNAPSHOT_TIMEOUT);
            taken++;
            log.accept("snapshot taken member=" + node.memberId() + " ms="
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
        } catch (RuntimeException e) {
            failed++;
            log.accept("snapshot failed member=" + node.memberId() + " reason=" + e.getMessage());
        }
    }

    /** Snapshots this schedule triggered. */
    public long taken() {
        return taken;
    }

    public long failed() {
        return failed;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
