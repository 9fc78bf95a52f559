package org.candor.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit trail of operator actions, hash-chained. Every admin API call that asks for a change is appended, with
 * the engine's answer, whether it was carried out or refused: a refused self-approval is as much worth seeing as an
 * approval. Row n's hash is SHA-256 over row n-1's hash and row n's fields, so a row edited or deleted in the
 * database breaks every hash after it, which {@link #verify()} finds. Appends from several gateways serialise on a
 * table lock, so the chain never forks.
 */
public final class OperatorActions {
    /** Longest detail kept per action: the parameters of one admin call fit well within it. */
    static final int DETAIL_LENGTH_MAX = 2_000;
    /** Most rows one listing returns. */
    static final int LIST_MAX = 1_000;
    static final int HASH_BYTES = 32;
    private static final String LAST = "SELECT action_id, hash FROM gateway.operator_action "
        + "ORDER BY action_id DESC LIMIT 1";
    private static final String INSERT = "INSERT INTO gateway.operator_action (action_id, at_ms, operator_id, action, "
        + "detail, outcome, reference, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "action_id, at_ms, operator_id, action, detail, outcome, reference, "
        + "prev_hash, hash";

    private final DataSource dataSource;

    /** A trail on a database the gateway's migrations have brought up to date. */
    public OperatorActions(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One recorded action. */
    public record Action(long actionId, long atMs, long operatorId, String action, String detail, String outcome,
        long reference, byte[] prevHash, byte[] hash) {
    }

    /** The database the trail lives in; the admin API's other small tables (mass action ids) live beside it. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Appends an action and returns its id. */
    public long append(final long atMs, final long operatorId, final String action, final String detail,
        final String outcome, final long reference) {
        final String kept = detail.length() > DETAIL_LENGTH_MAX ? detail.substring(0, DETAIL_LENGTH_MAX) : detail;
        try {
            return Transactions.inTransaction(dataSource, connection -> {
                try (PreparedStatement lock = connection.prepareStatement(
                    "LOCK TABLE gateway.operator_action IN EXCLUSIVE MODE")) {
                    lock.execute();
                }
                long lastId = 0;
                byte[] prevHash = new byte[HASH_BYTES];
                try (PreparedStatement last = connection.prepareStatement(LAST);
                     ResultSet row = last.executeQuery()) {
                    if (row.next()) {
                        lastId = row.getLong(1);
                        prevHash = row.getBytes(2);
                    }
                }
                final long actionId = lastId + 1;
                final byte[] hash = hash(prevHash, actionId, atMs, operatorId, action, kept, outcome, reference);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setLong(1, actionId);
                    insert.setLong(2, atMs);
                    insert.setLong(3, operatorId);
                    insert.setString(4, action);
                    insert.setString(5, kept);
                    insert.setString(6, outcome);
                    insert.setLong(7, reference);
                    insert.setBytes(8, prevHash);
                    insert.setBytes(9, hash);
                    insert.executeUpdate();
                }
                return actionId;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("reason=operator-action-append-failed action=" + action, e);
        }
    }

    /** The newest actions first, at most {@code limit} (capped at {@link #LIST_MAX}); of one operator if > 0. */
    public List<Action> latest(final int limit, final long operatorId) {
        final String sql = "SELECT " + COLUMNS + " FROM gateway.operator_action"
            + (operatorId > 0 ? " WHERE operator_id = ?" : "") + " ORDER BY action_id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (operatorId > 0) {
                select.setLong(index++, operatorId);
            }
            select.setInt(index, Math.max(1, Math.min(limit, LIST_MAX)));
            final List<Action> actions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    actions.add(read(rows));
                }
            }
            return actions;
        } catch (SQLException e) {
            throw new IllegalStateException("reason=operator-action-list-failed", e);
        }
    }

    /**
     * Walks the whole trail from the first action and recomputes every hash; returns the id of the first action
     * whose hash or link does not match (the trail was altered there), or 0 if the chain is whole.
     */
    public long verify() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT " + COLUMNS + " FROM gateway.operator_action ORDER BY action_id")) {
            select.setFetchSize(LIST_MAX);
            connection.setAutoCommit(false);
            byte[] expectedPrev = new byte[HASH_BYTES];
            long expectedId = 1;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    final Action action = read(rows);
                    final byte[] recomputed = hash(action.prevHash(), action.actionId(), action.atMs(),
                        action.operatorId(), action.action(), action.detail(), action.outcome(), action.reference());
                    if (action.actionId() != expectedId || !MessageDigest.isEqual(expectedPrev, action.prevHash())
                        || !MessageDigest.isEqual(recomputed, action.hash())) {
                        return expectedId;
                    }
                    expectedPrev = action.hash();
                    expectedId++;
                }
            }
            connection.commit();
            return 0;
        } catch (SQLException e) {
            throw new IllegalStateException("reason=operator-action-verify-failed", e);
        }
    }

    private static Action read(final ResultSet rows) throws SQLException {
        return new Action(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
            rows.getString(6), rows.getLong(7), rows.getBytes(8), rows.getBytes(9));
    }

    /** SHA-256 over the previous hash and the fields, each text length-prefixed so no two rows encode alike. */
    static byte[] hash(final byte[] prevHash, final long actionId, final long atMs, final long operatorId,
        final String action, final String detail, final String outcome, final long reference) {
        final MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        sha.update(prevHash);
        sha.update(ByteBuffer.allocate(Long.BYTES * 4).putLong(actionId).putLong(atMs).putLong(operatorId)
            .putLong(reference).array());
        for (String text : new String[] {action, detail, outcome}) {
            final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha.update(bytes);
        }
        return sha.digest();
    }
}
