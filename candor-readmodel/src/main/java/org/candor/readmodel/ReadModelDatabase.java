package org.candor.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The read model's database: a connection pool on one schema of a PostgreSQL server, migrated to the current
 * version on open. The server is either external (production: a JDBC URL and credentials) or the embedded one,
 * which this object then owns and stops on close.
 *
 * <p>Every table lives in {@link #schema()}, Flyway's history table too, so another module can keep its own schema
 * and history in the same database. Connections have the schema as their search path, so SQL names tables bare.
 */
public final class ReadModelDatabase implements AutoCloseable {
    /** The schema the read model uses unless told otherwise. */
    public static final String DEFAULT_SCHEMA = "readmodel";
    /** Connections in the pool: the projector uses one, queries the rest. */
    public static final int DEFAULT_POOL_SIZE = 4;
    static final String MIGRATIONS = "classpath:db/readmodel";
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String schema;
    private final HikariDataSource pool;
    private final EmbeddedPostgres ownedServer;

    private ReadModelDatabase(final String schema, final HikariDataSource pool, final EmbeddedPostgres ownedServer) {
        this.schema = schema;
        this.pool = pool;
        this.ownedServer = ownedServer;
    }

    /** Connects to a running server, creates the schema if missing and applies pending migrations. */
    public static ReadModelDatabase connect(final PostgresEndpoint endpoint, final String schema,
        final int poolSize) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier: schema=" + schema);
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("the pool needs a connection for the projector and one for queries: "
                + "poolSize=" + poolSize);
        }
        final HikariDataSource pool = new HikariDataSource(poolConfig(endpoint, schema, poolSize));
        try {
            migrate(pool, schema);
            try (Connection connection = pool.getConnection()) {
                BulkIndexes.create(connection);
            }
        } catch (final SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot build the read model's indexes: " + e.getMessage(), e);
        } catch (final RuntimeException e) {
            pool.close();
            throw e;
        }
        return new ReadModelDatabase(schema, pool, null);
    }

    /** Starts the embedded server and connects to it; closing the database stops the server. */
    public static ReadModelDatabase embedded(final EmbeddedPostgresSettings settings, final String schema) {
        final EmbeddedPostgres server = EmbeddedPostgres.start(settings);
        try {
            final ReadModelDatabase database = connect(server.endpoint(), schema, DEFAULT_POOL_SIZE);
            return new ReadModelDatabase(database.schema, database.pool, server);
        } catch (final RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Creates the schema if needed and applies every pending migration; returns how many were applied. */
    static int migrate(final DataSource dataSource, final String schema) {
        return Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .locations(MIGRATIONS)
            .load()
            .migrate()
            .migrationsExecuted;
    }

    private static HikariConfig poolConfig(final PostgresEndpoint endpoint, final String schema,
        final int poolSize) {
        final HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setSchema(schema);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setPoolName("readmodel-" + schema);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "candor-readmodel");
        return config;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A pooled connection; the caller closes it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        pool.close();
        if (ownedServer != null) {
            ownedServer.close();
        }
    }
}
