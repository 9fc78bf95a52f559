package org.candor.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 */
final class NotificationFeed implements AutoCloseable {
    static final int POLL_EVENTS_MAX = 10_000;

    private final Path journalDir;
    private final NotificationStore store;
    private final Consumer<List<Notification>> published;
    private final CommittedSeq committed = new CommittedSeq();
    private final RetryingFollower follower;

    NotificationFeed(final Path journalDir, final NotificationStore store,
        final Consumer<List<Notification>> published) {
        this.journalDir = journalDir;
        this.store = store;
        this.published = published;
        this.follower = new RetryingFollower("candor-gateway-notifications", "notification feed", this::follow);
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
