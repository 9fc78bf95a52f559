package org.candor.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.candor.journal.EventJournalReader;
import org.candor.notifications.Notification;
import org.candor.notifications.NotificationFollower;
import org.candor.notifications.NotificationStore;

/**
 * The gateway's notifications: one thread follows the node's journal from its first event (the notifier's memory of
 * assets, holds and withdrawals is rebuilt from it, as the views rebuild theirs) into the {@link NotificationStore},
 * writing only what comes after the stored position and committing whenever it has caught up. What it writes is
 * handed to {@code published} (the user data streams) on the same thread, newest last. A failed write is retried
 * from the store's position with a new follower after {@link #RETRY_DELAY}.
 */
final class NotificationFeed implements AutoCloseable {
    static final int POLL_EVENTS_MAX = 10_000;
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(NotificationFeed.class.getName());
    private static final long JOIN_TIMEOUT_MS = 5_000;

    private final Path journalDir;
    private final NotificationStore store;
    private final Consumer<List<Notification>> published;
    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean running = true;
    private volatile long committedSeq;
    private volatile Throwable failure;

    NotificationFeed(final Path journalDir, final NotificationStore store,
        final Consumer<List<Notification>> published) {
        this.journalDir = journalDir;
        this.store = store;
        this.published = published;
        this.thread = new Thread(this::run, "candor-gateway-notifications");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    NotificationStore store() {
        return store;
    }

    private void run() {
        while (running) {
            try {
                follow();
            } catch (RuntimeException e) {
                failure = e;
                LOG.log(System.Logger.Level.ERROR, "notification feed failed; retrying from the last commit", e);
                sleep(RETRY_DELAY);
            }
        }
    }

    private void follow() {
        EventJournalReader reader = null;
        try {
            final NotificationFollower follower = NotificationFollower.open(store);
            reader = EventJournalReader.open(journalDir, 0);
            final EventJournalReader source = reader;
            published(follower.committedSeq());
            final IdleStrategy idle = new BackoffIdleStrategy();
            while (running) {
                final int events = follower.poll(source::poll, POLL_EVENTS_MAX);
                if (events < POLL_EVENTS_MAX) {
                    final List<Notification> written = follower.flush();
                    if (!written.isEmpty()) {
                        published.accept(written);
                    }
                    published(follower.committedSeq());
                    failure = null;
                }
                idle.idle(events);
            }
        } finally {
            CloseHelper.quietClose(reader);
        }
    }

    private void published(final long seq) {
        if (seq != committedSeq) {
            committedSeq = seq;
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    long committedSeq() {
        return committedSeq;
    }

    /** Why the last attempt failed, or null while following. */
    Throwable failure() {
        return failure;
    }

    /** Waits until the store holds every event up to {@code seq}; false if it did not within {@code timeout}. */
    boolean awaitCommitted(final long seq, final Duration timeout) {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (committedSeq < seq) {
                final long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, leftNs / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
