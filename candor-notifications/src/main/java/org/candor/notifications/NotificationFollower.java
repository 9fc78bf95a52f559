package org.candor.notifications;

import java.util.ArrayList;
import java.util.List;

import org.candor.readmodel.EventSource;

/**
 * Follows the committed events into the {@link NotificationStore}: a {@link Notifier} reads the stream from sequence
 * 1 (its memory of assets, holds and withdrawals is a function of everything before), and the notifications of
 * commands after the stored position are written, with the new position, in one transaction at a command
 * boundary. Commands at or below the stored position only refresh the memory, so reading the whole journal again
 * after a crash writes each notification exactly once and skips none.
 *
 * <p>One thread polls and flushes. Writes happen on {@link #flush()} and whenever {@link #COMMANDS_PER_COMMIT_MAX}
 * commands with notifications are waiting, which bounds the memory a long catch-up uses. A failed write leaves the
 * follower unusable (its position is ahead of the table's); open a new one, which reads the stream from the start
 * again.
 */
public final class NotificationFollower {
    /** Commands buffered before a write even while more events are coming. */
    public static final int COMMANDS_PER_COMMIT_MAX = 2_000;

    private final NotificationStore store;
    private final Notifier notifier;
    private final List<Notification> buffered = new ArrayList<>();
    private final List<Notification> written = new ArrayList<>();
    private long committedSeq;
    private long committedTimestampMs;
    private long bufferedSeq;
    private long bufferedTimestampMs;
    private int bufferedCommands;
    private boolean failed;

    private NotificationFollower(final NotificationStore store) {
        this.store = store;
        final NotificationStore.Position position = store.position();
        this.committedSeq = position.lastSeq();
        this.committedTimestampMs = position.lastTimestampMs();
        this.bufferedSeq = committedSeq;
        this.bufferedTimestampMs = committedTimestampMs;
        this.notifier = new Notifier(this::command);
    }

    /** A follower that continues after the store's position; feed it the stream from sequence 1. */
    public static NotificationFollower open(final NotificationStore store) {
        return new NotificationFollower(store);
    }

    /** Reads up to {@code limit} events from {@code source}; returns how many it read. */
    public int poll(final EventSource source, final int limit) {
        checkUsable();
        return source.poll(notifier, limit);
    }

    private void command(final long resultSeq, final long timestampMs, final List<Notification> notifications) {
        if (resultSeq <= committedSeq) {
            return;
        }
        buffered.addAll(notifications);
        bufferedSeq = resultSeq;
        bufferedTimestampMs = timestampMs;
        bufferedCommands++;
        if (bufferedCommands >= COMMANDS_PER_COMMIT_MAX) {
            write();
        }
    }

    /**
     * Writes what is complete and returns every notification written since the last call (to push to users who are
     * connected), oldest first.
     */
    public List<Notification> flush() {
        checkUsable();
        write();
        final List<Notification> drained = List.copyOf(written);
        written.clear();
        return drained;
    }

    private void write() {
        if (bufferedSeq == committedSeq) {
            return;
        }
        try {
            store.append(buffered, committedSeq, bufferedSeq, bufferedTimestampMs);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        committedSeq = bufferedSeq;
        committedTimestampMs = bufferedTimestampMs;
        written.addAll(buffered);
        buffered.clear();
        bufferedCommands = 0;
    }

    private void checkUsable() {
        if (failed) {
            throw new IllegalStateException("reason=follower-failed committedSeq=" + committedSeq
                + ": open a new follower to resume from the store's position");
        }
    }

    /** The last sequence written to the store with its notifications. */
    public long committedSeq() {
        return committedSeq;
    }

    /** The cluster time of the last command written to the store. */
    public long committedTimestampMs() {
        return committedTimestampMs;
    }

    /** The last sequence read from the stream (ahead of {@link #committedSeq()} until the next write). */
    public long readSeq() {
        return notifier.lastSeq();
    }

    /**
     * Empties the derived notifications and follows {@code source} (positioned at the start of the stream) to its
     * end again; read marks stay. Returns the position reached.
     */
    public static NotificationStore.Position rebuild(final NotificationStore store, final EventSource source,
        final int pollLimit) {
        store.reset();
        final NotificationFollower follower = open(store);
        while (follower.poll(source, pollLimit) > 0) {
            follower.flush();
        }
        follower.flush();
        return store.position();
    }
}
