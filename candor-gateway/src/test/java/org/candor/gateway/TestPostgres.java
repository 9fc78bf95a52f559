package org.candor.gateway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.candor.readmodel.EmbeddedPostgres;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.FileTree;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL (17, from the pinned embedded binaries, started by the read model's launcher, the one the
 * application uses) started once per test JVM. Each caller gets a database of its own, so test classes never see
 * each other's rows. Its files are in a new directory under the system's temporary directory, reachable by the
 * unprivileged user the server runs as when the tests run as root; at JVM exit the server stops and the directory
 * is deleted.
 */
final class TestPostgres {
    static final String USER = EmbeddedPostgres.SUPERUSER;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Path directory;

    private TestPostgres() {
    }

    /** A new, empty database. */
    static DataSource freshDatabase() {
        final PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(freshJdbcUrl());
        dataSource.setUser(USER);
        return dataSource;
    }

    /** A new, empty database's JDBC URL; its user is {@link #USER}, with no password. */
    static String freshJdbcUrl() {
        return jdbcUrl(createDatabase());
    }

    private static String jdbcUrl(final String database) {
        final String serverUrl = server.endpoint().jdbcUrl();
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
    }

    private static synchronized String createDatabase() {
        if (server == null) {
            directory = EmbeddedPostgresSettings.newReachableDirectory("candor-gateway-tests-");
            server = EmbeddedPostgres.start(EmbeddedPostgresSettings.in(directory));
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopAndDelete, "test-postgres-cleanup"));
        }
        final String name = "gateway_test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server.endpoint().jdbcUrl(), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("reason=create-database-failed name=" + name, e);
        }
        return name;
    }


    private static synchronized void stopAndDelete() {
        server.close();
        // Not IoUtil.delete: the binaries hold symbolic links, which it leaves behind.
        FileTree.delete(directory);
    }
}
