package org.candor.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Client order id strings that gateways of schema version 4 and older saved in {@code gateway.client_order_id}
 * (migration V7) before acknowledging each order. Since version 5 the string travels with the order in the log
 * (decision 0016) and nothing is written here; the table is still read, so the orders of an exchange that ran an
 * older version keep showing their strings. Saving by group commit used to cost an order a round trip to PostgreSQL
 * on its way in: 1.3 ms of mean wait at 8 connections (docs/BENCHMARKS.md).
 */
public final class PostgresClientOrderIds implements ClientOrderIdStore {
    private static final String SELECT = "SELECT text FROM gateway.client_order_id WHERE user_id = ? AND number = ?";

    private final DataSource dataSource;

    public PostgresClientOrderIds(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String find(final long userId, final long number) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, userId);
            select.setLong(2, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reason=client-order-id-find-failed userId=" + userId, e);
        }
    }
}
