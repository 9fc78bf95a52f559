package org.candor.app;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.candor.cluster.ClusterMembers;
import org.candor.cluster.EmbeddedNode;

/**
 * A cluster of {@code candor node} child processes on loopback, one directory per member under one root. It starts,
 * kills ({@code kill -9}), restarts and stops members, and reads each member's status file. Children are always
 * destroyed: by {@link #close()}, and by a shutdown hook if this JVM is stopped first.
 */
final class LocalCluster implements AutoCloseable {
    /** Agrona's buffers (and so Aeron's) use jdk.internal.misc on Java 17 and later. */
    static final String ADD_EXPORTS = "java.base/jdk.internal.misc=ALL-UNNAMED";
    /**
     * Child heap: a node's engine at {@link NodeCommand#CAPACITY} takes tens of MB; Aeron's buffers live outside the
     * heap. A bound keeps three nodes and their parent within a small machine's memory.
     */
    static final String HEAP_MAX = "-Xmx384m";
    /**
     * The serial collector: one GC thread instead of one per core, and pauses of a few milliseconds on a heap this
     * small, far below the 1 s leader heartbeat timeout that a long pause would trip.
     */
    static final String COLLECTOR = "-XX:+UseSerialGC";
    /** How long a member gets to stop cleanly after SIGTERM before it is killed. */
    static final long STOP_TIMEOUT_MS = 15_000;
    /** How long a killed process gets to disappear; the kernel reaps it in milliseconds. */
    static final long KILL_TIMEOUT_MS = 10_000;

    private final Path root;
    private final ClusterMembers members;
    private final List<String> nodeOptions;
    private final Process[] processes;
    private final Thread hook = new Thread(this::stopFromHook, "candor-local-cluster-stop");

    LocalCluster(final Path root, final ClusterMembers members, final List<String> nodeOptions) {
        this.root = root;
        this.members = members;
        this.nodeOptions = List.copyOf(nodeOptions);
        this.processes = new Process[members.count()];
        Runtime.getRuntime().addShutdownHook(hook);
    }

    ClusterMembers members() {
        return members;
    }

    Path dir(final int id) {
        return root.resolve("node-" + id);
    }

    /** Starts every member; they elect a leader among themselves. */
    void startAll() throws IOException {
        for (int id = 0; id < members.count(); id++) {
            start(id);
        }
    }

    /** Starts member {@code id} as a child JVM running {@code candor node}; its output goes to a log file. */
    void start(final int id) throws IOException {
        if (processes[id] != null && processes[id].isAlive()) {
            throw new IllegalStateException("reason=already-running id=" + id);
        }
        Files.createDirectories(dir(id));
        final List<String> command = new ArrayList<>(List.of(javaBinary(), "--add-exports", ADD_EXPORTS, HEAP_MAX,
            COLLECTOR, "-cp", System.getProperty("java.class.path"), Candor.class.getName(), "node",
            "--id", Integer.toString(id), "--members", Integer.toString(members.count()),
            "--dir", dir(id).toString(), "--port-base", Integer.toString(members.portBase())));
        command.addAll(nodeOptions);
        final Path log = root.resolve("node-" + id + ".log");
        processes[id] = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code kill -9} of member {@code id}, then waits until the process is gone. */
    void kill(final int id) throws InterruptedException {
        final Process process = processes[id];
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(KILL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("reason=kill-timeout id=" + id);
        }
    }

    /**
     * Starts a killed member again on its directory. Its process is known dead, so the mark files it left are stale
     * and removed; otherwise Aeron refuses to start for about 10 s ("active Mark file detected").
     */
    void restart(final int id) throws IOException {
        if (processes[id] != null && processes[id].isAlive()) {
            throw new IllegalStateException("reason=still-running id=" + id);
        }
        Files.deleteIfExists(dir(id).resolve(NodeCommand.STATUS_FILE));
        EmbeddedNode.removeStaleMarkFiles(dir(id));
        start(id);
    }

    boolean alive(final int id) {
        return processes[id] != null && processes[id].isAlive();
    }

    /** The member's last status (role, applied, digest), or an empty set before it wrote one. */
    Properties status(final int id) throws IOException {
        final Properties status = new Properties();
        try {
            status.load(new StringReader(Files.readString(dir(id).resolve(NodeCommand.STATUS_FILE),
                StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException e) {
            return status;
        }
        return status;
    }

    /** SIGTERM to every member, then waits for each to stop cleanly; one that does not is killed. */
    void stopAll() throws InterruptedException {
        for (final Process process : processes) {
            if (process != null) {
                process.destroy();
            }
        }
        final long deadlineMs = System.currentTimeMillis() + STOP_TIMEOUT_MS;
        for (final Process process : processes) {
            if (process != null) {
                final long leftMs = Math.max(1, deadlineMs - System.currentTimeMillis());
                if (!process.waitFor(leftMs, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(KILL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /**
     * On SIGTERM or Ctrl-C of this JVM: stop the members cleanly (bounded, then killed), as {@link #close()} would;
     * shutdown hooks run concurrently with the owner's own close, and stopping twice is harmless.
     */
    private void stopFromHook() {
        try {
            stopAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            destroyAll();
        }
    }

    /** Last resort: kill every child still alive. */
    private void destroyAll() {
        for (final Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stopAll();
        } finally {
            destroyAll();
            removeHook();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is already shutting down; the hook runs and finds every child gone.
            destroyAll();
        }
    }
}
