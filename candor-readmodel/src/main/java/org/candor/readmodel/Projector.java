package org.candor.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.candor.engine.Bucket;
import org.candor.engine.EngineEvents;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;

/**
 * Follows the engine's committed events into the read-model tables. Events of a command are held until its
 * {@code commandResult}, then applied with the command's timestamp; every {@code commandsPerBatch} commands (or on
 * {@link #flush()}) the rows of the complete commands are written in one transaction together with the last
 * applied sequence. On start it reads that sequence and skips every event at or below it, so feeding it the whole
 * stream again after a crash applies each event exactly once. A gap in the sequence stops it.
 *
 * <p>One thread delivers events and calls flush. A full batch is written by the projector's own writer thread
 * while the next one fills, so the engine-side work and the server's work overlap; at most one batch is in
 * flight, and {@link #flush()} returns only once everything handed over is committed. After a failed write it
 * refuses further events ({@link ProjectionException}); open a new projector to resume from the last commit.
 */
public final class Projector implements EngineEvents, AutoCloseable {
    /** Commands per transaction by default: enough to amortise a commit, few enough to lag little. */
    public static final int DEFAULT_COMMANDS_PER_BATCH = 2_000;
    /** A batch larger than this would hold too many rows in memory; the bound keeps memory flat. */
    public static final int COMMANDS_PER_BATCH_MAX = 100_000;

