package org.candor.readmodel;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One embedded PostgreSQL for the whole test JVM (starting one costs about a second) and a fresh schema per test.
 * Its files are in a new directory under the system's temporary directory, not under target/: run as root, the
 * server runs as an unprivileged user, who could not reach a checkout under /root. At JVM exit the server stops and
 * the directory is deleted.
 */
final class TestDatabases {
    private static Path directory;
    /** Tests need no durability; these settings make commits cheap. */
    private static final Map<String, String> FAST = Map.of("fsync", "off", "synchronous_commit", "off",
        "full_page_writes", "off");
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    static synchronized PostgresEndpoint endpoint() {
        if (server == null) {
            directory = EmbeddedPostgresSettings.newReachableDirectory("candor-readmodel-tests-");
            server = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(directory).withServerSettings(FAST));
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopAndDelete, "test-postgres-cleanup"));
        }
        return server.endpoint();
    }


    private static synchronized void stopAndDelete() {
        server.close();
        // Not IoUtil.delete: the binaries hold symbolic links, which it leaves behind.
        FileTree.delete(directory);
    }

    /** A migrated, empty schema of this name (dropped first if a previous run left it). */
    static ReadModelDatabase freshSchema(final String schema) {
        dropSchema(schema);
        return ReadModelDatabase.connect(endpoint(), schema, 3);
    }

    static void dropSchema(final String schema) {
        final PostgresEndpoint endpoint = endpoint();
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(),
            endpoint.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }
}
