package org.candor.gateway;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One transaction on a pooled connection, for the gateway's stores that write more than one statement. */
final class Transactions {
    private Transactions() {
    }

    /** Work done inside the transaction; what it returns is returned once committed. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. The connection
     * goes back to the pool in auto-commit, as it came.
     */
    static <T> T inTransaction(final DataSource dataSource, final Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                final T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
