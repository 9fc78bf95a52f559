package org.candor.app;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.cluster.ClusterMembers;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.Engine;
import org.candor.protocol.EventEncoder;

/**
 * The failover experiment behind {@code candor chaos failover}: three {@code candor node} processes, a pipelined
 * client sending a steady stream of deposits and orders, and K times a {@code kill -9} of the current leader. It
 * measures the time from the kill until a command sent after it is acknowledged, restarts the killed member, lets
 * it catch up, and at the end compares every acknowledged command with the final state of every member.
 */
final class FailoverChaos {
    /** Client id of the chaos client in the engine's command memory. */
    static final long CLIENT = 77;
    /**
     * Commands in flight: enough to keep the stream pipelined at a few thousand commands per second across a
     * loopback round trip, small enough that a failover's resend is a short burst.
     */
    static final int WINDOW = 256;
    /** The client driver's term buffers: 1 MiB, like the nodes', instead of the 16 MiB default per publication. */
    static final int CLIENT_TERM_LENGTH = 1024 * 1024;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** A failover measured here takes 1-2 s; far longer means the cluster is not recovering. */
    static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(30);
    /** A restarted member replays its log and catches up; tens of thousands of commands take a few seconds. */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * What to run.
     *
     * @param nodes      members: 3, or 1 for the single node, where a kill stops the exchange until the node is
     *                   restarted (at once) and the measured time is that outage
     * @param kills      leaders to kill, one at a time
     * @param rate       commands per second the client sends
     * @param steady     time under load before the first kill and after each catch-up
     * @param root       directory of the members, the client's driver and the logs
     * @param portBase   the cluster's port base
     */
    record Settings(int nodes, int kills, int rate, Duration steady, Path root, int portBase) {
    }

