package org.candor.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.candor.engine.LedgerCause;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The rows of the commands applied since the last commit: append-only tables as COPY buffers, upserted tables as
 * lists of staged rows. {@link #write} sends them all and the new last applied sequence in one transaction.
 */
final class Batch {
    final CopyBuffer assets = new CopyBuffer(Tables.ASSETS);
    final CopyBuffer users = new CopyBuffer(Tables.USERS);
    final CopyBuffer orderEvents = new CopyBuffer(Tables.ORDER_EVENTS);
    final CopyBuffer trades = new CopyBuffer(Tables.TRADES);
    final CopyBuffer userTrades = new CopyBuffer(Tables.USER_TRADES);
    final CopyBuffer ledgerEntries = new CopyBuffer(Tables.LEDGER_ENTRIES);
    final CopyBuffer statementLines = new CopyBuffer(Tables.STATEMENT_LINES);
    final CopyBuffer deposits = new CopyBuffer(Tables.DEPOSITS);
    final CopyBuffer withdrawalEvents = new CopyBuffer(Tables.WITHDRAWAL_EVENTS);
    final CopyBuffer holdEvents = new CopyBuffer(Tables.HOLD_EVENTS);
    final CopyBuffer withdrawalPolicyChanges = new CopyBuffer(Tables.WITHDRAWAL_POLICY_CHANGES);
    final CopyBuffer withdrawalPauses = new CopyBuffer(Tables.WITHDRAWAL_PAUSES);
    final Upserts<Rows.Balance> balances = new Upserts<>(Tables.BALANCES);
    final Upserts<Rows.Order> orders = new Upserts<>(Tables.ORDERS);
    final Upserts<Rows.Withdrawal> withdrawals = new Upserts<>(Tables.WITHDRAWALS);
    final Upserts<Rows.Hold> holds = new Upserts<>(Tables.HOLDS);
    final Upserts<Rows.Market> markets = new Upserts<>(Tables.MARKETS);
    final Upserts<Rows.WithdrawalAddress> withdrawalAddresses = new Upserts<>(Tables.WITHDRAWAL_ADDRESSES);
    private final Map<Rows.KlineKey, Rows.Kline> klines = new LinkedHashMap<>();
    private final Upserts<Rows.Kline> klineRows = new Upserts<>(Tables.KLINES);
    private final List<CopyBuffer> appends = List.of(assets, users, orderEvents, trades, userTrades, ledgerEntries,
        statementLines, deposits, withdrawalEvents, holdEvents, withdrawalPolicyChanges, withdrawalPauses);
    private int commands;

    /** One side of a ledger entry: the account's new balance and its statement line. */
    void post(final Rows.Balance account, final long seq, final long delta, final LedgerCause cause,
        final long reference, final long timestampMs) {
        account.amount = Math.addExact(account.amount, delta);
        account.lastSeq = seq;
        balances.add(account);
        statementLines.value(account.key.userId()).value(account.key.assetId()).value(account.key.bucket().code())
            .value(seq).value(delta).value(account.amount).value(cause.code()).value(reference).value(timestampMs)
            .endRow();
    }

    /** Adds a trade to the candles of every interval. */
    void kline(final int marketId, final long timestampMs, final long price, final long quantity,
        final long quoteAmount, final long tradeId) {
        for (final KlineInterval interval : KlineInterval.values()) {
            final Rows.KlineKey key = new Rows.KlineKey(marketId, interval.lengthMs(),
                interval.openTimeOf(timestampMs));
            klines.computeIfAbsent(key, k -> new Rows.Kline(k, price, tradeId))
                .add(price, quantity, quoteAmount, tradeId);
        }
    }

    void commandApplied() {
        commands++;
    }

    int commands() {
        return commands;
    }

    /**
     * Turns the kept rows into bytes, so the batch no longer shares anything with the projector's memory and can be
     * written by another thread while the projector fills the next one. Rows count as stored from here: if this
     * batch fails to commit, the projector stops and a new one reloads its state from the tables.
     */
    void seal() {
        klineRows.addAll(klines.values());
        klines.clear();
        for (final Upserts<?> upserts : upserts()) {
            upserts.seal();
        }
    }

    /**
     * Writes a sealed batch and moves the last applied sequence from {@code previousSeq} to {@code lastSeq}, in the
     * caller's transaction. The sequence is updated first and only if it still is {@code previousSeq}, so a second
     * projector on the same schema fails instead of writing rows twice.
     */
    void write(final Connection connection, final long previousSeq, final long lastSeq, final long lastTimestampMs)
        throws SQLException {
        try (PreparedStatement state = connection.prepareStatement("UPDATE projection_state SET last_seq=?, "
            + "last_timestamp_ms=? WHERE projection='main' AND last_seq=?")) {
            state.setLong(1, lastSeq);
            state.setLong(2, lastTimestampMs);
            state.setLong(3, previousSeq);
            if (state.executeUpdate() != 1) {
                throw new IllegalStateException("the projection moved under this projector: expected last_seq="
                    + previousSeq + " (is another projector writing to this schema?)");
            }
        }
        final CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (final CopyBuffer buffer : appends) {
            buffer.copyInto(copy, buffer.table().name());
        }
        for (final Upserts<?> upserts : upserts()) {
            upserts.write(connection, copy);
        }
    }

    private List<Upserts<?>> upserts() {
        return List.of(balances, orders, withdrawals, holds, markets, withdrawalAddresses, klineRows);
    }

    /** Empties a written batch for reuse. */
    void clear() {
        for (final CopyBuffer buffer : appends) {
            buffer.clear();
        }
        for (final Upserts<?> upserts : upserts()) {
            upserts.clear();
        }
        commands = 0;
    }

    /**
     * Rows of one table that the projector keeps and changes, each staged once per batch. New rows are copied
     * straight into the table; stored ones go through a temporary staging table and one UPDATE. Candles, which the
     * projector does not keep, are merged with the stored candle by an upsert.
     */
    static final class Upserts<T extends Rows.Staged> {
        private final Table table;
        private final List<T> rows = new ArrayList<>();
        private final CopyBuffer inserts;
        private final CopyBuffer stage;

        Upserts(final Table table) {
            this.table = table;
            this.inserts = new CopyBuffer(table);
            this.stage = new CopyBuffer(table);
        }

        void add(final T row) {
            if (row.stage()) {
                rows.add(row);
            }
        }

        void addAll(final Collection<T> more) {
            for (final T row : more) {
                add(row);
            }
        }

        /** Serialises the staged rows: new ones to copy straight in, stored ones and candles to stage. */
        void seal() {
            final boolean merges = table.merge() != null;
            for (final T row : rows) {
                row.writeTo(merges || row.stored() ? stage : inserts);
                row.unstage();
                row.markStored();
            }
            rows.clear();
        }

        void write(final Connection connection, final CopyManager copy) throws SQLException {
            inserts.copyInto(copy, table.name());
            if (stage.rows() == 0) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(table.createStageSql());
                stage.copyInto(copy, table.stageName());
                final boolean merges = table.merge() != null;
                final int changed = statement.executeUpdate(merges ? table.upsertSql() : table.updateSql());
                if (changed != stage.rows()) {
                    throw new IllegalStateException("stored rows missing from table=" + table.name() + ": staged="
                        + stage.rows() + " changed=" + changed);
                }
            }
        }

        void clear() {
            inserts.clear();
            stage.clear();
        }
    }
}
