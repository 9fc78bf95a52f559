package org.candor.cluster;

import io.aeron.Counter;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.AeronException;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.NoOpLock;
import org.agrona.concurrent.status.AtomicCounter;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.journal.JournalFormat;

/**
 * One Candor node in this process: a media driver, an archive and a consensus module (a
 * {@link ClusteredMediaDriver}) and a {@link ClusteredServiceContainer} running the {@link ExchangeService}, all
 * their files under one directory. It is one member of a cluster of {@link ClusterMembers}: a single node (one
 * member, every command committed once it is in the local log) or a member of three or five on loopback (a command
 * is committed once a majority has it in its log). A restart on the same directory resumes from the latest snapshot
 * plus the log after it; a member of a larger cluster then catches up from the leader.
 *
 * <p>Tuned for small machines (see {@code docs/OPERATIONS.md} and the measurements behind it): backoff idling
 * instead of busy spinning, one shared thread each for the driver and the archive, 4 MiB log terms and 1 MiB
 * publication and IPC terms; and for failover in about 1.5 s: a 1 s leader heartbeat timeout and a 300 ms election
 * timeout. Every setting is a named constant below with the reason for its value.
 *
 * <p>The JVM needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} on Java 17 and later (Agrona's
 * buffers use it); the build's surefire configuration passes it.
 *
 * <p>Close it (consensus module, then service container, then archive and driver): Aeron's
 * threads are not daemons and keep the JVM alive.
 */
public final class EmbeddedNode implements AutoCloseable {
    /** Loopback only: members and clients are on this machine. */
    static final String HOST = ClusterMembers.HOST;
    /** Ports used per member, counted from its own base (see {@link ClusterMembers}). */
    public static final int PORTS_PER_NODE = ClusterMembers.PORTS_PER_MEMBER;
    /**
     * Term length of the replicated log. The 64 MiB default multiplies resident memory (three terms per log
     * buffer, on the leader and in the archive); 4 MiB measured no throughput loss and cuts a node from about
     * 1.4 GB to 0.3 GB resident. The largest command is term length / 8 = 512 KiB, far above any command.
     */
    static final String LOG_TERM_LENGTH = "4m";
    /** Term length of other publications (egress, snapshots, archive control): 1 MiB, for the same reason. */
    static final int PUBLICATION_TERM_LENGTH = 1024 * 1024;
    /** Term length of IPC publications (snapshots, local archive control): 1 MiB, as above. */
    static final int IPC_TERM_LENGTH = 1024 * 1024;
    /**
     * Archive fsync level: 0 leaves flushing to the OS. A process crash loses nothing (the page cache survives it);
     * a power loss can lose the last moments of the log. A single node that must survive power loss should use 1;
     * the replicated cluster (three nodes) gets durability from a majority instead. Measured cost is to come.
     */
    static final int ARCHIVE_FILE_SYNC_LEVEL = 0;
    /**
     * Largest UDP frame of the log, ingress and egress channels. Aeron's default (1,408 bytes, an Ethernet frame)
     * splits a batch of commands or of events into fragments that the receiver copies back together; on loopback and
     * on networks with jumbo frames 8 KiB carries a whole batch in one frame. Measured: 275k commands/s with the
     * default, 674k with 8 KiB (docs/BENCHMARKS.md).
     */
    public static final int MTU_LENGTH = 8192;
    /**
     * A publication that hears no status message from its receiver for this long counts as not connected, and
     * starts looking for a receiver again. Aeron's 5 s default keeps a client writing into the void for 5 s after a
     * single node died and came back (its new receiver only answers a publication that looks for it); 1 s is many
     * status-message intervals on loopback. Clients of a node should use the same in their own media driver.
     */
    public static final long PUBLICATION_CONNECTION_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(1);
    /**
     * A client session with no message or keep-alive for this long is closed. Aeron's default, 10 s: clients send
     * keep-alives every second ({@link ExchangeClient#KEEP_ALIVE_INTERVAL_NS}).
     */
    static final long SESSION_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    /**
     * A follower that hears nothing from the leader for this long starts an election. Aeron's 10 s default means
     * ~11 s without a leader after a crash; 1 s measured 1.50-1.65 s to a new leader on loopback, 800 ms brings it
     * under the 1.5 s goal. Lower risks needless elections when a loaded 2-core machine pauses a JVM (a full GC, a
     * descheduled thread); the collector's pauses here are a few milliseconds.
     */
    static final long LEADER_HEARTBEAT_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(800);
    /**
     * The leader's heartbeat when it has nothing else to send: 100 ms, eight beats per heartbeat timeout, so several
     * late beats in a row do not trigger an election.
     */
    static final long LEADER_HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * How long an election round waits (for votes, for a quorum to answer a canvass) before it tries again: 300 ms
     * is many loopback round trips and keeps a failed round short (measured together with the 1 s heartbeat).
     */
    static final long ELECTION_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(300);
    /**
     * A member starting with others missing waits this long for all of them before electing with a majority.
     * Aeron requires a multiple of the heartbeat timeout; 5 s covers members started one after another by hand or
     * by a script, where the 60 s default would leave a cluster with one member down unavailable for a minute.
     */
    static final long STARTUP_CANVASS_TIMEOUT_NS = 5 * LEADER_HEARTBEAT_TIMEOUT_NS;