    private final ReadModelDatabase database;
    private final int commandsPerBatch;
    private final ProjectionState state;
    private final List<ProjectedEvent> pending = new ArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Projector::writerThread);
    private Batch batch = new Batch();
    private Batch writing = new Batch();
    private Future<?> inFlight;
    private long inFlightSeq;
    private long inFlightTimestampMs;
    private long handedOverSeq;
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
        this.handedOverSeq = state.committedSeq;
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
    /** The cluster timestamp of the last command committed to the tables (0 before the first). */
    public long committedTimestampMs() {
        return state.committedTimestampMs;
    }

    public long committedSeq() {
        return state.committedSeq;
    }

    /** Events and command time received but not yet committed; a metric, never blocks. */
    public ProjectionLag lag() {
        if (inFlight != null && inFlight.isDone()) {
            try {
                awaitWrite();
            } catch (final ProjectionException e) {
                // The failure is kept and thrown at the next event or flush; a metric read does not throw.
            }
        }
        return new ProjectionLag(state.committedSeq, receivedSeq, receivedSeq - state.committedSeq,
            receivedTimestampMs - state.committedTimestampMs);
    }

    /** Commits the complete commands received so far; events of an unfinished command stay pending. */
    public void flush() {
        checkUsable();
        handOver();
        awaitWrite();
    }

    /** Commits what is complete and stops the writer thread. */
    @Override
    public void close() {
        try {
            if (failure == null) {
                flush();
            }
        } finally {
            writer.shutdown();
        }
    }

    /**
     * Stops as a killed process would: the write in flight ends (committed or rolled back, as the server decides),
     * everything not handed over is dropped. For crash tests.
     */
    void halt() {
        try {
            awaitWrite();
        } catch (final ProjectionException e) {
            // A write that failed is as good as one a dead process never finished.
        } finally {
            failure = new ProjectionException("halted", null);
            writer.shutdown();
        }
    }

    /** Seals the complete commands and gives them to the writer, after the previous batch is committed. */
    private void handOver() {
        if (appliedSeq == handedOverSeq) {
            return;
        }
        awaitWrite();
        batch.seal();
        state.forgetFinished();
        final Batch sealed = batch;
        batch = writing;
        writing = sealed;
        final long previousSeq = handedOverSeq;
        final long lastSeq = appliedSeq;
        final long lastTimestampMs = appliedTimestampMs;
        handedOverSeq = lastSeq;
        inFlightSeq = lastSeq;
        inFlightTimestampMs = lastTimestampMs;
        inFlight = writer.submit(() -> {
            write(sealed, previousSeq, lastSeq, lastTimestampMs);
            return null;
        });
    }

    private void awaitWrite() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (final ExecutionException e) {
            failure = new ProjectionException("batch up to seq=" + inFlightSeq + " not written: "
                + e.getCause().getMessage(), e.getCause());
            throw failure;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new ProjectionException("interrupted waiting for the batch up to seq=" + inFlightSeq, e);
            throw failure;
        } finally {
            inFlight = null;
        }
        state.committedSeq = inFlightSeq;
        state.committedTimestampMs = inFlightTimestampMs;
        writing.clear();
    }

    /** On the writer thread: one batch, one transaction. */
    private void write(final Batch sealed, final long previousSeq, final long lastSeq, final long lastTimestampMs)
        throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                sealed.write(connection, previousSeq, lastSeq, lastTimestampMs);
                connection.commit();
            } catch (final SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(final Connection connection, final Exception cause) {
        try {
            connection.rollback();
        } catch (final SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static Thread writerThread(final Runnable task) {
        final Thread thread = new Thread(task, "readmodel-writer");
        thread.setDaemon(true);
        return thread;
    }

    private void checkUsable() {
        if (failure != null) {
            throw new ProjectionException("projector stopped after a failed write; open a new one", failure);
        }
    }

    /** True if the event is new and in order; false if it was received before. A gap throws. */
    private boolean accept(final long seq) {
        checkUsable();
        if (seq <= receivedSeq) {
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

    /** An event with nothing to project: only its sequence counts, so gaps are still caught. */
    private void skip(final long seq) {
        accept(seq);
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
            handOver();
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
        final long amount, final long addressId, final WithdrawalState state) {
        hold(new ProjectedEvent.WithdrawalRequested(seq, withdrawalId, userId, assetId, amount, addressId, state));
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState newState) {
        hold(new ProjectedEvent.WithdrawalStateChanged(seq, withdrawalId, newState));
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId, final long amount,
        final HoldKind kind, final HoldReason reason, final String explanation, final long operatorId,
        final long reviewDeadlineMs, final ReleaseCondition releaseCondition, final long ticketRef,
        final long massActionId, final HoldState state) {
        hold(new ProjectedEvent.HoldPlaced(seq, holdId, userId, assetId, amount, kind, reason, explanation,
            operatorId, reviewDeadlineMs, releaseCondition, ticketRef, massActionId, state));
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        hold(new ProjectedEvent.HoldApproved(seq, holdId, operatorId));
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        hold(new ProjectedEvent.HoldRejected(seq, holdId, operatorId, automatic, justification));
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        hold(new ProjectedEvent.HoldReleased(seq, holdId, operatorId, automatic));
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        hold(new ProjectedEvent.HoldEscalated(seq, holdId, userId, reviewDeadlineMs));
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        hold(new ProjectedEvent.HoldRenewed(seq, holdId, operatorId, reviewDeadlineMs, renewals, justification));
    }

    // Policy steps (approval thresholds, the blast-radius limiter, mass actions) are operator actions without a
    // user's funds in them; they are not projected yet (issue #6, the operators' audit trail), so they only move the
    // sequence on.

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        skip(seq);
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        skip(seq);
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        skip(seq);
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        skip(seq);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        hold(new ProjectedEvent.WithdrawalAddressAdded(seq, userId, assetId, addressId, address, usableFromMs));
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        hold(new ProjectedEvent.WithdrawalAddressRemoved(seq, userId, addressId));
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        hold(new ProjectedEvent.WithdrawalApproved(seq, withdrawalId, operatorId));
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        hold(new ProjectedEvent.WithdrawalRejected(seq, withdrawalId, operatorId, justification));
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        hold(new ProjectedEvent.WithdrawalBroadcast(seq, withdrawalId, txRef, fee));
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        hold(new ProjectedEvent.WithdrawalFailed(seq, withdrawalId, reason));
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        hold(new ProjectedEvent.WithdrawalSlaMissed(seq, withdrawalId, state, deadlineMs));
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        hold(new ProjectedEvent.WithdrawalPolicySet(seq, assetId, kind, value, operatorId));
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        hold(new ProjectedEvent.WithdrawalsPaused(seq, assetId, reason, explanation, operatorId));
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        hold(new ProjectedEvent.WithdrawalsResumed(seq, assetId, operatorId));
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        // projected in a later change
        skip(seq);
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        // projected in a later change
        skip(seq);
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        // projected in a later change
        skip(seq);
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        // projected in a later change
        skip(seq);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        hold(new ProjectedEvent.OrderAccepted(seq, orderId, userId, marketId, side, type, timeInForce, price,
            quantity, quoteBudget, clientOrderId, stpMode));
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        hold(new ProjectedEvent.OrderLabelled(seq, orderId, label.toString()));
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
