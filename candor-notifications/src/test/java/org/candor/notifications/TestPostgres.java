package org.candor.notifications;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.candor.readmodel.EmbeddedPostgres;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.FileTree;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL 17 per test JVM, started with the read model's launcher, and a new database per caller so
 * tests never see each other's rows. Its files are under the system's temporary directory (reachable by the
 * unprivileged user the server runs as under root) and are deleted at JVM exit.
 */
final class TestPostgres {
    /** Tests need no durability; these make commits cheap. */
    private static final Map<String, String> FAST = Map.of("fsync", "off", "synchronous_commit", "off",
        "full_page_writes", "off");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Path directory;

    private TestPostgres() {
    }

    /** A new, empty database. */
    static synchronized DataSource freshDatabase() {
        if (server == null) {
            directory = EmbeddedPostgresSettings.newReachableDirectory("candor-notifications-tests-");
            server = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(directory).withServerSettings(FAST));
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopAndDelete, "test-postgres-cleanup"));
        }
        final String name = "notifications_test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server.endpoint().jdbcUrl(),
            EmbeddedPostgres.SUPERUSER, ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("reason=create-database-failed name=" + name, e);
        }
        final String serverUrl = server.endpoint().jdbcUrl();
        final PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name);
        dataSource.setUser(EmbeddedPostgres.SUPERUSER);
        return dataSource;
    }

    private static synchronized void stopAndDelete() {
        server.close();
        // Not a plain recursive delete: the binaries hold symbolic links.
        FileTree.delete(directory);
    }
}