    /** The measured failovers (ms) and the audit of the final state. */
    record Outcome(List<Long> failoverMs, ChaosWorkload.Audit audit, boolean membersAgree) {
        long failoverMsMax() {
            return failoverMs.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        boolean clean() {
            return membersAgree && audit.lost() == 0 && audit.duplicated() == 0
                && audit.applied() == audit.acknowledged();
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final ChaosWorkload workload = new ChaosWorkload();
    private final BackoffIdleStrategy idle = new BackoffIdleStrategy();
    private ExchangeClient client;
    private long streamStartNs;
    private long sent;
    private int killedLeader = -1;
    private long newLeaderNs;

    FailoverChaos(final Settings settings, final PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Outcome run() throws Exception {
        final ClusterMembers members = new ClusterMembers(settings.nodes(), settings.portBase());
        final List<Long> failovers = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(settings.root(), members, List.of("--snapshot-on-stop"));
             MediaDriver driver = MediaDriver.launch(clientDriver(settings.root().resolve("client-driver")))) {
            cluster.startAll();
            client = connect(driver.aeronDirectoryName(), members.ingressEndpoints());
            try {
                workload.setUp(client);
                out.printf("chaos setup done leader=%d%n", client.leaderMemberId());
                streamStartNs = System.nanoTime();
                pump(settings.steady(), () -> false);
                for (int kill = 1; kill <= settings.kills(); kill++) {
                    failovers.add(killLeader(cluster, kill));
                }
                pumpUntil("drain", DRAIN_TIMEOUT, () -> client.inFlight() == 0, false);
            } finally {
                client.close();
            }
            awaitAgreement(cluster);
            cluster.stopAll();
            return new Outcome(failovers, audit(cluster), digestsAgree(cluster));
        }
    }

    /** Kills the leader, measures the failover, restarts the member and waits until it caught up. */
    private long killLeader(final LocalCluster cluster, final int kill) throws Exception {
        final int leader = leader(cluster);
        workload.watchFrom(client.nextCommandId());
        final long killNs = System.nanoTime();
        cluster.kill(leader);
        killedLeader = leader;
        newLeaderNs = 0;
        final boolean single = cluster.members().count() == 1;
        if (single) {
            // Nobody else can lead: the outage lasts until the node is back and has replayed its log.
            cluster.restart(leader);
        }
        pumpUntil("failover", FAILOVER_TIMEOUT, () -> workload.watchAckNs() != 0, true);
        final long failoverMs = (workload.watchAckNs() - killNs) / 1_000_000;
        final long newLeaderMs = newLeaderNs == 0 ? -1 : (newLeaderNs - killNs) / 1_000_000;
        if (!single) {
            cluster.restart(leader);
        }
        final long restartNs = System.nanoTime();
        final long target = workload.acknowledged();
        pumpUntil("catch-up", CATCH_UP_TIMEOUT, () -> applied(cluster, leader) >= target, true);
        final long catchUpMs = (System.nanoTime() - restartNs) / 1_000_000;
        out.printf("kill=%d leader=%d failover_ms=%d new_leader=%d new_leader_heard_ms=%d catch_up_ms=%d "
            + "acknowledged=%d%n", kill, leader, failoverMs, client.leaderMemberId(), newLeaderMs, catchUpMs,
            workload.acknowledged());
        out.flush();
        pump(settings.steady(), () -> false);
        return failoverMs;
    }

    /** The member whose status says it leads, if exactly one does; otherwise the leader the client follows. */
    private int leader(final LocalCluster cluster) throws IOException {
        int leader = -1;
        for (int id = 0; id < cluster.members().count(); id++) {
            if ("LEADER".equals(cluster.status(id).getProperty("role"))) {
                if (leader >= 0) {
                    return client.leaderMemberId();
                }
                leader = id;
            }
        }
        return leader >= 0 ? leader : client.leaderMemberId();
    }

    private static long applied(final LocalCluster cluster, final int id) {
        try {
            return Long.parseLong(cluster.status(id).getProperty("applied", "-1"));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private ExchangeClient connect(final String aeronDir, final String ingress) throws InterruptedException {
        final long deadlineNs = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (true) {
            try {
                return ExchangeClient.connect(new ExchangeClient.Config(aeronDir, ingress, CLIENT, 1, WINDOW),
                    workload::onResult, null);
            } catch (RuntimeException e) {
                if (System.nanoTime() - deadlineNs > 0) {
                    throw new IllegalStateException("reason=no-leader timeoutMs=" + CONNECT_TIMEOUT.toMillis(), e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Sends at the configured rate for {@code duration}. */
    private void pump(final Duration duration, final BooleanSupplier done) {
        final long endNs = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() - endNs < 0 && !done.getAsBoolean()) {
            step(true);
        }
    }

    /** Sends (or only polls) until {@code done}; throws if it takes longer than {@code timeout}. */
    private void pumpUntil(final String what, final Duration timeout, final BooleanSupplier done, final boolean send) {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new IllegalStateException("reason=" + what + "-timeout timeoutMs=" + timeout.toMillis()
                    + " inFlight=" + client.inFlight());
            }
            step(send);
        }
    }

    /** One step: the next command if the rate and the window allow it, else the client's background work. */
    private void step(final boolean send) {
        if (newLeaderNs == 0 && client.leaderMemberId() != killedLeader) {
            newLeaderNs = System.nanoTime();
        }
        final long dueCount = (System.nanoTime() - streamStartNs) * settings.rate() / 1_000_000_000L;
        if (send && sent < dueCount && client.inFlight() < WINDOW && workload.hasNext()) {
            workload.sendNext(client);
            sent++;
            idle.reset();
        } else {
            idle.idle(client.poll());
        }
    }

    /** Waits until every member reports the same digest and the same count of applied commands. */
    private static void awaitAgreement(final LocalCluster cluster) throws Exception {
        final long deadlineNs = System.nanoTime() + AGREEMENT_TIMEOUT.toNanos();
        while (true) {
            final Properties first = cluster.status(0);
            boolean agree = first.getProperty("digest") != null;
            for (int id = 1; id < cluster.members().count() && agree; id++) {
                final Properties other = cluster.status(id);
                agree = first.getProperty("digest").equals(other.getProperty("digest"))
                    && first.getProperty("applied").equals(other.getProperty("applied"));
            }
            if (agree) {
                return;
            }
            if (System.nanoTime() - deadlineNs > 0) {
                throw new IllegalStateException("reason=members-disagree timeoutMs=" + AGREEMENT_TIMEOUT.toMillis());
            }
            Thread.sleep(NodeCommand.STATUS_INTERVAL_MS);
        }
    }

    private ChaosWorkload.Audit audit(final LocalCluster cluster) throws IOException {
        return workload.audit(restore(cluster, 0));
    }

    private static boolean digestsAgree(final LocalCluster cluster) throws IOException {
        final long digest = restore(cluster, 0).recomputeDigest();
        for (int id = 1; id < cluster.members().count(); id++) {
            if (restore(cluster, id).recomputeDigest() != digest) {
                return false;
            }
        }
        return true;
    }

    /** The engine a member had when it stopped, from the snapshot it wrote then. */
    private static Engine restore(final LocalCluster cluster, final int id) throws IOException {
        final byte[] bytes = Files.readAllBytes(cluster.dir(id).resolve(NodeCommand.STOP_SNAPSHOT_FILE));
        return Engine.restore(NodeCommand.CAPACITY, new EventEncoder((buffer, offset, length) -> {
        }), new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static MediaDriver.Context clientDriver(final Path dir) {
        return new MediaDriver.Context()
            .aeronDirectoryName(dir.toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(CLIENT_TERM_LENGTH)
            .ipcTermBufferLength(CLIENT_TERM_LENGTH)
            .publicationConnectionTimeoutNs(EmbeddedNode.PUBLICATION_CONNECTION_TIMEOUT_NS)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
    }
}