    private final Path dir;
    private final ClusterMembers members;
    private final int memberId;
    private final byte[] clientSecret;
    private final ExchangeService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private volatile Throwable firstError;

    private EmbeddedNode(final Path dir, final ClusterMembers members, final int memberId,
        final EngineCapacity capacity, final byte[] clientSecret) {
        members.checkMember(memberId);
        this.dir = dir;
        this.clientSecret = clientSecret == null ? null : clientSecret.clone();
        this.members = members;
        this.memberId = memberId;
        this.service = new ExchangeService(capacity, eventJournalDir(), JournalFormat.SEGMENT_BYTES_DEFAULT);
        final String aeronDir = aeronDirectoryName(dir);
        final Archive.Context archive = archiveContext(aeronDir);
        final AeronArchive.Context archiveClient = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archive.localControlChannel())
            .controlRequestStreamId(archive.localControlStreamId())
            .controlResponseChannel(archive.localControlChannel())
            .aeronDirectoryName(aeronDir);
        ClusteredMediaDriver launched = null;
        try {
            launched = ClusteredMediaDriver.launch(driverContext(aeronDir), archive,
                consensusContext(aeronDir, archiveClient.clone()));
            this.container = ClusteredServiceContainer.launch(new ClusteredServiceContainer.Context()
                .aeronDirectoryName(aeronDir)
                .archiveContext(archiveClient.clone())
                .clusterDir(clusterDir())
                .clusteredService(service)
                .serviceId(0)
                .idleStrategySupplier(WakefulIdleStrategy::new)
                .terminationHook(EmbeddedNode::noTerminationAction)
                .errorHandler(this::onError));
        } catch (RuntimeException e) {
            CloseHelper.quietClose(launched);
            throw e;
        }
        this.driver = launched;
    }

    /**
     * Starts a single node (a cluster of one) on {@code dir} (created if missing; an existing node's data is
     * resumed), with its ports counted from {@code portBase} ({@link #PORTS_PER_NODE} of them).
     */
    public static EmbeddedNode launch(final Path dir, final int portBase, final EngineCapacity capacity) {
        return new EmbeddedNode(dir, new ClusterMembers(1, portBase), 0, capacity, null);
    }

    /**
     * Starts member {@code memberId} of {@code members} on {@code dir}; the other members run elsewhere (other
     * processes, or other nodes in this one). Every member must be given the same members and engine capacity.
     */
    public static EmbeddedNode launchMember(final Path dir, final ClusterMembers members, final int memberId,
        final EngineCapacity capacity) {
        return new EmbeddedNode(dir, members, memberId, capacity, null);
    }

    /**
     * Starts member {@code memberId} that admits only clients proving their client id with a token derived from
     * {@code clientSecret} ({@link ClientCredentials}). Every member must be given the same secret.
     */
    public static EmbeddedNode launchMember(final Path dir, final ClusterMembers members, final int memberId,
        final EngineCapacity capacity, final byte[] clientSecret) {
        if (clientSecret.length < ClientCredentials.SECRET_BYTES_MIN) {
            throw new IllegalArgumentException("reason=secret-too-short bytes=" + clientSecret.length);
        }
        return new EmbeddedNode(dir, members, memberId, capacity, clientSecret);
    }

    private MediaDriver.Context driverContext(final String aeronDir) {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new WakefulIdleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(PUBLICATION_TERM_LENGTH)
            .ipcTermBufferLength(IPC_TERM_LENGTH)
            .publicationConnectionTimeoutNs(PUBLICATION_CONNECTION_TIMEOUT_NS)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(this::onError);
    }

    private Archive.Context archiveContext(final String aeronDir) {
        return new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(dir.resolve("archive").toFile())
            .controlChannel(udp(ClusterMembers.ARCHIVE_CONTROL_PORT_OFFSET))
            .replicationChannel("aeron:udp?endpoint=" + HOST + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(WakefulIdleStrategy::new)
            .fileSyncLevel(ARCHIVE_FILE_SYNC_LEVEL)
            .catalogFileSyncLevel(ARCHIVE_FILE_SYNC_LEVEL)
            .deleteArchiveOnStart(false)
            .errorHandler(this::onError);
    }

    private ConsensusModule.Context consensusContext(final String aeronDir, final AeronArchive.Context archive) {
        return new ConsensusModule.Context()
            .aeronDirectoryName(aeronDir)
            .clusterMemberId(memberId)
            .clusterMembers(members.aeronMembers())
            .clusterDir(clusterDir())
            .ingressChannel(udp(ClusterMembers.INGRESS_PORT_OFFSET))
            // A client on this node's media driver may send over shared memory (see ExchangeClient.IPC_INGRESS).
            .isIpcIngressAllowed(true)
            .logChannel("aeron:udp?term-length=" + LOG_TERM_LENGTH + "|mtu=" + MTU_LENGTH)
            .replicationChannel("aeron:udp?endpoint=" + HOST + ":0")
            .archiveContext(archive)
            .serviceCount(1)
            .authenticatorSupplier(() -> new ClientAuthenticator(clientSecret))
            .sessionTimeoutNs(SESSION_TIMEOUT_NS)
            .leaderHeartbeatTimeoutNs(LEADER_HEARTBEAT_TIMEOUT_NS)
            .leaderHeartbeatIntervalNs(LEADER_HEARTBEAT_INTERVAL_NS)
            .electionTimeoutNs(ELECTION_TIMEOUT_NS)
            .startupCanvassTimeoutNs(STARTUP_CANVASS_TIMEOUT_NS)
            .idleStrategySupplier(WakefulIdleStrategy::new)
            .deleteDirOnStart(false)
            .terminationHook(EmbeddedNode::noTerminationAction)
            .errorHandler(this::onError);
    }

    private String udp(final int portOffset) {
        return "aeron:udp?endpoint=" + members.endpoint(memberId, portOffset);
    }

    private File clusterDir() {
        return dir.resolve("cluster").toFile();
    }

    /**
     * The node stops by being closed by its owner; Aeron's default would be to wait on a shutdown signal barrier,
     * which keeps a failed JVM alive.
     */
    private static void noTerminationAction() {
    }

    /**
     * Aeron reports warnings through the same handler as errors (a leader's heartbeat timing out in a failover, an
     * archive control request for a session that just closed): they are printed, not kept as the node's error.
     */
    private void onError(final Throwable error) {
        final boolean warning = error instanceof AeronException aeron
            && aeron.category() == AeronException.Category.WARN;
        if (!warning && firstError == null) {
            firstError = error;
        }
        System.err.println(warning ? "candor-node warning:" : "candor-node error:");
        error.printStackTrace(System.err);
    }

    /** Every member's ingress endpoint, in Aeron's {@code id=host:port,...} form: what a client connects to. */
    public String ingressEndpoints() {
        return members.ingressEndpoints();
    }

    /** What a client in this process (on this node's media driver) connects to: see {@link
     * ClusterMembers#localClientIngress()}. */
    public String localClientIngress() {
        return members.localClientIngress();
    }

    /**
     * The node's committed-event journal: what the read side follows with an
     * {@link org.candor.journal.EventJournalReader}, from this process or another on the same machine.
     */
    public Path eventJournalDir() {
        return eventJournalDir(dir);
    }

    /** The committed-event journal of the node whose directory is {@code nodeDir}. */
    public static Path eventJournalDir(final Path nodeDir) {
        return nodeDir.resolve("events");
    }

    /** This member's id in its cluster (0 for a single node). */
    public int memberId() {
        return memberId;
    }

    /** The media driver directory; a client in this process can share the node's driver. */
    public String aeronDirectoryName() {
        return aeronDirectoryName(dir);
    }

    /**
     * The media driver directory of the node whose directory is {@code nodeDir}: a client in another process on
     * the same machine (a gateway) sends through it.
     */
    public static String aeronDirectoryName(final Path nodeDir) {
        return nodeDir.resolve("driver").toString();
    }

    public ExchangeService service() {
        return service;
    }

    /** The first error any component reported (warnings aside), or null. */
    public Throwable firstError() {
        return firstError;
    }

    /**
     * Takes a snapshot now, as an operator's control toggle would, and waits until the consensus module has
     * recorded it. This goes through the node's own control counter, so it needs no authorisation service.
     *
     * @throws IllegalStateException if no snapshot completed within {@code timeout}
     */
    public void takeSnapshot(final Duration timeout) {
        final ConsensusModule.Context context = driver.consensusModule().context();
        final Counter snapshots = context.snapshotCounter();
        final long before = snapshots.get();
        final AtomicCounter toggle = ClusterControl.findControlToggle(
            driver.mediaDriver().context().countersManager(), context.clusterId());
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        while (!ClusterControl.ToggleState.SNAPSHOT.toggle(toggle)) {
            checkDeadline(deadlineNs, "snapshot-toggle-busy");
            idle.idle();
        }
        while (snapshots.get() <= before) {
            checkDeadline(deadlineNs, "snapshot-not-taken");
            idle.idle();
        }
    }

    /**
     * Reads the engine on the service thread between two commands and waits for the answer. The reader must only
     * read: a change would not be in the log, and the replicas would no longer agree.
     *
     * @throws IllegalStateException if the service did not answer within {@code timeout}
     */
    public <T> T read(final Function<Engine, T> reader, final Duration timeout) {
        try {
            return service.query(reader).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reason=read-interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reason=read-failed memberId=" + memberId, e);
        }
    }

    /**
     * Deletes the liveness mark files a node killed with {@code kill -9} leaves behind in {@code dir}; without this a
     * restart within about 10 s fails with "active Mark file detected". Only call it once the old process is known
     * to be dead: a live node's marks are what stop two nodes from sharing one directory.
     */
    public static void removeStaleMarkFiles(final Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("archive").resolve("archive-mark.dat"));
        final Path cluster = dir.resolve("cluster");
        Files.deleteIfExists(cluster.resolve("cluster-mark.dat"));
        if (Files.isDirectory(cluster)) {
            try (DirectoryStream<Path> marks = Files.newDirectoryStream(cluster, "cluster-mark-service-*.dat")) {
                for (final Path mark : marks) {
                    Files.delete(mark);
                }
            }
        }
    }

    private static void checkDeadline(final long deadlineNs, final String reason) {
        if (System.nanoTime() - deadlineNs > 0) {
            throw new IllegalStateException("reason=" + reason);
        }
    }

    /**
     * Closes the consensus module first (so nothing new is sequenced), then the service container, then the archive
     * and media driver the other two depend on.
     */
    @Override
    public void close() {
        CloseHelper.closeAll(driver.consensusModule(), container, driver);
        service.closeJournal();
    }
}
