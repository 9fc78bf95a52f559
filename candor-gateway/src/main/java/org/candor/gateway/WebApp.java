package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The browser apps' routes on a server (issue 7, decision 0012): the page and its files ({@link WebAppAssets}),
 * login and sessions ({@link WebLoginResource}) and what the existing APIs lack. On the trading port the web app,
 * whose sessions may READ and TRADE through the existing {@code /api/v3} and {@code /v1} endpoints, and manage the
 * allow-list and withdraw through its own wallet routes ({@link WebWalletResource}); on the admin port the
 * operators' console, whose sessions may OPERATE through {@code /admin/v1}.
 */
final class WebApp {
    /** The cookies of the two kinds of session: cookies ignore ports, so the two servers' names must differ. */
    static final String TRADER_COOKIE = "candor_session";
    static final String OPERATOR_COOKIE = "candor_console_session";

    private final WebAppAssets assets;
    private final WebLoginResource login;
    private final Consumer<RoutesConfig> reads;

    private WebApp(final WebAppAssets assets, final WebLoginResource login,
        final Consumer<RoutesConfig> reads) {
        this.assets = assets;
        this.login = login;
        this.reads = reads;
    }

    /** Sessions for traders, in the gateway's database: read and trade, never withdraw (no step-up yet). */
    static WebSessions traderSessions(final DataSource database, final LongSupplier clockMs) {
        return new WebSessions(TRADER_COOKIE, EnumSet.of(Permission.READ, Permission.TRADE),
            PostgresWebSessions.traders(database), clockMs);
    }

    static WebSessions operatorSessions(final DataSource database, final LongSupplier clockMs) {
        return new WebSessions(OPERATOR_COOKIE, EnumSet.of(Permission.OPERATE), PostgresWebSessions.operators(database),
            clockMs);
    }

    /**
     * The traders' web app; without logins (null) it is served but nobody can log in. Its wallet routes run
     * {@code wallet}'s handlers (the native API's) for the session's user.
     */
    static WebApp trader(final RequestGuard guard, final ReadViews views, final EngineCommands engine,
        final WebSessions sessions, final PostgresWebLogins logins, final WalletResource wallet) {
        return new WebApp(new WebAppAssets("index.html"),
            logins == null ? null : new WebLoginResource(guard, sessions, logins, "userId"),
            new WebWalletResource(guard, views, engine, wallet)::register);
    }

    /** The operators' console; {@code traderLogins} (or null) lets operators find a user by login name. */
    static WebApp console(final RequestGuard guard, final ReadViews views, final EngineCommands engine,
        final WebSessions sessions, final PostgresWebLogins operatorLogins, final PostgresWebLogins traderLogins) {
        return new WebApp(new WebAppAssets("console.html"),
            operatorLogins == null ? null : new WebLoginResource(guard, sessions, operatorLogins, "operatorId"),
            new AdminConsoleResource(guard, views, engine, traderLogins)::register);
    }

    void register(final RoutesConfig routes) {
        assets.register(routes);
        if (login != null) {
            login.register(routes);
        }
        reads.accept(routes);
    }
}
