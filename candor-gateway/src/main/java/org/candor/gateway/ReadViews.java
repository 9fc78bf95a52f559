package org.candor.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.candor.engine.EngineEvents;

/**
 * The gateway's read side: a {@link MarketView} and an {@link AccountView} fed by one writer thread from the
 * committed event stream, read by any number of HTTP threads. The writer applies a batch of whole commands (their
 * events up to and including the result) under the write lock; a reader copies what it needs under the read lock, so
 * it sees the state between two commands, never half of one.
 *
 * <p>Read-your-writes: the writer records, per client, the last command whose result it applied; a request waits
 * ({@link #awaitCommand}) until the views have applied the last command the gateway acknowledged to anyone. The
 * journal holds a command's events before its reply goes out, so this wait is the follower's catch-up, normally
 * well under a millisecond.
 */
final class ReadViews {
    private final MarketView market = new MarketView();
    private final AccountView accounts = new AccountView();
    private final HoldsView holds = new HoldsView();
    private final Map<Long, Long> lastCommandByClient = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object progress = new Object();
    private final UserUpdateCollector userUpdates = new UserUpdateCollector(market, accounts);
    private final FundsView funds = new FundsView();
    private final ProposalsView proposals = new ProposalsView();
    private final EngineEvents fanout =
        new ViewFanout(market, accounts, this::commandApplied, userUpdates, funds, holds, proposals);
    private volatile long lastSeq;
    private volatile long lastTimestampMs;
    private volatile Throwable failure;
    /** The follower's thread, woken when someone waits for events it may not have read yet. */
    private final WriterWakeup writer = new WriterWakeup();
    private volatile Consumer<List<MarketUpdate>> marketListener = updates -> { };
    private volatile Consumer<List<UserUpdate>> userListener = updates -> { };

    /**
     * Applies a batch of events: {@code batch} calls the given sink and returns how many events it delivered. Then,
     * outside the lock, the market listener hears what changed.
     */
    int apply(final ToIntFunction<EngineEvents> batch) {
        final int applied;
        final List<MarketUpdate> updates;
        final List<UserUpdate> forUsers;
        lock.writeLock().lock();
        try {
            applied = batch.applyAsInt(fanout);
            updates = market.drainUpdates();
            forUsers = userUpdates.drain();
        } finally {
            lock.writeLock().unlock();
        }
        if (!updates.isEmpty()) {
            marketListener.accept(updates);
        }
        if (!forUsers.isEmpty()) {
            userListener.accept(forUsers);
        }
        if (applied > 0) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
        return applied;
    }

    /**
     * Reads both views under the read lock; the function must copy what it returns.
     *
     * @throws ApiError 503 once the views stopped following the stream: stale balances are worse than none
     */
    <T> T read(final Function<Snapshot, T> reader) {
        checkHealthy();
        lock.readLock().lock();
        try {
            return reader.apply(new Snapshot(market, accounts, holds, funds, proposals));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Who hears each batch's market changes (the streams), on the writer thread; set before events flow. */
    void onMarketUpdates(final Consumer<List<MarketUpdate>> listener) {
        this.marketListener = listener;
    }

    /**
     * Who hears each batch's user updates (the user data streams), on the writer thread; {@code wanted} turns their
     * collection on or off (off while nobody listens).
     */
    void onUserUpdates(final Consumer<List<UserUpdate>> listener) {
        this.userListener = listener;
    }

    void collectUserUpdates(final boolean wanted) {
        userUpdates.enable(wanted);
    }

    /** The calling thread applies the journal: {@link #wakeWriter} unparks it. */
    void writerThread(final Thread thread) {
        writer.register(thread);
    }

    /** Wakes the follower from its idle park: the journal holds events someone waits for. */
    void wakeWriter() {
        writer.wake();
    }

    /** Waits until the result of command {@code commandId} of {@code clientId} has been applied. */
    void awaitCommand(final long clientId, final long commandId, final Duration timeout) {
        checkHealthy();
        if (lastCommand(clientId) >= commandId) {
            return;
        }
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        wakeWriter();
        synchronized (progress) {
            while (lastCommand(clientId) < commandId) {
                checkHealthy();
                final long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    throw ErrorMapper.timeout();
                }
                try {
                    progress.wait(Math.max(1, leftNs / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ErrorMapper.timeout();
                }
            }
        }
    }

    private long lastCommand(final long clientId) {
        lock.readLock().lock();
        try {
            return lastCommandByClient.getOrDefault(clientId, 0L);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The views stop answering: the writer could not apply the stream (a gap, a corrupt journal). */
    void fail(final Throwable cause) {
        failure = cause;
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    Throwable failure() {
        return failure;
    }

    private void checkHealthy() {
        if (failure != null) {
            throw ErrorMapper.viewsUnavailable();
        }
    }

    /** The sequence of the last event applied. */
    long lastSeq() {
        return lastSeq;
    }

    private void commandApplied(final long seq, final long clientId, final long commandId, final long timestampMs) {
        lastCommandByClient.merge(clientId, commandId, Math::max);
        lastSeq = seq;
        lastTimestampMs = timestampMs;
    }

    /** The cluster timestamp of the last command applied. */
    long lastTimestampMs() {
        return lastTimestampMs;
    }

    /** What a reader sees: the views, valid only inside {@link #read}. */
    record Snapshot(MarketView market, AccountView accounts, HoldsView holds, FundsView funds,
        ProposalsView proposals) {
    }
}
