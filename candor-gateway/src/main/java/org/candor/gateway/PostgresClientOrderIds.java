package org.candor.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Client order id strings in {@code gateway.client_order_id} (migration V7). */
public final class PostgresClientOrderIds implements ClientOrderIdStore {
    private static final String INSERT = "INSERT INTO gateway.client_order_id (user_id, number, text) "
        + "VALUES (?, ?, ?) ON CONFLICT (user_id, number) DO NOTHING";
    private static final String SELECT = "SELECT text FROM gateway.client_order_id WHERE user_id = ? AND number = ?";

    private final DataSource dataSource;

    public PostgresClientOrderIds(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(final long userId, final long number, final String text) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, userId);
            insert.setLong(2, number);
            insert.setString(3, text);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("reason=client-order-id-save-failed userId=" + userId, e);
        }
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
