package org.candor.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.candor.cluster.ClusterMembers;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.SnapshotSchedule;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.SnapshotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor node}: runs one member of a cluster on loopback until SIGTERM or Ctrl-C, then closes it in order.
 * While it runs it keeps a small status file ({@value #STATUS_FILE} in its directory: role, commands applied, engine
 * digest) fresh, so scripts and {@code candor chaos} can see which member leads and whether a member caught up.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run one member of a Candor cluster on loopback until SIGTERM or Ctrl-C.")
final class NodeCommand implements Callable<Integer> {
    /** The status file, rewritten whole (write then rename) so a reader never sees half of it. */
    static final String STATUS_FILE = "node-status";
    /** The engine snapshot a clean stop writes with {@code --snapshot-on-stop}. */
    static final String STOP_SNAPSHOT_FILE = "engine-at-stop.snapshot";
    /** How often the status file is refreshed: fast enough to follow an election (~1.5 s), cheap when idle. */
    static final long STATUS_INTERVAL_MS = 100;
    /** Bound on one read of the engine for the status or the stop snapshot; the service answers between commands. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The engine of a cluster node: room for the chaos workload (thousands of users, a book of 100k resting orders)
     * at a few tens of MB per node, far below {@link EngineCapacity#DEFAULT}, which takes about 1 GB per node and
     * would not fit three nodes on a small machine. Every member of a cluster must use the same capacity.
     */
    static final EngineCapacity CAPACITY = new EngineCapacity(16_384, 16, 8, 65_536, 1 << 17, 2_048, 1 << 17,
        1_024, 1_024, 64, EngineCapacity.RESULTS_PER_CLIENT);

    @Option(names = "--id", required = true, description = "This member's id, 0 to members - 1.")
    int id;

    @Option(names = "--members", defaultValue = "3", description = "Members in the cluster: 1, 3 or 5 (default 3).")
    int members;

    @Option(names = "--dir", required = true, description = "This member's directory (created if missing).")
    Path dir;

    @Option(names = "--port-base", defaultValue = "30000",
        description = "Port of member 0's ingress; member N uses 5 ports from port-base + 5 N (default 30000).")
    int portBase;

    @Option(names = "--snapshot-on-stop", description = "On a clean stop, write the engine's snapshot to "
        + STOP_SNAPSHOT_FILE + " in the directory, for an audit of the final state.")
    boolean snapshotOnStop;

    @Option(names = "--client-secret-file", description = "File holding the cluster's client secret (at least 32 "
        + "bytes). With it, only clients with the token for their client id connect (candor client-token); without "
        + "it, a client is bound to the id it claims.")
    Path clientSecretFile;

    @Option(names = "--snapshot-interval-s", description = "Seconds between snapshots taken by the leader; 0 for none "
        + "(default 600). A restart replays the log since the last snapshot.")
    long snapshotIntervalSeconds = SnapshotSchedule.INTERVAL_DEFAULT.toSeconds();

    private final PrintStream out = System.out;

    /**
     * A failure anywhere halts the JVM: Aeron's threads are not daemons and its contexts wait for a shutdown
     * signal, so a main that only throws would leave a half-started node running until someone kills it.
     */
    @Override
    public Integer call() {
        try {
            run();
            return 0;
        } catch (Exception | Error e) {
            System.err.println("candor-node fatal: reason=" + e);
            e.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(1);
            return 1;
        }
    }

    private void run() throws Exception {
        final ClusterMembers cluster = new ClusterMembers(members, portBase);
        Files.createDirectories(dir);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier()) {
            final EmbeddedNode node = clientSecretFile == null
                ? EmbeddedNode.launchMember(dir, cluster, id, CAPACITY)
                : EmbeddedNode.launchMember(dir, cluster, id, CAPACITY, Files.readAllBytes(clientSecretFile));
            final ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(NodeCommand::daemon);
            try (node; SnapshotSchedule snapshots = snapshotSchedule(node)) {
                out.printf("node id=%d members=%d dir=%s ingress=%s%n", id, members, dir, cluster.ingressEndpoints());
                out.flush();
                status.scheduleWithFixedDelay(() -> writeStatus(node), 0, STATUS_INTERVAL_MS, TimeUnit.MILLISECONDS);
                barrier.await();
                status.shutdownNow();
                status.awaitTermination(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (snapshotOnStop) {
                    writeAtomically(dir.resolve(STOP_SNAPSHOT_FILE), node.read(NodeCommand::snapshot, READ_TIMEOUT));
                }
            } finally {
                status.shutdownNow();
            }
            out.printf("node id=%d stopped%n", id);
        }
    }

    /** Null (nothing to close) when scheduled snapshots are off. */
    private SnapshotSchedule snapshotSchedule(final EmbeddedNode node) {
        if (snapshotIntervalSeconds < 0) {
            throw new IllegalArgumentException("reason=negative-snapshot-interval seconds=" + snapshotIntervalSeconds);
        }
        if (snapshotIntervalSeconds == 0) {
            return null;
        }
        return SnapshotSchedule.start(node, Duration.ofSeconds(snapshotIntervalSeconds), line -> {
            out.println(line);
            out.flush();
        });
    }

    private static Thread daemon(final Runnable task) {
        final Thread thread = new Thread(task, "candor-node-status");
        thread.setDaemon(true);
        return thread;
    }

    /** Never throws: a failed refresh leaves the last status in place, and the next one tries again. */
    private void writeStatus(final EmbeddedNode node) {
        try {
            final long digest = node.read(Engine::digest, READ_TIMEOUT);
            final String text = "id=" + id + "\nrole=" + node.service().role() + "\napplied="
                + node.service().commandsApplied() + "\ndigest=" + Long.toHexString(digest) + "\n";
            writeAtomically(dir.resolve(STATUS_FILE), text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            System.err.println("candor-node status not written: reason=" + e);
        }
    }

    static byte[] snapshot(final Engine engine) {
        final SnapshotWriter writer = new SnapshotWriter();
        engine.writeSnapshot(writer);
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    private static void writeAtomically(final Path file, final byte[] bytes) throws IOException {
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
