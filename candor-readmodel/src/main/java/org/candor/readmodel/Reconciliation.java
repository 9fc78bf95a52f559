package org.candor.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.candor.engine.Bucket;
import org.candor.engine.Engine;

/**
 * Checks the read model against the engine: for every account (each user and system account, asset and bucket),
 * the sum of its statement lines must equal the engine's balance, and so must the account's last running
 * balance. Meaningful only when both are at the same event sequence.
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /** The engine's side: {@code engine::balance} fits. */
    @FunctionalInterface
    public interface Balances {
        long balance(long userId, int assetId, Bucket bucket);
    }

    /**
     * One account whose figures disagree.
     *
     * @param statementSum the sum of its statement lines
     * @param lastBalance  its running balance after the last line (balances table)
     * @param engine       the engine's balance
     */
    public record Difference(long userId, int assetId, Bucket bucket, long statementSum, long lastBalance,
        long engine) {
    }

    /**
     * The outcome.
     *
     * @param projectedSeq     the last event sequence in the read model
     * @param engineSeq        the engine's last event sequence, as given
     * @param accountsChecked  accounts compared
     * @param differences      accounts that disagree
     */
    public record Report(long projectedSeq, long engineSeq, int accountsChecked, List<Difference> differences) {
        public Report {
            differences = List.copyOf(differences);
        }

        public boolean balanced() {
            return projectedSeq == engineSeq && differences.isEmpty();
        }
    }

    public static Report run(final ReadModelDatabase database, final Balances engine, final long engineSeq) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            final long projectedSeq = single(connection, "SELECT last_seq FROM projection_state");
            final Map<Rows.AccountKey, long[]> accounts = accounts(connection);
            connection.commit();
            final List<Difference> differences = new ArrayList<>();
            accounts.forEach((key, sums) -> {
                final long engineBalance = engine.balance(key.userId(), key.assetId(), key.bucket());
                if (sums[0] != engineBalance || sums[1] != engineBalance) {
                    differences.add(new Difference(key.userId(), key.assetId(), key.bucket(), sums[0], sums[1],
                        engineBalance));
                }
            });
            return new Report(projectedSeq, engineSeq, accounts.size(), differences);
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot reconcile the read model: " + e.getMessage(), e);
        }
    }

    /** Every account of every known user and asset, and any other with a statement line: [sum, last balance]. */
    private static Map<Rows.AccountKey, long[]> accounts(final Connection connection) throws SQLException {
        final Map<Rows.AccountKey, long[]> accounts = new TreeMap<>(Reconciliation::compare);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT u.user_id, a.asset_id FROM (SELECT user_id FROM users "
                + "UNION SELECT " + Engine.SYSTEM_USER_ID + ") u CROSS JOIN assets a")) {
                while (rs.next()) {
                    final long userId = rs.getLong(1);
                    for (final Bucket bucket : Bucket.values()) {
                        if (bucket.isSystem() == (userId == Engine.SYSTEM_USER_ID)) {
                            accounts.put(new Rows.AccountKey(userId, rs.getInt(2), bucket), new long[2]);
                        }
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT s.user_id, s.asset_id, s.bucket, s.total, "
                + "coalesce(b.balance, 0) FROM (SELECT user_id, asset_id, bucket, sum(amount) AS total "
                + "FROM statement_lines GROUP BY user_id, asset_id, bucket) s LEFT JOIN balances b "
                + "USING (user_id, asset_id, bucket)")) {
                while (rs.next()) {
                    final Rows.AccountKey key = new Rows.AccountKey(rs.getLong(1), rs.getInt(2),
                        Bucket.fromCode(rs.getInt(3)));
                    accounts.put(key, new long[] {rs.getBigDecimal(4).longValueExact(), rs.getLong(5)});
                }
            }
        }
        return accounts;
    }

    private static int compare(final Rows.AccountKey a, final Rows.AccountKey b) {
        final int byUser = Long.compare(a.userId(), b.userId());
        if (byUser != 0) {
            return byUser;
        }
        final int byAsset = Integer.compare(a.assetId(), b.assetId());
        return byAsset != 0 ? byAsset : a.bucket().compareTo(b.bucket());
    }

    private static long single(final Connection connection, final String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
