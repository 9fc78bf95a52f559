package org.candor.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ids for proposed mass actions, from the PostgreSQL sequence {@code gateway.mass_action_id}. */
public final class MassActionIds {
    private final DataSource dataSource;

    public MassActionIds(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long next() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement next = connection.prepareStatement("SELECT nextval('gateway.mass_action_id')");
             ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reason=mass-action-id-unavailable", e);
        }
    }
}
