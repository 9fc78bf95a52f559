package org.candor.gateway;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.agrona.CloseHelper;
import org.candor.cluster.ExchangeClient;

/**
 * A running gateway: the read views following the node's journal, the cluster connection, and the HTTP server.
 * Stateless apart from caches: several gateways may serve one cluster, each with its own client id.
 *
 * <p>Threads: Jetty's request threads run the handlers; one thread owns the cluster client
 * ({@link ClusterCommands}); one thread applies the journal to the views ({@link JournalFollower}).
 */
public final class Gateway implements AutoCloseable {
    /**
     * Longest a starting gateway waits for its views to replay the journal before it answers anything: reads must
     * not come from half a history. Replay runs at hundreds of thousands of events a second; two minutes covers
     * tens of millions of events. A longer journal wants a snapshot of the views (a later issue).
     */
    static final Duration CATCH_UP_AT_START_MAX = Duration.ofMinutes(2);
    private final JournalFollower follower;
    private final ClusterCommands commands;
    private final Javalin server;
    private final ReadViews views;
    private final EngineCommands engine;
    private final RequestGuard.Limits limits;
    private final PostgresWebLogins traderLogins;

    private Gateway(final Config config, final ApiKeyStore keys, final PostgresWebLogins traderLogins) {
        final ReadViews views = new ReadViews();
        final MarketStreams streams = new MarketStreams(config.clockMs());
        views.onMarketUpdates(streams::publish);
        JournalFollower startedFollower = null;
        ClusterCommands startedCommands = null;
        try {
            startedFollower = new JournalFollower(config.journalDir(), views);
            startedFollower.awaitCaughtUp(CATCH_UP_AT_START_MAX);
            startedCommands = new ClusterCommands(config.client());
            engine = new EngineCommands(startedCommands, views);
            final WebSessions sessions = WebApp.traderSessions(config.clockMs());
            final RequestGuard guard = new RequestGuard(
                new RequestAuthenticator(keys, new ReplayCache(), config.clockMs()),
                new RateLimiter("IP", config.ipWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT),
                new RateLimiter("UID", config.keyWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT),
                config.clockMs(), sessions);
            final ClientOrderIds clientOrderIds = new ClientOrderIds(config.client().firstCommandId());
            final GatewayServer.Resources api = new GatewayServer.Resources(new GeneralResource(guard, views),
                new MarketDataResource(guard, views), new CompatibilityResource(guard),
                new OrderResource(guard, views, engine, clientOrderIds),
                new OpenOrdersResource(guard, views, engine, clientOrderIds),
                new AccountResource(guard, views, engine), streams);
            final WebApp web = WebApp.trader(guard, views, engine, sessions, traderLogins);
            this.server = GatewayServer.create(routes -> {
                api.register(routes);
                web.register(routes);
            });
            this.server.start(config.host(), config.port());
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(startedCommands, startedFollower);
            throw e;
        }
        this.follower = startedFollower;
        this.commands = startedCommands;
        this.views = views;
        this.traderLogins = traderLogins;
        this.limits = new RequestGuard.Limits(config.ipWeightPerMinute(), config.keyWeightPerMinute(),
            config.clockMs());
    }

    /**
     * Starts the admin API ({@link AdminResource}) on its own address, sharing this gateway's views and cluster
     * client: operators reach it on a port that need not be public, with operator keys only.
     */
    public AdminServer startAdmin(final String host, final int port, final ApiKeyStore operatorKeys,
        final ApiKeyStore tradingKeys, final OperatorActions actions) {
        return startAdmin(host, port, operatorKeys, tradingKeys, actions, null);
    }

    /**
     * Starts the admin API with the operators' console at {@code /}: operators log in with {@code operatorLogins}
     * (or, when null, nobody can log in to the console) and act through the same admin API in a session.
     */
    public AdminServer startAdmin(final String host, final int port, final ApiKeyStore operatorKeys,
        final ApiKeyStore tradingKeys, final OperatorActions actions, final PostgresWebLogins operatorLogins) {
        final WebSessions sessions = WebApp.operatorSessions(limits.clockMs());
        final RequestGuard guard = new RequestGuard(
            new RequestAuthenticator(operatorKeys, new ReplayCache(), limits.clockMs()),
            new RateLimiter("IP", limits.ipWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT),
            new RateLimiter("UID", limits.keyWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT), limits.clockMs(),
            sessions);
        final AdminResource admin = new AdminResource(guard, views, engine, tradingKeys, actions);
        final WebApp console = WebApp.console(guard, views, engine, sessions, operatorLogins, traderLogins);
        final Javalin adminServer = GatewayServer.create(routes -> {
            admin.register(routes);
            console.register(routes);
        });
        adminServer.start(host, port);
        return new AdminServer(adminServer);
    }

    /** Starts a gateway; the key store is the application's (a {@link PostgresApiKeyStore} on its pool). */
    public static Gateway start(final Config config, final ApiKeyStore keys) {
        return new Gateway(config, keys, null);
    }

    /** Starts a gateway whose web app (at {@code /}) logs traders in with {@code traderLogins}. */
    public static Gateway start(final Config config, final ApiKeyStore keys, final PostgresWebLogins traderLogins) {
        return new Gateway(config, keys, traderLogins);
    }

    /** The port the server listens on (the one chosen when the configuration asked for 0). */
    public int port() {
        return server.port();
    }

    /** Why the views stopped following the journal, or null while they follow it. */
    public Throwable viewFailure() {
        return follower.failure();
    }

    @Override
    public void close() {
        server.stop();
        CloseHelper.quietCloseAll(commands, follower);
    }

    /**
     * How a gateway runs.
     *
     * @param host               the address to listen on
     * @param port               the port, 0 for any free one
     * @param client             the cluster client: node, ingress, this gateway's client id and first command id
     *                           (above any this client id used before, e.g. the wall clock in microseconds)
     * @param journalDir         the committed-event journal of a node on this machine
     * @param ipWeightPerMinute  request weight an IP may use per minute
     * @param keyWeightPerMinute request weight a user's keys may use per minute
     * @param clockMs            the server's clock, epoch milliseconds
     */
    public record Config(String host, int port, ExchangeClient.Config client, Path journalDir,
        long ipWeightPerMinute, long keyWeightPerMinute, LongSupplier clockMs) {
        /** Binance's request weight limit per IP. */
        public static final long IP_WEIGHT_PER_MINUTE_DEFAULT = 6_000;
        public static final long KEY_WEIGHT_PER_MINUTE_DEFAULT = 6_000;
    }
}
