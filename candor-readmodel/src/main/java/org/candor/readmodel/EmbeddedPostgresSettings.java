package org.candor.readmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * How to run the embedded PostgreSQL.
 *
 * @param directory      where its binaries and data live; kept across restarts
 * @param port           the TCP port on localhost, or 0 to pick a free one at each start
 * @param runAsUser      the unprivileged account the server runs as when this JVM is root (PostgreSQL refuses
 *                       root); its parent directories must be searchable by that account
 * @param serverSettings extra {@code postgresql.conf} settings, for example {@code fsync=off} in tests
 */
public record EmbeddedPostgresSettings(Path directory, int port, String runAsUser,
    Map<String, String> serverSettings) {
    /** The account PostgreSQL runs as under root: present on every Linux system. */
    public static final String DEFAULT_RUN_AS_USER = "nobody";

    public EmbeddedPostgresSettings {
        if (directory == null) {
            throw new IllegalArgumentException("the embedded PostgreSQL needs a directory");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: port=" + port);
        }
        runAsUser = runAsUser == null ? DEFAULT_RUN_AS_USER : runAsUser;
        serverSettings = Map.copyOf(serverSettings);
    }

    /**
     * A server in {@code directory} on a free port, tuned for a projector that writes much and reads little.
     * Commits do not wait for the disk (synchronous_commit=off): a crash may lose the last few commits, but each
     * commit carries its own last applied sequence, so the projector resumes from what survived and loses nothing.
     * A larger buffer cache (the default 128 MB made backends write out dirty pages themselves) and rarer
     * checkpoints (fewer full-page images in the WAL) each cut the server's CPU per event by about a quarter in
     * the projection benchmark.
     */
    /**
     * A new directory under the system's temporary directory that the server can reach when it runs as an
     * unprivileged user (run as root; see {@link #DEFAULT_RUN_AS_USER}): for tests and benchmarks, whose checkout
     * may sit where that user cannot go (under /root). The caller deletes it ({@link FileTree#delete}).
     */
    public static Path newReachableDirectory(final String prefix) {
        try {
            final Path created = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxr-xr-x"));
            return created;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a directory for an embedded PostgreSQL", e);
        }
    }

    public static EmbeddedPostgresSettings in(final Path directory) {
        return new EmbeddedPostgresSettings(directory, 0, DEFAULT_RUN_AS_USER, Map.of("synchronous_commit", "off",
            "shared_buffers", "512MB", "max_wal_size", "4GB", "checkpoint_timeout", "15min"));
    }

    public EmbeddedPostgresSettings withPort(final int newPort) {
        return new EmbeddedPostgresSettings(directory, newPort, runAsUser, serverSettings);
    }

    public EmbeddedPostgresSettings withServerSettings(final Map<String, String> settings) {
        return new EmbeddedPostgresSettings(directory, port, runAsUser, settings);
    }
}
