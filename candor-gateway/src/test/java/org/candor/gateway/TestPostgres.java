package org.candor.gateway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (17, from the pinned embedded binaries) started once per test JVM and stopped by its shutdown
 * hook. Each caller gets a database of its own, so test classes never see each other's rows.
 */
final class TestPostgres {
    static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new, empty database. */
    static DataSource freshDatabase() {
        final String name = createDatabase();
        return server.getDatabase("postgres", name);
    }

    /** A new, empty database's JDBC URL; its user is {@link #USER}, with no password. */
    static String freshJdbcUrl() {
        final String name = createDatabase();
        return server.getJdbcUrl(USER, name);
    }

    private static synchronized String createDatabase() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        final String name = "gateway_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("reason=create-database-failed name=" + name, e);
        }
        return name;
    }
}
