package org.candor.readmodel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalState;

/**
 * A user's withdrawals and deposits as a wallet API pages them: newest first, within a time range, of one asset or
 * all, skipping {@code offset} rows (Binance's {@code /sapi/v1/capital/withdraw/history} and
 * {@code /deposit/hisrec} page by offset, not by cursor). Every query takes the user id and filters by it. The
 * offset walks the user's own index range only ({@code withdrawals_by_user}, {@code deposits_by_user}), so its
 * cost is bounded by that user's rows, not the table's.
 */
public final class WalletHistory {
    /** Any asset. */
    public static final int ALL_ASSETS = -1;

    private final ReadModelDatabase database;

    public WalletHistory(final ReadModelDatabase database) {
        this.database = database;
    }

    /**
     * A withdrawal in its current state.
     *
     * @param state     the state, or null when it is one this reader does not know ({@code stateName} says which)
     * @param stateCode the stored code, -1 for a state this reader's projector could not name
     * @param address   the allow-listed address it goes to, or "" if the read model does not have it
     * @param txRef     the chain's transaction reference once broadcast, else ""
     * @param fee       the network fee taken out of the amount on chain, minor units of the asset
     * @param failure   why it failed, or null
     * @param justification the operator's words when it was rejected, else ""
     */
    public record WithdrawalView(long withdrawalId, int assetId, long amount, WithdrawalState state, int stateCode,
        String stateName, long addressId, String address, String txRef, long fee, WithdrawalFailure failure,
        String justification, long requestedMs, long updatedMs, int slaMisses) {
    }

    /** A credited deposit: the chain's reference and the command time it was credited at. */
    public record DepositView(long seq, int assetId, long amount, long depositRef, long timestampMs) {
    }

    /**
     * The user's withdrawals requested in {@code range}, of {@code assetId} (or {@link #ALL_ASSETS}), whose stored
     * state code is one of {@code stateCodes} (null: any), newest first, after skipping {@code offset}.
     */
    public List<WithdrawalView> withdrawals(final long userId, final int assetId, final int[] stateCodes,
        final TimeRange range, final int offset, final int limit) {
        check(offset, limit);
        final String sql = "SELECT w.*, COALESCE(a.address, '') AS address FROM withdrawals w "
            + "LEFT JOIN withdrawal_addresses a ON a.address_id = w.address_id "
            + "WHERE w.user_id=? AND (?::int < 0 OR w.asset_id=?) AND (?::int[] IS NULL OR w.state = ANY(?::int[])) "
            + "AND w.requested_ms>=? AND w.requested_ms<? ORDER BY w.withdrawal_id DESC OFFSET ? LIMIT ?";
        try (Connection connection = database.connection();
            PreparedStatement statement = connection.prepareStatement(sql)) {
            final Array states = stateCodes == null ? null : connection.createArrayOf("integer", boxed(stateCodes));
            statement.setLong(1, userId);
            statement.setInt(2, assetId);
            statement.setInt(3, assetId);
            statement.setArray(4, states);
            statement.setArray(5, states);
            statement.setLong(6, range.fromMs());
            statement.setLong(7, range.toMs());
            statement.setInt(8, offset);
            statement.setInt(9, limit);
            final List<WithdrawalView> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(withdrawal(rs));
                }
            }
            return rows;
        } catch (final SQLException e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }

    /** The user's deposits credited in {@code range}, of {@code assetId} (or all), newest first, after offset. */
    public List<DepositView> deposits(final long userId, final int assetId, final TimeRange range, final int offset,
        final int limit) {
        check(offset, limit);
        final String sql = "SELECT * FROM deposits WHERE user_id=? AND (?::int < 0 OR asset_id=?) "
            + "AND timestamp_ms>=? AND timestamp_ms<? ORDER BY seq DESC OFFSET ? LIMIT ?";
        try (Connection connection = database.connection();
            PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, userId);
            statement.setInt(2, assetId);
            statement.setInt(3, assetId);
            statement.setLong(4, range.fromMs());
            statement.setLong(5, range.toMs());
            statement.setInt(6, offset);
            statement.setInt(7, limit);
            final List<DepositView> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DepositView(rs.getLong("seq"), rs.getInt("asset_id"), rs.getLong("amount"),
                        rs.getLong("deposit_ref"), rs.getLong("timestamp_ms")));
                }
            }
            return rows;
        } catch (final SQLException e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }

    private static void check(final int offset, final int limit) {
        Paging.checkLimit(limit);
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: offset=" + offset);
        }
    }

    private static Integer[] boxed(final int[] codes) {
        final Integer[] boxed = new Integer[codes.length];
        for (int i = 0; i < codes.length; i++) {
            boxed[i] = codes[i];
        }
        return boxed;
    }

    private static WithdrawalView withdrawal(final ResultSet rs) throws SQLException {
        final int code = rs.getInt("state");
        final int failure = Paging.codeOrNone(rs, "failure");
        return new WithdrawalView(rs.getLong("withdrawal_id"), rs.getInt("asset_id"), rs.getLong("amount"),
            WithdrawalState.fromCode(code), code, rs.getString("state_name"), rs.getLong("address_id"),
            rs.getString("address"), rs.getString("tx_ref"), rs.getLong("fee"),
            failure < 0 ? null : WithdrawalFailure.fromCode(failure), rs.getString("justification"),
            rs.getLong("requested_ms"), rs.getLong("updated_ms"), rs.getInt("sla_misses"));
    }
}
