package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health from real signals, for the status page and for operators: {@code GET /v1/health} on the public port (is
 * the gateway following the exchange; how far behind the exchange is the history in PostgreSQL, in events and in
 * milliseconds of cluster time) and the same figures as Prometheus metrics on the admin port ({@code GET /metrics},
 * unauthenticated like any scrape endpoint: the admin port must not be public). "down" (503) when the views stopped
 * following the journal (balances would be stale, so the gateway refuses reads); "degraded" when history lags more
 * than {@link #LAG_EVENTS_DEGRADED} events or {@link #LAG_MS_DEGRADED} ms, or its projection is failing, or when the
 * users' notifications lag more than {@link #LAG_EVENTS_DEGRADED} events or their feed is failing: users who are not
 * told about their funds is a degraded exchange, even if everything else works.
 */
final class HealthResource {
    static final int WEIGHT = 1;
    /** History this many events behind is reported degraded (the projector does about 150,000 a second). */
    static final long LAG_EVENTS_DEGRADED = 100_000;
    /** History this far behind in cluster time is reported degraded. */
    static final long LAG_MS_DEGRADED = 10_000;
    private static final int UNAVAILABLE = 503;

    private final RequestGuard guard;
    private final ReadViews views;
    private final HistoryProjection projection;
    private final NotificationFeed notifications;
    private final PrometheusMeterRegistry registry;

    /** {@code projection} and {@code notifications} are null on a gateway without a read model. */
    HealthResource(final RequestGuard guard, final ReadViews views, final HistoryProjection projection,
        final NotificationFeed notifications, final PrometheusMeterRegistry registry) {
        this.guard = guard;
        this.registry = registry;
        this.views = views;
        this.projection = projection;
        this.notifications = notifications;
        Gauge.builder("candor_views_last_seq", views, ReadViews::lastSeq)
            .description("Sequence of the last event the gateway's views applied").register(registry);
        Gauge.builder("candor_views_following", views, v -> v.failure() == null ? 1 : 0)
            .description("1 while the views follow the journal, 0 once they stopped").register(registry);
        if (projection != null) {
            Gauge.builder("candor_readmodel_committed_seq", projection, HistoryProjection::committedSeq)
                .description("Sequence of the last event committed to the read model").register(registry);
            Gauge.builder("candor_readmodel_lag_events", this, HealthResource::lagEvents)
                .description("Events the read model is behind the views").register(registry);
            Gauge.builder("candor_readmodel_lag_ms", this, HealthResource::lagMs)
                .description("Cluster milliseconds the read model is behind the views").register(registry);
        }
        if (notifications != null) {
            Gauge.builder("candor_notifications_committed_seq", notifications, NotificationFeed::committedSeq)
                .description("Sequence up to which the users' notifications are stored").register(registry);
            Gauge.builder("candor_notifications_lag_events", this, HealthResource::noticeLagEvents)
                .description("Events the notifications are behind the views").register(registry);
            Gauge.builder("candor_notifications_failing", notifications, n -> n.failure() == null ? 0 : 1)
                .description("1 while the notification feed's last attempt failed").register(registry);
        }
    }

    void register(final RoutesConfig routes) {
        routes.get("/v1/health", this::health);
    }

    /** The metrics route, for the admin server. */
    void registerMetrics(final RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
            ctx.result(registry.scrape());
        });
    }

    private void health(final Context ctx) {
        guard.open(ctx, WEIGHT);
        final boolean following = views.failure() == null;
        final Map<String, Object> viewsPart = new LinkedHashMap<>();
        viewsPart.put("following", following);
        viewsPart.put("lastSeq", views.lastSeq());
        viewsPart.put("lastEventAt", views.lastTimestampMs());
        String status = following ? "ok" : "down";
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverTime", guard.nowMs());
        body.put("views", viewsPart);
        if (projection != null) {
            final Map<String, Object> history = new LinkedHashMap<>();
            final long events = lagEvents();
            final long ms = lagMs();
            history.put("committedSeq", projection.committedSeq());
            history.put("lagEvents", events);
            history.put("lagMs", ms);
            history.put("failing", projection.failure() != null);
            body.put("history", history);
            if (following && (projection.failure() != null || events > LAG_EVENTS_DEGRADED
                || ms > LAG_MS_DEGRADED)) {
                status = "degraded";
            }
        }
        if (notifications != null) {
            final Map<String, Object> notices = new LinkedHashMap<>();
            final long events = noticeLagEvents();
            notices.put("committedSeq", notifications.committedSeq());
            notices.put("lagEvents", events);
            notices.put("failing", notifications.failure() != null);
            body.put("notifications", notices);
            if (following && (notifications.failure() != null || events > LAG_EVENTS_DEGRADED)) {
                status = "degraded";
            }
        }
        body.put("status", status);
        ctx.status(following ? 200 : UNAVAILABLE);
        Json.send(ctx, body);
    }

    private long lagEvents() {
        return Math.max(0, views.lastSeq() - projection.committedSeq());
    }

    private long noticeLagEvents() {
        return Math.max(0, views.lastSeq() - notifications.committedSeq());
    }

    /** Cluster time between the newest command the views applied and the newest the read model committed. */
    private long lagMs() {
        return lagEvents() == 0 ? 0 : Math.max(0, views.lastTimestampMs() - projection.committedTimestampMs());
    }
}
