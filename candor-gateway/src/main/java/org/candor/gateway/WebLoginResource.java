package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser login for one server: {@code POST /web/v1/login} (form: username, password) opens a session and sets its
 * cookie, {@code GET /web/v1/session} says who is logged in, if anyone (and gives a reloaded page its CSRF token
 * back), {@code POST /web/v1/logout} ends it. The trading port logs traders in against their table, the admin port
 * operators against theirs.
 *
 * <p>A login costs {@link #LOGIN_WEIGHT} of the IP's request weight (about 60 tries a minute at the default limit),
 * because each try is a deliberately slow password hash. The login form must carry the {@link
 * WebSessions#CSRF_HEADER} header (any value): a cross-site form cannot set it, so it cannot log a victim's browser
 * into an attacker's account.
 */
final class WebLoginResource {
    static final String PREFIX = "/web/v1";
    static final int LOGIN_WEIGHT = 100;
    static final int SESSION_WEIGHT = 1;
    private static final int UNAUTHORIZED = ErrorMapper.UNAUTHORIZED;

    private final RequestGuard guard;
    private final WebSessions sessions;
    private final PostgresWebLogins logins;
    private final String idField;

    /**
     * @param idField the name of the principal's id in answers: {@code userId} for traders, {@code operatorId} for
     *                operators
     */
    WebLoginResource(final RequestGuard guard, final WebSessions sessions, final PostgresWebLogins logins,
        final String idField) {
        this.guard = guard;
        this.sessions = sessions;
        this.logins = logins;
        this.idField = idField;
    }

    void register(final RoutesConfig routes) {
        routes.post(PREFIX + "/login", this::login);
        routes.get(PREFIX + "/session", this::session);
        routes.post(PREFIX + "/logout", this::logout);
    }

    private void login(final Context ctx) {
        final RequestParams params = guard.open(ctx, LOGIN_WEIGHT);
        if (ctx.header(WebSessions.CSRF_HEADER) == null) {
            throw new ApiError(ErrorMapper.BAD_REQUEST, -1102, "Log in from the web app (header "
                + WebSessions.CSRF_HEADER + " missing).");
        }
        final String username = params.required("username");
        final char[] password = params.required("password").toCharArray();
        if (password.length > PasswordHasher.PASSWORD_CHARS_MAX) {
            throw ErrorMapper.illegalParameter("password");
        }
        final Optional<PostgresWebLogins.Login> login = logins.verify(username, password);
        Arrays.fill(password, '\0');
        if (login.isEmpty()) {
            throw new ApiError(UNAUTHORIZED, -2015, "Wrong username or password.");
        }
        final WebSessions.Opened opened = sessions.open(login.get());
        ctx.header("Set-Cookie", sessions.cookie(opened.id(), "https".equals(ctx.scheme())));
        Json.send(ctx, describe(opened.session()));
    }

    private void session(final Context ctx) {
        guard.open(ctx, SESSION_WEIGHT);
        final WebSessions.Session session = sessions.find(ctx);
        // 200 either way: a page asks this first, and a logged-out visitor is not an error in its console.
        Json.send(ctx, session == null ? Map.of("loggedIn", false) : describe(session));
    }

    private void logout(final Context ctx) {
        guard.open(ctx, SESSION_WEIGHT);
        final WebSessions.Session session = sessions.find(ctx);
        if (session != null && !session.csrfMatches(ctx.header(WebSessions.CSRF_HEADER))) {
            throw new ApiError(403, -2015, "Missing or wrong " + WebSessions.CSRF_HEADER + " header.");
        }
        sessions.close(ctx);
        ctx.header("Set-Cookie", sessions.cookie("", "https".equals(ctx.scheme())));
        Json.send(ctx, Map.of("loggedOut", true));
    }

    private Map<String, Object> describe(final WebSessions.Session session) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("loggedIn", true);
        body.put("username", session.username());
        body.put(idField, session.principalId());
        body.put("csrfToken", session.csrfToken());
        body.put("expiresInMs", WebSessions.IDLE_MS);
        return body;
    }
}
