package org.candor.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.candor.journal.EventJournalReader;
import org.candor.notifications.Notification;
import org.candor.notifications.NotificationFollower;
import org.candor.notifications.NotificationStore;

/**
 * The gateway's notifications: one thread follows the node's journal from its first event (the notifier's memory of
 * assets, holds and withdrawals is rebuilt from it, as the views rebuild theirs) into the {@link NotificationStore},
 * writing only what comes after the stored position and committing once it has caught up ({@link FlushCadence}:
 * at once when a request waits for it, else at most 20 ms later). What it writes is
 * handed to {@code published} (the user data streams) on the same thread, newest last. A failed write is retried
 * from the store's position with a new follower ({@link RetryingFollower}).
 *
 * <p>Only one process writes a store. Further gateways on the same read model {@linkplain #reading read} it: their
 * thread writes nothing, looks at the store's position every {@link #READ_POLL_WANTED_NS} while a request waits for
 * it and every {@link #READ_POLL_IDLE_NS} otherwise, and hands what the writer committed since its last look to
 * {@code published}, so users connected to that gateway get their notifications pushed too.
 */
final class NotificationFeed implements AutoCloseable {
    static final int POLL_EVENTS_MAX = 10_000;
    /** A reading gateway's look at the store while a request waits for it. */
    static final long READ_POLL_WANTED_NS = TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * A reading gateway's look at the store otherwise: how late a push can be beyond the writer's own commit
     * ({@link FlushCadence#LINGER_NS}, the same 20 ms), for one single-row query 50 times a second.
     */
    static final long READ_POLL_IDLE_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Path journalDir;
    private final NotificationStore store;
    private final Consumer<List<Notification>> published;
    private final CommittedSeq committed = new CommittedSeq();
    private final RetryingFollower follower;
    /** The newest notification a reading feed has handed over; -1 until its first look at the store. */
    private long tailedId = -1;

    NotificationFeed(final Path journalDir, final NotificationStore store,
        final Consumer<List<Notification>> published) {
        this.journalDir = journalDir;
        this.store = store;
        this.published = published;
        this.follower = new RetryingFollower("candor-gateway-notifications", "notification feed", this::follow);
    }

    private NotificationFeed(final NotificationStore store, final Consumer<List<Notification>> published) {
        this.journalDir = null;
        this.store = store;
        this.published = published;
        this.follower = new RetryingFollower("candor-gateway-notifications-reader", "notification reader",
            this::tail);
    }

    /**
     * Notifications from a store another process writes: nothing is written here. What the store held when this
     * feed started is listed by the endpoints, not pushed; what comes after is pushed as it is committed.
     */
    static NotificationFeed reading(final NotificationStore store, final Consumer<List<Notification>> published) {
        return new NotificationFeed(store, published);
    }

    NotificationStore store() {
        return store;
    }

    private void follow(final BooleanSupplier running) {
        EventJournalReader reader = null;
        try {
            final NotificationFollower notifier = NotificationFollower.open(store);
            reader = EventJournalReader.open(journalDir, 0);
            final EventJournalReader source = reader;
            committed.publish(notifier.committedSeq());
            final IdleStrategy idle = FlushCadence.idleStrategy();
            final FlushCadence cadence = new FlushCadence(committed, System.nanoTime());
            committed.writerThread(Thread.currentThread());
            while (running.getAsBoolean()) {
                final int events = notifier.poll(source::poll, POLL_EVENTS_MAX);
                if (cadence.due(events, events < POLL_EVENTS_MAX, System.nanoTime())) {
                    final List<Notification> written = notifier.flush();
                    cadence.flushed(System.nanoTime());
                    if (!written.isEmpty()) {
                        published.accept(written);
                    }
                    committed.publish(notifier.committedSeq());
                    follower.committed();
                }
                idle.idle(events);
            }
        } finally {
            CloseHelper.quietClose(reader);
        }
    }

    /**
     * A reading feed's loop: the position first, then the rows up to it (the writer commits both together, so none
     * is missing), in pieces of at most {@link NotificationStore#TAIL_LIMIT_MAX}. After a failed look it resumes
     * from the last row it handed over, so a database outage delays pushes but loses none.
     */
    private void tail(final BooleanSupplier running) {
        committed.writerThread(Thread.currentThread());
        while (running.getAsBoolean()) {
            final long upTo = store.position().lastSeq();
            if (tailedId < 0) {
                tailedId = upTo;
            }
            while (tailedId < upTo) {
                final List<Notification> rows = store.after(tailedId, upTo, NotificationStore.TAIL_LIMIT_MAX);
                if (!rows.isEmpty()) {
                    published.accept(rows);
                }
                tailedId = rows.size() < NotificationStore.TAIL_LIMIT_MAX ? upTo : rows.get(rows.size() - 1).id();
            }
            committed.publish(upTo);
            follower.committed();
            LockSupport.parkNanos(committed.wanted() ? READ_POLL_WANTED_NS : READ_POLL_IDLE_NS);
        }
    }

    long committedSeq() {
        return committed.get();
    }

    /** Why the last attempt failed, or null while following. */
    Throwable failure() {
        return follower.failure();
    }

    /** Waits until the store holds every event up to {@code seq}; false if it did not within {@code timeout}. */
    boolean awaitCommitted(final long seq, final Duration timeout) {
        return committed.await(seq, timeout);
    }

    @Override
    public void close() {
        follower.close();
    }
}
