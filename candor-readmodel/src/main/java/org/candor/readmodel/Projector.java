package org.candor.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.candor.engine.Bucket;
import org.candor.engine.EngineEvents;
import org.candor.engine.HoldReason;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalState;

/**
 * Follows the engine's committed events into the read-model tables. Events of a command are held until its
 * {@code commandResult}, then applied with the command's timestamp; every {@code commandsPerBatch} commands (or on
 * {@link #flush()}) the rows of the complete commands are written in one transaction together with the last
 * applied sequence. On start it reads that sequence and skips every event at or below it, so feeding it the whole
 * stream again after a crash applies each event exactly once. A gap in the sequence stops it.
 *
 * <p>Single-threaded: one thread delivers events and calls flush. After a failed write it refuses further events
 * ({@link ProjectionException}); open a new projector to resume from the last commit.
 */
public final class Projector implements EngineEvents, AutoCloseable {
    /** Commands per transaction by default: enough to amortise a commit, few enough to lag little. */
    public static final int DEFAULT_COMMANDS_PER_BATCH = 2_000;
    /** A batch larger than this would hold too many rows in memory; the bound keeps memory flat. */
    public static final int COMMANDS_PER_BATCH_MAX = 100_000;

    private final ReadModelDatabase database;
    private final int commandsPerBatch;
    private final ProjectionState state;
    private final Batch batch = new Batch();
    private final List<ProjectedEvent> pending = new ArrayList<>();
    private long receivedSeq;
    private long appliedSeq;
    private long appliedTimestampMs;
    private long receivedTimestampMs;
    private ProjectionException failure;

    private Projector(final ReadModelDatabase database, final int commandsPerBatch, final ProjectionState state) {
        this.database = database;
        this.commandsPerBatch = commandsPerBatch;
        this.state = state;
        this.receivedSeq = state.committedSeq;
        this.appliedSeq = state.committedSeq;
        this.appliedTimestampMs = state.committedTimestampMs;
        this.receivedTimestampMs = state.committedTimestampMs;
    }

    /** A projector that continues from the last commit in {@code database}. */
    public static Projector open(final ReadModelDatabase database, final int commandsPerBatch) {
        if (commandsPerBatch < 1 || commandsPerBatch > COMMANDS_PER_BATCH_MAX) {
            throw new IllegalArgumentException("commandsPerBatch out of range: commandsPerBatch=" + commandsPerBatch
                + " max=" + COMMANDS_PER_BATCH_MAX);
        }
        try (Connection connection = database.connection()) {
            return new Projector(database, commandsPerBatch, ProjectionState.load(connection));
        } catch (final SQLException e) {
            throw new ProjectionException("cannot read the projection state: " + e.getMessage(), e);
        }
    }

    /** The last sequence in the tables; the live source resumes after it. */
    public long committedSeq() {
        return state.committedSeq;
    }

    public ProjectionLag lag() {
        return new ProjectionLag(state.committedSeq, receivedSeq, receivedSeq - state.committedSeq,
            receivedTimestampMs - state.committedTimestampMs);
    }

    /** Commits the complete commands received so far; events of an unfinished command stay pending. */
    public void flush() {
        checkUsable();
        if (appliedSeq == state.committedSeq) {
            return;
        }
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                batch.write(connection, state.committedSeq, appliedSeq, appliedTimestampMs);
                connection.commit();
            } catch (final SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (final SQLException | RuntimeException e) {
            failure = new ProjectionException("batch up to seq=" + appliedSeq + " not written: " + e.getMessage(), e);
            throw failure;
        }
        state.committedSeq = appliedSeq;
        state.committedTimestampMs = appliedTimestampMs;
        batch.clear();
        state.forgetFinished();
    }

    /** Commits what is complete. */
    @Override
    public void close() {
        if (failure == null) {
            flush();
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw new ProjectionException("projector stopped after a failed write; open a new one", failure);
        }
    }

    /** True if the event is new and in order; false if it was applied before. A gap throws. */
    private boolean accept(final long seq) {
        checkUsable();
        if (seq <= state.committedSeq) {
            return false;
        }
        if (seq != receivedSeq + 1) {
            throw new IllegalStateException("event sequence gap: expected seq=" + (receivedSeq + 1) + " got seq="
                + seq);
        }
        receivedSeq = seq;
        return true;
    }

    private void hold(final ProjectedEvent event) {
        if (accept(event.seq())) {
            pending.add(event);
        }
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        if (!accept(seq)) {
            return;
        }
        receivedTimestampMs = timestampMs;
        for (final ProjectedEvent event : pending) {
            event.apply(state, batch, timestampMs);
        }
        pending.clear();
        appliedSeq = seq;
        appliedTimestampMs = timestampMs;
        batch.commandApplied();
        if (batch.commands() >= commandsPerBatch) {
            flush();
        }
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        hold(new ProjectedEvent.AssetCreated(seq, assetId, code, scale));
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        hold(new ProjectedEvent.MarketCreated(seq, marketId, symbol, baseAssetId, quoteAssetId, tickSize, lotSize,
            minQuantity, maxQuantity, minNotional, makerFeeBps, takerFeeBps));
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        hold(new ProjectedEvent.MarketStatusChanged(seq, marketId, status));
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        hold(new ProjectedEvent.UserCreated(seq, userId));
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        hold(new ProjectedEvent.LedgerEntry(seq, assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause,
            reference));
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        hold(new ProjectedEvent.DepositCredited(seq, userId, assetId, amount, depositRef));
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount) {
        hold(new ProjectedEvent.WithdrawalRequested(seq, withdrawalId, userId, assetId, amount));
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState newState) {
        hold(new ProjectedEvent.WithdrawalStateChanged(seq, withdrawalId, newState));
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId, final long amount,
        final HoldReason reason, final long operatorId) {
        hold(new ProjectedEvent.HoldPlaced(seq, holdId, userId, assetId, amount, reason, operatorId));
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId) {
        hold(new ProjectedEvent.HoldReleased(seq, holdId, operatorId));
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        hold(new ProjectedEvent.OrderAccepted(seq, orderId, userId, marketId, side, type, timeInForce, price,
            quantity, quoteBudget, clientOrderId, stpMode));
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        hold(new ProjectedEvent.Trade(seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId,
            takerOrderId, makerUserId, takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining));
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        hold(new ProjectedEvent.OrderRested(seq, orderId, price, remaining));
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        hold(new ProjectedEvent.OrderReduced(seq, orderId, remaining));
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        hold(new ProjectedEvent.OrderMoved(seq, orderId, oldPrice, newPrice));
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        hold(new ProjectedEvent.OrderDone(seq, orderId, reason, remaining));
    }
}
