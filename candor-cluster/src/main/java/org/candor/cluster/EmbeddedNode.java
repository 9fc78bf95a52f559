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
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.NoOpLock;
import org.agrona.concurrent.status.AtomicCounter;
import org.candor.engine.EngineCapacity;

/**
 * One Candor node in this process: a media driver, an archive and a consensus module (a
 * {@link ClusteredMediaDriver}) and a {@link ClusteredServiceContainer} running the {@link ExchangeService}, all
 * their files under one directory. It is a cluster of one member: every command is committed once it is in the
 * local log, and a restart on the same directory resumes from the latest snapshot plus the log after it.
 *
 * <p>Tuned for small machines (see {@code docs/OPERATIONS.md} and the measurements behind it): backoff idling
 * instead of busy spinning, one shared thread each for the driver and the archive, 4 MiB log terms and 1 MiB
 * publication and IPC terms. Every setting is a named constant below with the reason for its value.
 *
 * <p>The JVM needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} on Java 17 and later (Agrona's
 * buffers use it); the build's surefire configuration passes it.
 *
 * <p>Close it (consensus module, then service container, then archive and driver): Aeron's
 * threads are not daemons and keep the JVM alive.
 */
public final class EmbeddedNode implements AutoCloseable {
    /** Loopback only: a single node serves clients in this process or on this machine. */
    static final String HOST = "127.0.0.1";
    /** The one member of a cluster of one. */
    static final int MEMBER_ID = 0;
    /** Ports used, counted from the port base: client ingress, consensus, log, catch-up, archive control. */
    static final int PORTS_PER_NODE = 5;
    static final int INGRESS_PORT_OFFSET = 0;
    static final int CONSENSUS_PORT_OFFSET = 1;
    static final int LOG_PORT_OFFSET = 2;
    static final int CATCHUP_PORT_OFFSET = 3;
    static final int ARCHIVE_CONTROL_PORT_OFFSET = 4;
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
     * A client session with no message or keep-alive for this long is closed. Aeron's default, 10 s: clients send
     * keep-alives every second ({@link ExchangeClient#KEEP_ALIVE_INTERVAL_NS}).
     */
    static final long SESSION_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final Path dir;
    private final int portBase;
    private final ExchangeService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private volatile Throwable firstError;

    private EmbeddedNode(final Path dir, final int portBase, final EngineCapacity capacity) {
        this.dir = dir;
        this.portBase = portBase;
        this.service = new ExchangeService(capacity);
        final String aeronDir = dir.resolve("driver").toString();
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
                .idleStrategySupplier(BackoffIdleStrategy::new)
                .terminationHook(EmbeddedNode::noTerminationAction)
                .errorHandler(this::onError));
        } catch (RuntimeException e) {
            CloseHelper.quietClose(launched);
            throw e;
        }
        this.driver = launched;
    }

    /**
     * Starts a node on {@code dir} (created if missing; an existing node's data is resumed), with its ports
     * counted from {@code portBase} ({@link #PORTS_PER_NODE} of them).
     */
    public static EmbeddedNode launch(final Path dir, final int portBase, final EngineCapacity capacity) {
        return new EmbeddedNode(dir, portBase, capacity);
    }

    private MediaDriver.Context driverContext(final String aeronDir) {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(PUBLICATION_TERM_LENGTH)
            .ipcTermBufferLength(IPC_TERM_LENGTH)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(this::onError);
    }

    private Archive.Context archiveContext(final String aeronDir) {
        return new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(dir.resolve("archive").toFile())
            .controlChannel(udp(ARCHIVE_CONTROL_PORT_OFFSET))
            .replicationChannel("aeron:udp?endpoint=" + HOST + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(BackoffIdleStrategy::new)
            .fileSyncLevel(ARCHIVE_FILE_SYNC_LEVEL)
            .catalogFileSyncLevel(ARCHIVE_FILE_SYNC_LEVEL)
            .deleteArchiveOnStart(false)
            .errorHandler(this::onError);
    }

    private ConsensusModule.Context consensusContext(final String aeronDir, final AeronArchive.Context archive) {
        return new ConsensusModule.Context()
            .aeronDirectoryName(aeronDir)
            .clusterMemberId(MEMBER_ID)
            .clusterMembers(members())
            .clusterDir(clusterDir())
            .ingressChannel(udp(INGRESS_PORT_OFFSET))
            .logChannel("aeron:udp?term-length=" + LOG_TERM_LENGTH)
            .replicationChannel("aeron:udp?endpoint=" + HOST + ":0")
            .archiveContext(archive)
            .serviceCount(1)
            .sessionTimeoutNs(SESSION_TIMEOUT_NS)
            .idleStrategySupplier(BackoffIdleStrategy::new)
            .deleteDirOnStart(false)
            .terminationHook(EmbeddedNode::noTerminationAction)
            .errorHandler(this::onError);
    }

    /** The member line Aeron parses: id, then ingress, consensus, log, catch-up and archive endpoints. */
    private String members() {
        return MEMBER_ID + "," + endpoint(INGRESS_PORT_OFFSET) + "," + endpoint(CONSENSUS_PORT_OFFSET) + ","
            + endpoint(LOG_PORT_OFFSET) + "," + endpoint(CATCHUP_PORT_OFFSET) + ","
            + endpoint(ARCHIVE_CONTROL_PORT_OFFSET);
    }

    private String endpoint(final int portOffset) {
        return HOST + ":" + (portBase + portOffset);
    }

    private String udp(final int portOffset) {
        return "aeron:udp?endpoint=" + endpoint(portOffset);
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

    private void onError(final Throwable error) {
        if (firstError == null) {
            firstError = error;
        }
        System.err.println("candor-node error:");
        error.printStackTrace(System.err);
    }

    /** The ingress endpoints a client connects to, in Aeron's {@code id=host:port} form. */
    public String ingressEndpoints() {
        return MEMBER_ID + "=" + endpoint(INGRESS_PORT_OFFSET);
    }

    /** The media driver directory; a client in this process can share the node's driver. */
    public String aeronDirectoryName() {
        return dir.resolve("driver").toString();
    }

    public ExchangeService service() {
        return service;
    }

    /** The first error any component reported, or null. */
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
    }
}
