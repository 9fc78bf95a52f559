package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.candor.notifications.Notification;

/** A notification as the native API and the user data stream show it. */
final class NotificationJson {
    /** The user data stream's event type; Binance clients ignore types they do not know. */
    static final String STREAM_EVENT = "candorNotification";

    private NotificationJson() {
    }

    static Map<String, Object> of(final Notification notification, final boolean read) {
        final Map<String, Object> row = fields(notification);
        row.put("read", read);
        return row;
    }

    /** The stream event: {@code "e"}, {@code "E"} (send time) and the notification's fields. */
    static Map<String, Object> event(final Notification notification, final long nowMs) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("e", STREAM_EVENT);
        body.put("E", nowMs);
        body.putAll(fields(notification));
        return body;
    }

    private static Map<String, Object> fields(final Notification notification) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", notification.id());
        row.put("time", notification.timeMs());
        row.put("kind", notification.kind().code());
        row.put("severity", notification.severity().code());
        row.put("title", notification.title());
        row.put("body", notification.body());
        row.put("broadcast", notification.broadcast());
        row.put("holdId", notification.holdId() == 0 ? null : notification.holdId());
        row.put("withdrawalId", notification.withdrawalId() == 0 ? null : notification.withdrawalId());
        row.put("asset", notification.asset());
        row.put("market", notification.market());
        return row;
    }
}
