package org.candor.readmodel;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One embedded PostgreSQL for the whole test JVM (starting one costs about a second), under target/, and a fresh
 * schema per test. The server stops at JVM exit; its data directory is reused by the next run.
 */
final class TestDatabases {
    private static final Path DIRECTORY = Path.of("target", "embedded-postgres-tests");
    /** Tests need no durability; these settings make commits cheap. */
    private static final Map<String, String> FAST = Map.of("fsync", "off", "synchronous_commit", "off",
        "full_page_writes", "off");
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    static synchronized PostgresEndpoint endpoint() {
        if (server == null) {
            server = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(DIRECTORY).withServerSettings(FAST));
        }
        return server.endpoint();
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
