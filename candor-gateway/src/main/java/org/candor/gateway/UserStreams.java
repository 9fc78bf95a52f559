package org.candor.gateway;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Binance-style user data streams: listen keys (made by POST /api/v3/userDataStream, kept alive by PUT, closed by
 * DELETE, expired {@link #EXPIRY_MS} after the last keepalive) and the connections that follow one
 * ({@code /ws/<listenKey>}), which receive the key's user's {@code executionReport}, {@code outboundAccountPosition}
 * and {@code balanceUpdate} events as the journal follower applies them, and their {@code candorNotification}s
 * as the notification feed writes them. A listen key is a bearer secret: 60
 * random letters and digits. Sends use the same bounded per-connection buffers as the market streams.
 */
final class UserStreams implements AutoCloseable {
    static final long EXPIRY_MS = 60 * 60 * 1000L;
    static final int KEY_LENGTH = 60;
    /** Listen keys alive at once (one per user, as Binance): beyond it a new one is refused (-1008). */
    static final int KEYS_MAX = 100_000;
    static final int CONNECTIONS_PER_KEY_MAX = 16;
    static final long SWEEP_INTERVAL_MS = 10_000;
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{" + KEY_LENGTH + "}");
    private static final int NORMAL_CLOSURE = 1000;

    private final Map<String, ListenKey> byKey = new ConcurrentHashMap<>();
    private final Map<Long, ListenKey> byUser = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ReadViews views;
    private final ClientOrderIds clientOrderIds;
    private final LongSupplier clockMs;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "candor-gateway-listen-keys");
        thread.setDaemon(true);
        return thread;
    });

    UserStreams(final ReadViews views, final ClientOrderIds clientOrderIds, final LongSupplier clockMs) {
        this.views = views;
        this.clientOrderIds = clientOrderIds;
        this.clockMs = clockMs;
        views.onUserUpdates(this::publish);
        sweeper.scheduleWithFixedDelay(this::expire, SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** The user's live listen key, kept alive, or a new one. */
    synchronized String open(final long userId) {
        final long nowMs = clockMs.getAsLong();
        final ListenKey existing = byUser.get(userId);
        if (existing != null && existing.expiresAtMs > nowMs) {
            existing.expiresAtMs = nowMs + EXPIRY_MS;
            return existing.key;
        }
        if (byKey.size() >= KEYS_MAX) {
            expire();
            if (byKey.size() >= KEYS_MAX) {
                throw ErrorMapper.overloaded();
            }
        }
        final ListenKey made = new ListenKey(newKey(), userId, nowMs + EXPIRY_MS);
        if (existing != null) {
            remove(existing, "listenKeyExpired");
        }
        byKey.put(made.key, made);
        byUser.put(userId, made);
        return made.key;
    }

    /** Extends the user's key by {@link #EXPIRY_MS}; -1125 when it is not this user's live key. */
    synchronized void keepAlive(final long userId, final String key) {
        owned(userId, key).expiresAtMs = clockMs.getAsLong() + EXPIRY_MS;
    }

    /** Closes the user's key and its connections; -1125 when it is not this user's live key. */
    synchronized void close(final long userId, final String key) {
        remove(owned(userId, key), null);
    }

    private ListenKey owned(final long userId, final String key) {
        final ListenKey found = key == null ? null : byKey.get(key);
        if (found == null || found.userId != userId || found.expiresAtMs <= clockMs.getAsLong()) {
            throw ErrorMapper.unknownListenKey();
        }
        return found;
    }

    private String newKey() {
        return RandomTokens.alphanumeric(random, KEY_LENGTH);
    }

    /**
     * Makes a connection follow {@code name} if it is a live listen key; false if it is not one. Synchronized with
     * the sweep, so turning collection on here is never undone by a sweep that counted connections before it.
     */
    synchronized boolean attach(final String name, final StreamSubscriber subscriber) {
        if (!KEY_FORMAT.matcher(name).matches()) {
            return false;
        }
        final ListenKey key = byKey.get(name);
        if (key == null || key.expiresAtMs <= clockMs.getAsLong()
            || key.connections.size() >= CONNECTIONS_PER_KEY_MAX || subscriber.listenKey != null) {
            subscriber.close(StreamSubscriber.POLICY_VIOLATION, "invalid listen key");
            return true;
        }
        subscriber.listenKey = name;
        key.connections.add(subscriber);
        views.collectUserUpdates(true);
        return true;
    }

    void detach(final StreamSubscriber subscriber) {
        final String name = subscriber.listenKey;
        final ListenKey key = name == null ? null : byKey.get(name);
        if (key != null) {
            key.connections.remove(subscriber);
        }
    }

    private synchronized void expire() {
        final long nowMs = clockMs.getAsLong();
        for (final ListenKey key : new ArrayList<>(byKey.values())) {
            if (key.expiresAtMs <= nowMs) {
                remove(key, "listenKeyExpired");
            }
        }
        views.collectUserUpdates(byKey.values().stream().anyMatch(key -> !key.connections.isEmpty()));
    }

    /** Forgets a key and closes its connections, telling them why first when {@code event} is given. */
    private void remove(final ListenKey key, final String event) {
        byKey.remove(key.key);
        byUser.remove(key.userId, key);
        final String farewell = event == null ? null : Json.write(Map.of("e", event, "E", clockMs.getAsLong(),
            "listenKey", key.key));
        for (final StreamSubscriber subscriber : key.connections) {
            if (farewell != null) {
                subscriber.send(wrap(subscriber, key.key, farewell));
            }
            subscriber.close(NORMAL_CLOSURE, "listen key closed");
        }
        key.connections.clear();
    }

    /** Sends a batch's updates to the connections of their users' keys; the journal follower's thread. */
    void publish(final List<UserUpdate> updates) {
        final long nowMs = clockMs.getAsLong();
        for (final UserUpdate update : updates) {
            final ListenKey key = byUser.get(update.userId());
            if (key == null || key.connections.isEmpty()) {
                continue;
            }
            final String payload = Json.write(views.read(s -> UserStreamJson.of(update, s, clientOrderIds, nowMs)));
            for (final StreamSubscriber subscriber : key.connections) {
                subscriber.send(wrap(subscriber, key.key, payload));
            }
        }
    }

    /**
     * Sends each new notification ({@code candorNotification}) to its user's connections, and a notice for everyone
     * to every connection: the notification feed's thread. The same bounded per-connection buffers apply, so a slow
     * reader loses its connection, never the gateway its memory.
     */
    void publishNotifications(final List<org.candor.notifications.Notification> notifications) {
        final long nowMs = clockMs.getAsLong();
        for (final org.candor.notifications.Notification notification : notifications) {
            final String payload = Json.write(NotificationJson.event(notification, nowMs));
            if (notification.broadcast()) {
                for (final ListenKey key : byKey.values()) {
                    send(key, payload);
                }
            } else {
                final ListenKey key = byUser.get(notification.userId());
                if (key != null) {
                    send(key, payload);
                }
            }
        }
    }

    private static void send(final ListenKey key, final String payload) {
        for (final StreamSubscriber subscriber : key.connections) {
            subscriber.send(wrap(subscriber, key.key, payload));
        }
    }

    private static String wrap(final StreamSubscriber subscriber, final String stream, final String payload) {
        return subscriber.combined ? "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}" : payload;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** One listen key: its user, when it expires, and the connections following it. */
    private static final class ListenKey {
        final String key;
        final long userId;
        final Set<StreamSubscriber> connections = ConcurrentHashMap.newKeySet();
        volatile long expiresAtMs;

        ListenKey(final String key, final long userId, final long expiresAtMs) {
            this.key = key;
            this.userId = userId;
            this.expiresAtMs = expiresAtMs;
        }
    }
}
