package org.candor.gateway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * The connection pool for the gateway's tables, for an application that has none to share. One signed request
 * takes a connection for one indexed lookup (well under a millisecond), so a few connections serve thousands of
 * requests a second; more would only add load on PostgreSQL.
 */
public final class GatewayDatabase {
    static final int POOL_SIZE_MAX = 8;
    /** A request waits at most this long for a connection, then fails rather than queue behind a stuck database. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private GatewayDatabase() {
    }

    /** A pool on {@code jdbcUrl}; close it when the gateway stops. */
    public static HikariDataSource pool(final String jdbcUrl, final String user, final String password) {
        final HikariConfig config = new HikariConfig();
        config.setPoolName("candor-gateway");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE_MAX);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        return new HikariDataSource(config);
    }
}
