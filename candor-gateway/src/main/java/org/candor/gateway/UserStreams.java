package org.candor.gateway;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * DELETE, expired {@link #EXPIRY_MS} after they were made or last kept alive) and the connections that follow one
 * ({@code /ws/<listenKey>}), which receive the key's user's {@code executionReport}, {@code outboundAccountPosition}
 * and {@code balanceUpdate} events as the journal follower applies them, and their {@code candorNotification}s
 * as the notification feed writes them. Sends use the same bounded per-connection buffers as the market streams.
 *
 * <p>A listen key is a bearer secret: 60 random letters and digits. The keys live in PostgreSQL
 * ({@link PostgresListenKeys}, only their SHA-256), so a key made on one gateway opens a stream on any gateway
 * sharing the database and survives a restart; this class keeps in memory only the keys that connections on this
 * gateway follow. Because only hashes are stored, a key cannot be given back: each POST makes a new one (Binance
 * returns the live one), the earlier ones staying valid, at most {@link #KEYS_PER_USER_MAX} per user.
 *
 * <p>A sweep every {@link #SWEEP_INTERVAL_MS} reads the stored expiry of the keys followed here (one query), so a
 * keepalive on another gateway keeps this gateway's connections open and a close or expiry there ends them here
 * (expiry with {@code listenKeyExpired} first); it also deletes expired rows, at most {@link #PURGE_ROWS_MAX} a time.
 */
final class UserStreams implements AutoCloseable {
    static final long EXPIRY_MS = 60 * 60 * 1000L;
    static final int KEY_LENGTH = 60;
    /** Live listen keys per user: a new one beyond it closes the user's oldest (Binance keeps one per user). */
    static final int KEYS_PER_USER_MAX = 8;
    /** Connections following one key on one gateway. */
    static final int CONNECTIONS_PER_KEY_MAX = 16;
    static final long SWEEP_INTERVAL_MS = 10_000;
    /** Expired rows one sweep deletes at most, so the clean-up is always a short statement. */
    static final int PURGE_ROWS_MAX = 1_000;
    /** WebSocket "try again later": the listen keys could not be read. */
    static final int TRY_AGAIN_LATER = 1013;
    private static final System.Logger LOG = System.getLogger(UserStreams.class.getName());
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{" + KEY_LENGTH + "}");
    private static final int NORMAL_CLOSURE = 1000;

    /** The keys followed by connections on this gateway, by their SHA-256 in hex; a key without connections goes. */
    private final Map<String, Followed> byHash = new ConcurrentHashMap<>();
    private final Map<Long, Set<Followed>> byUser = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ReadViews views;
    private final ClientOrderIds clientOrderIds;
    private final PostgresListenKeys keys;
    private final LongSupplier clockMs;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "candor-gateway-listen-keys");
        thread.setDaemon(true);
        return thread;
    });

    UserStreams(final ReadViews views, final ClientOrderIds clientOrderIds, final PostgresListenKeys keys,
        final LongSupplier clockMs) {
        this.views = views;
        this.clientOrderIds = clientOrderIds;
        this.keys = keys;
        this.clockMs = clockMs;
        views.onUserUpdates(this::publish);
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** A new listen key of the user, valid for {@link #EXPIRY_MS}; the user's oldest beyond the limit are closed. */
    String open(final long userId) {
        final long nowMs = clockMs.getAsLong();
        final String key = RandomTokens.alphanumeric(random, KEY_LENGTH);
        final List<String> dropped = keys.create(TokenHash.of(key), userId, nowMs, nowMs + EXPIRY_MS,
            KEYS_PER_USER_MAX);
        synchronized (this) {
            for (final String hash : dropped) {
                final Followed followed = byHash.get(hash);
                if (followed != null) {
                    remove(followed, "listenKeyExpired");
                }
            }
        }
        return key;
    }

    /** Extends the user's key by {@link #EXPIRY_MS}; -1125 when it is not a live key of this user. */
    void keepAlive(final long userId, final String key) {
        final long nowMs = clockMs.getAsLong();
        if (!wellFormed(key) || !keys.extend(TokenHash.of(key), userId, nowMs, nowMs + EXPIRY_MS)) {
            throw ErrorMapper.unknownListenKey();
        }
        final Followed followed = byHash.get(hex(key));
        if (followed != null) {
            followed.expiresAtMs = nowMs + EXPIRY_MS;
        }
    }

    /** Closes the user's key and its connections here (elsewhere at their next sweep); -1125 as for keepalive. */
    void close(final long userId, final String key) {
        if (!wellFormed(key) || !keys.delete(TokenHash.of(key), userId, clockMs.getAsLong())) {
            throw ErrorMapper.unknownListenKey();
        }
        synchronized (this) {
            final Followed followed = byHash.get(hex(key));
            if (followed != null) {
                remove(followed, null);
            }
        }
    }

    /**
     * Makes a connection follow {@code name} if it is a live listen key (one lookup); false if it is not shaped as
     * one. Synchronized with the sweep, so turning collection on here is never undone by a sweep that counted
     * connections before it.
     */
    boolean attach(final String name, final StreamSubscriber subscriber) {
        if (!wellFormed(name)) {
            return false;
        }
        final PostgresListenKeys.Owner owner;
        try {
            owner = subscriber.listenKey != null ? null : keys.find(TokenHash.of(name), clockMs.getAsLong());
        } catch (ApiError unavailable) {
            subscriber.close(TRY_AGAIN_LATER, "listen keys unavailable");
            return true;
        }
        synchronized (this) {
            if (owner == null || subscriber.listenKey != null) {
                subscriber.close(StreamSubscriber.POLICY_VIOLATION, "invalid listen key");
                return true;
            }
            final Followed followed = byHash.computeIfAbsent(hex(name),
                hash -> new Followed(name, hash, owner.userId(), owner.expiresMs()));
            if (followed.connections.size() >= CONNECTIONS_PER_KEY_MAX) {
                subscriber.close(StreamSubscriber.POLICY_VIOLATION, "invalid listen key");
                return true;
            }
            followed.expiresAtMs = Math.max(followed.expiresAtMs, owner.expiresMs());
            byUser.computeIfAbsent(owner.userId(), user -> ConcurrentHashMap.newKeySet()).add(followed);
            subscriber.listenKey = name;
            followed.connections.add(subscriber);
            views.collectUserUpdates(true);
        }
        return true;
    }

    synchronized void detach(final StreamSubscriber subscriber) {
        final String name = subscriber.listenKey;
        final Followed followed = name == null ? null : byHash.get(hex(name));
        if (followed != null) {
            followed.connections.remove(subscriber);
            if (followed.connections.isEmpty()) {
                forget(followed);
            }
        }
    }

    /**
     * Reads the stored expiry of every key followed here (one query, outside the lock), ends those closed or
     * expired, then deletes a bounded batch of expired rows. A failing database ends nothing: the next sweep tries
     * again, and connections stay as they were.
     */
    private void sweep() {
        try {
            final long nowMs = clockMs.getAsLong();
            final List<String> hashes = new ArrayList<>(byHash.keySet());
            final Map<String, Long> stored = keys.expiries(hashes);
            synchronized (this) {
                for (final String hash : hashes) {
                    final Followed followed = byHash.get(hash);
                    final Long expiresMs = stored.get(hash);
                    if (followed == null) {
                        continue;
                    }
                    if (expiresMs == null) {
                        // Closed on another gateway, or expired and already deleted.
                        remove(followed, followed.expiresAtMs <= nowMs ? "listenKeyExpired" : null);
                    } else if (expiresMs <= nowMs) {
                        remove(followed, "listenKeyExpired");
                    } else {
                        followed.expiresAtMs = expiresMs;
                    }
                }
                views.collectUserUpdates(!byHash.isEmpty());
            }
            keys.purgeExpired(nowMs, PURGE_ROWS_MAX);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reason=listen-key-sweep-failed " + e);
        }
    }

    /** Forgets a key here and closes its connections, telling them why first when {@code event} is given. */
    private void remove(final Followed followed, final String event) {
        forget(followed);
        final String farewell = event == null ? null : Json.write(Map.of("e", event, "E", clockMs.getAsLong(),
            "listenKey", followed.key));
        for (final StreamSubscriber subscriber : followed.connections) {
            if (farewell != null) {
                subscriber.send(wrap(subscriber, followed.key, farewell));
            }
            subscriber.close(NORMAL_CLOSURE, "listen key closed");
        }
        followed.connections.clear();
    }

    private void forget(final Followed followed) {
        byHash.remove(followed.hash, followed);
        byUser.computeIfPresent(followed.userId, (user, set) -> {
            set.remove(followed);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends a batch's updates to the connections of their users' keys; the journal follower's thread. */
    void publish(final List<UserUpdate> updates) {
        final long nowMs = clockMs.getAsLong();
        for (final UserUpdate update : updates) {
            final Set<Followed> followed = byUser.get(update.userId());
            if (followed == null || followed.isEmpty()) {
                continue;
            }
            final String payload = Json.write(views.read(s -> UserStreamJson.of(update, s, clientOrderIds, nowMs)));
            for (final Followed key : followed) {
                send(key, payload);
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
            final Iterable<Followed> targets = notification.broadcast() ? byHash.values()
                : byUser.getOrDefault(notification.userId(), Set.of());
            for (final Followed key : targets) {
                send(key, payload);
            }
        }
    }

    /** Keys followed by connections on this gateway (tests). */
    int followedKeys() {
        return byHash.size();
    }

    private static void send(final Followed key, final String payload) {
        for (final StreamSubscriber subscriber : key.connections) {
            subscriber.send(wrap(subscriber, key.key, payload));
        }
    }

    private static String wrap(final StreamSubscriber subscriber, final String stream, final String payload) {
        return subscriber.combined ? "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}" : payload;
    }

    private static boolean wellFormed(final String key) {
        return key != null && KEY_FORMAT.matcher(key).matches();
    }

    private static String hex(final String key) {
        return HexFormat.of().formatHex(TokenHash.of(key));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** A listen key followed here: its user, when it expires as last read, and this gateway's connections. */
    private static final class Followed {
        final String key;
        final String hash;
        final long userId;
        final Set<StreamSubscriber> connections = ConcurrentHashMap.newKeySet();
        volatile long expiresAtMs;

        Followed(final String key, final String hash, final long userId, final long expiresAtMs) {
            this.key = key;
            this.hash = hash;
            this.userId = userId;
            this.expiresAtMs = expiresAtMs;
        }
    }
}
