package org.candor.gateway;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Browser sessions of one server: the web app's traders on the trading port, or the console's operators on the
 * admin port (two instances, two cookie names, two login tables and two session tables, so neither kind of session
 * is valid on the other server). A session id is 256 random bits, sent only in an HttpOnly, SameSite=Strict cookie;
 * the store ({@link PostgresWebSessions}, shared by every gateway on the database) keeps its SHA-256, never the id.
 * Each session also has a CSRF token, returned by the login answer and required in {@link #CSRF_HEADER} on every
 * request that is not a GET: a page of another site can make the browser send the cookie (or, on another port of
 * the same host, even SameSite ones) but cannot read the token nor, without a CORS preflight the gateway never
 * grants, set a custom header.
 *
 * <p>Bounded: at most {@link #PER_PRINCIPAL_MAX} live sessions per principal (the oldest is dropped); each login
 * also deletes up to {@link #PURGE_ROWS_MAX} expired sessions of anyone. A session ends after {@link #IDLE_MS}
 * without a request (recorded to {@link PostgresWebSessions#TOUCH_INTERVAL_MS}) or {@link #LIFETIME_MS} after
 * login, whichever comes first.
 */
final class WebSessions {
    static final String CSRF_HEADER = "X-Candor-CSRF";
    static final int PER_PRINCIPAL_MAX = 8;
    static final int PURGE_ROWS_MAX = 100;
    static final long IDLE_MS = 30L * 60 * 1000;
    static final long LIFETIME_MS = 12L * 60 * 60 * 1000;
    private static final int TOKEN_BYTES = 32;
    private static final int UNAUTHORIZED = ErrorMapper.UNAUTHORIZED;
    private static final int FORBIDDEN = 403;

    private final String cookieName;
    private final Set<Permission> granted;
    private final PostgresWebSessions store;
    private final LongSupplier clockMs;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param cookieName the cookie this server's sessions travel in
     * @param granted    what a session may do: READ and TRADE for traders (never WITHDRAW: moving money out wants a
     *                   step-up the web app does not have yet), OPERATE for operators
     * @param store      where this kind of session is kept
     */
    WebSessions(final String cookieName, final Set<Permission> granted, final PostgresWebSessions store,
        final LongSupplier clockMs) {
        this.cookieName = cookieName;
        this.granted = Set.copyOf(granted);
        this.store = store;
        this.clockMs = clockMs;
    }

    String cookieName() {
        return cookieName;
    }

    /** A new session for a verified login; its id goes in the cookie, its CSRF token in the answer. */
    Opened open(final PostgresWebLogins.Login login) {
        final long nowMs = clockMs.getAsLong();
        final String id = token();
        final Session session = new Session(login.username(), login.principalId(), token(), nowMs);
        store.open(TokenHash.of(id), new PostgresWebSessions.Stored(session.username(), session.principalId(),
            session.csrfToken(), nowMs, nowMs + Math.min(IDLE_MS, LIFETIME_MS)), nowMs, PER_PRINCIPAL_MAX,
            PURGE_ROWS_MAX);
        return new Opened(id, session);
    }

    /** The live session the request's cookie names, or null; a found session's idle time restarts. */
    Session find(final Context ctx) {
        return find(ctx.cookie(cookieName));
    }

    /** The live session with this id, or null; a found session's idle time restarts. */
    Session find(final String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        final PostgresWebSessions.Stored stored = store.find(TokenHash.of(id), clockMs.getAsLong(), IDLE_MS,
            LIFETIME_MS);
        return stored == null ? null
            : new Session(stored.username(), stored.principalId(), stored.csrfToken(), stored.createdMs());
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

    /** Ends the request's session, if any, on every gateway. */
    void close(final Context ctx) {
        final String id = ctx.cookie(cookieName);
        if (id != null && !id.isEmpty()) {
            store.delete(TokenHash.of(id));
        }
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

    /** A session just opened: the id for the cookie (shown once, never stored) and the session. */
    record Opened(String id, Session session) {
    }

    /** A logged-in browser: who, the CSRF token, and its times. */
    static final class Session {
        private final String username;
        private final long principalId;
        private final String csrfToken;
        private final long createdMs;

        Session(final String username, final long principalId, final String csrfToken, final long createdMs) {
            this.username = username;
            this.principalId = principalId;
            this.csrfToken = csrfToken;
            this.createdMs = createdMs;
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
