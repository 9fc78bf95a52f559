package org.candor.gateway;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Browser sessions of one server: the web app's traders on the trading port, or the console's operators on the
 * admin port (two instances, two cookie names, two login tables, so neither kind of session is valid on the other
 * server). A session id is 256 random bits, sent only in an HttpOnly, SameSite=Strict cookie; the store keeps its
 * SHA-256, never the id. Each session also has a CSRF token, returned by the login answer and required in
 * {@link #CSRF_HEADER} on every request that is not a GET: a page of another site can make the browser send the
 * cookie (or, on another port of the same host, even SameSite ones) but cannot read the token nor, without a CORS
 * preflight the gateway never grants, set a custom header.
 *
 * <p>Bounded: at most {@link #SESSIONS_MAX} live sessions ({@link ErrorMapper#overloaded} beyond, after dropping
 * expired ones) and {@link #PER_PRINCIPAL_MAX} per principal (the oldest is dropped). A session ends after
 * {@link #IDLE_MS} without a request or {@link #LIFETIME_MS} after login, whichever comes first.
 */
final class WebSessions {
    static final String CSRF_HEADER = "X-Candor-CSRF";
    static final int SESSIONS_MAX = 10_000;
    static final int PER_PRINCIPAL_MAX = 8;
    static final long IDLE_MS = 30L * 60 * 1000;
    static final long LIFETIME_MS = 12L * 60 * 60 * 1000;
    private static final int TOKEN_BYTES = 32;
    private static final int UNAUTHORIZED = ErrorMapper.UNAUTHORIZED;
    private static final int FORBIDDEN = 403;

    private final String cookieName;
    private final Set<Permission> granted;
    private final LongSupplier clockMs;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byIdHash = new HashMap<>();

    /**
     * @param cookieName the cookie this server's sessions travel in
     * @param granted    what a session may do: READ and TRADE for traders (never WITHDRAW: moving money out wants a
     *                   step-up the web app does not have yet), OPERATE for operators
     */
    WebSessions(final String cookieName, final Set<Permission> granted, final LongSupplier clockMs) {
        this.cookieName = cookieName;
        this.granted = Set.copyOf(granted);
        this.clockMs = clockMs;
    }

    String cookieName() {
        return cookieName;
    }

    /** A new session for a verified login; its id goes in the cookie, its CSRF token in the answer. */
    synchronized Opened open(final PostgresWebLogins.Login login) {
        final long nowMs = clockMs.getAsLong();
        byIdHash.values().removeIf(session -> session.expired(nowMs));
        dropOldestBeyond(login.principalId(), PER_PRINCIPAL_MAX - 1);
        if (byIdHash.size() >= SESSIONS_MAX) {
            throw ErrorMapper.overloaded();
        }
        final String id = token();
        final Session session = new Session(login.username(), login.principalId(), token(), nowMs);
        byIdHash.put(hash(id), session);
        return new Opened(id, session);
    }

    private void dropOldestBeyond(final long principalId, final int keep) {
        int count = 0;
        Map.Entry<String, Session> oldest = null;
        for (Map.Entry<String, Session> entry : byIdHash.entrySet()) {
            if (entry.getValue().principalId() == principalId) {
                count++;
                if (oldest == null || entry.getValue().createdMs() < oldest.getValue().createdMs()) {
                    oldest = entry;
                }
            }
        }
        if (count > keep && oldest != null) {
            byIdHash.remove(oldest.getKey());
            dropOldestBeyond(principalId, keep);
        }
    }

    /** The live session the request's cookie names, or null; a found session's idle time restarts. */
    synchronized Session find(final Context ctx) {
        final String id = ctx.cookie(cookieName);
        if (id == null || id.isEmpty()) {
            return null;
        }
        final String key = hash(id);
        final Session session = byIdHash.get(key);
        final long nowMs = clockMs.getAsLong();
        if (session == null || session.expired(nowMs)) {
            byIdHash.remove(key);
            return null;
        }
        session.lastSeenMs = nowMs;
        return session;
    }

    /** Whether the request means to use a session: a session cookie and no API key header. */
    boolean presented(final Context ctx) {
        return ctx.header(RequestAuthenticator.API_KEY_HEADER) == null && ctx.cookie(cookieName) != null;
    }

    /**
     * The session of a request that needs {@code permission}: it must exist, grant the permission and, unless the
     * request is a GET, carry the session's CSRF token.
     *
     * @throws ApiError 401 -2015 without a live session, 403 -2015 without the permission or the token
     */
    Session authenticate(final Context ctx, final Permission permission) {
        if (!granted.contains(permission)) {
            // Checked after the session so a logged-out browser hears 401 first, as before.
            authenticateOwnRoute(ctx);
            throw new ApiError(FORBIDDEN, -2015, "A browser session may not do this; use an API key.");
        }
        return authenticateOwnRoute(ctx);
    }

    /**
     * The session of a request to one of the web app's own routes ({@code /web/v1/...}), which decide for
     * themselves what a browser may do there (the web wallet: allow-list and withdrawals, decision 0013): it must
     * exist and, unless the request is a GET, carry the session's CSRF token. The session's API permissions do not
     * apply, so a session still cannot use the signed APIs' WITHDRAW endpoints.
     *
     * @throws ApiError 401 -2015 without a live session, 403 -2015 without the token
     */
    Session authenticateOwnRoute(final Context ctx) {
        final Session session = find(ctx);
        if (session == null) {
            throw new ApiError(UNAUTHORIZED, -2015, "Not logged in, or the session expired.");
        }
        if (!"GET".equals(ctx.method().name()) && !session.csrfMatches(ctx.header(CSRF_HEADER))) {
            throw new ApiError(FORBIDDEN, -2015, "Missing or wrong " + CSRF_HEADER + " header.");
        }
        return session;
    }

    /** Ends the request's session, if any. */
    synchronized void close(final Context ctx) {
        final String id = ctx.cookie(cookieName);
        if (id != null) {
            byIdHash.remove(hash(id));
        }
    }

    synchronized int size() {
        return byIdHash.size();
    }

    /** The Set-Cookie value that carries {@code id}, or with an empty id and no age, clears it. */
    String cookie(final String id, final boolean secure) {
        final long maxAgeSeconds = id.isEmpty() ? 0 : LIFETIME_MS / 1000;
        return cookieName + "=" + id + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
            + (secure ? "; Secure" : "");
    }

    private String token() {
        final byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(final String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session just opened: the id for the cookie (shown once, never stored) and the session. */
    record Opened(String id, Session session) {
    }

    /** A logged-in browser: who, the CSRF token, and its times. */
    static final class Session {
        private final String username;
        private final long principalId;
        private final String csrfToken;
        private final long createdMs;
        private long lastSeenMs;

        Session(final String username, final long principalId, final String csrfToken, final long createdMs) {
            this.username = username;
            this.principalId = principalId;
            this.csrfToken = csrfToken;
            this.createdMs = createdMs;
            this.lastSeenMs = createdMs;
        }

        String username() {
            return username;
        }

        long principalId() {
            return principalId;
        }

        String csrfToken() {
            return csrfToken;
        }

        long createdMs() {
            return createdMs;
        }

        boolean expired(final long nowMs) {
            return nowMs - lastSeenMs > IDLE_MS || nowMs - createdMs > LIFETIME_MS;
        }

        boolean csrfMatches(final String presented) {
            return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[username=" + username + " principalId=" + principalId + " (token hidden)]";
        }
    }
}
