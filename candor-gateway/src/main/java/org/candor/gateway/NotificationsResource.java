package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.candor.notifications.Notification;
import org.candor.notifications.NotificationStore;
import org.candor.readmodel.Page;

/**
 * GET /v1/notifications (what the caller has been told about their funds, and the notices for everyone, newest
 * first in keyset pages, optionally only the unread) and POST /v1/notifications/read (mark read up to an id). Both
 * are signed and need READ: marking read changes only the caller's own read mark. Without a notification store
 * (a gateway with no read model) both answer 503 UNAVAILABLE; a store that cannot answer is 503 too, never 500.
 */
final class NotificationsResource {
    static final int LIST_WEIGHT = 5;
    static final int READ_WEIGHT = 1;
    static final int LIMIT_DEFAULT = 50;
    /** Longest a request waits for the notifications of commands this gateway has acknowledged. */
    static final Duration FEED_WAIT = Duration.ofSeconds(2);

    private final RequestGuard guard;
    private final EngineCommands commands;
    private final NotificationFeed feed;

    /** @param feed the gateway's notification feed, or null when it has none */
    NotificationsResource(final RequestGuard guard, final EngineCommands commands, final NotificationFeed feed) {
        this.guard = guard;
        this.commands = commands;
        this.feed = feed;
    }

    void register(final RoutesConfig routes) {
        routes.get("/v1/notifications", this::list);
        routes.post("/v1/notifications/read", this::markRead);
    }

    private void list(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, LIST_WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final long limit = params.longValue("limit", LIMIT_DEFAULT);
        if (limit < 1 || limit > NotificationStore.PAGE_LIMIT_MAX) {
            throw ErrorMapper.illegalParameter("limit");
        }
        final long before = params.longValue("before", 0);
        if (before < 0) {
            throw ErrorMapper.illegalParameter("before");
        }
        final boolean unreadOnly = flag(params, "unreadOnly");
        final NotificationStore store = store();
        final long userId = caller.userId();
        final Page<Notification> page = query(() -> store.page(userId, before, (int) limit, unreadOnly));
        final long readUpTo = query(() -> store.readUpTo(userId));
        final List<Map<String, Object>> rows = new ArrayList<>(page.items().size());
        for (final Notification notification : page.items()) {
            rows.add(NotificationJson.of(notification, notification.id() <= readUpTo));
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("notifications", rows);
        body.put("unreadCount", query(() -> store.unreadCount(userId)));
        body.put("readUpToId", readUpTo);
        body.put("next", page.more() ? page.next() : null);
        Json.send(ctx, body);
    }

    private void markRead(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, READ_WEIGHT, Permission.READ);
        final long upToId = caller.params().requiredLong("upToId");
        if (upToId < 0) {
            throw ErrorMapper.illegalParameter("upToId");
        }
        final NotificationStore store = store();
        final long userId = caller.userId();
        final long mark = query(() -> store.markRead(userId, upToId));
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("readUpToId", mark);
        body.put("unreadCount", query(() -> store.unreadCount(userId)));
        Json.send(ctx, body);
    }

    /**
     * The store, once it holds what this gateway acknowledged (so a user's own withdrawal shows at once); if it is
     * still behind after {@link #FEED_WAIT} it answers with what it has rather than not at all: most notifications
     * come from operators and the chain, which no wait here would make sooner.
     */
    private NotificationStore store() {
        if (feed == null) {
            throw ErrorMapper.historyUnavailable();
        }
        feed.awaitCommitted(commands.acknowledgedSeq(), FEED_WAIT);
        return feed.store();
    }

    /** "true" or "false", false when absent; anything else is -1100 (INVALID_PARAMETER). */
    private static boolean flag(final RequestParams params, final String name) {
        final String value = params.optional(name);
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw ErrorMapper.illegalParameter(name);
    }

    /** A store query; a database that cannot answer is 503 UNAVAILABLE, not a server error. */
    private static <T> T query(final Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalStateException e) {
            throw ErrorMapper.historyUnavailable();
        }
    }
}
