package org.candor.notifications;

import java.util.Objects;

/**
 * One thing a user is told, derived from one committed event: the same journal always gives the same
 * notifications. Its id is the sequence of the event that caused it (an event causes at most one), so ids are
 * unique, increase with time, and survive a rebuild unchanged, which is what lets read marks refer to them.
 *
 * @param id           the causing event's sequence
 * @param userId       whose it is, or {@link #EVERYONE} for a notice every user sees (a market halt, a pause)
 * @param timeMs       the cluster time of the command or timer batch that caused it (never a wall clock)
 * @param kind         what it is about
 * @param title        one line in plain English
 * @param body         the explanation in plain English: amounts in the asset's units, dates in UTC
 * @param holdId       the hold it is about, or 0
 * @param withdrawalId the withdrawal it is about, or 0
 * @param asset        the code of the asset it is about, or null
 * @param market       the symbol of the market it is about, or null
 */
public record Notification(long id, long userId, long timeMs, NotificationKind kind, String title, String body,
    long holdId, long withdrawalId, String asset, String market) {
    /** The user id of a notice for every user. */
    public static final long EVERYONE = 0;

    public Notification {
        if (id <= 0 || userId < 0) {
            throw new IllegalArgumentException("notification id must be positive and user id not negative: id="
                + id + " userId=" + userId);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    public Severity severity() {
        return kind.severity();
    }

    /** Whether every user sees it. */
    public boolean broadcast() {
        return userId == EVERYONE;
    }

    /** The same notification at the time of the command that caused it. */
    Notification at(final long commandTimeMs) {
        return new Notification(id, userId, commandTimeMs, kind, title, body, holdId, withdrawalId, asset, market);
    }
}
