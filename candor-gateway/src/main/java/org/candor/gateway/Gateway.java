package org.candor.gateway;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.agrona.CloseHelper;
import org.candor.cluster.ExchangeClient;
import org.candor.notifications.NotificationStore;
import org.candor.readmodel.ReadModelDatabase;

/**
 * A running gateway: the read views following the node's journal, the cluster connection, and the HTTP server.
 * Stateless apart from caches: several gateways may serve one cluster, each with its own client id; what must
 * outlive one gateway or be seen by the others (API keys, listen keys, browser sessions, client order id strings)
 * is in the database they share.
 *
 * <p>Threads: Jetty's request threads run the handlers; one thread owns the cluster client
 * ({@link ClusterCommands}); one thread applies the journal to the views ({@link JournalFollower}).
 */
public final class Gateway implements AutoCloseable {
    private final JournalFollower follower;
    private final ClusterCommands commands;
    private final HistoryProjection projection;
    private final NotificationFeed notifications;
    private final UserStreams userStreams;
    private final Javalin server;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final ReadViews views;
    private final EngineCommands engine;
    private final RequestGuard.Limits limits;
    private final HealthResource health;
    /** This gateway's metrics, scraped at the admin server's {@code /metrics}. */
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile DepositAddresses depositAddresses;
    private volatile PendingDeposits pendingDeposits;
    private final PostgresWebLogins traderLogins;
    private final DataSource database;

    private Gateway(final Config config, final ApiKeyStore keys, final DataSource database,
        final PostgresWebLogins traderLogins, final ClientOrderIdStore clientOrderIdStore) {
        final ReadViews views = new ReadViews();
        final ClientOrderIds clientOrderIds = new ClientOrderIds(config.client().firstCommandId(), clientOrderIdStore);
        final UserStreams userStreams = new UserStreams(views, clientOrderIds, new PostgresListenKeys(database),
            config.clockMs());
        final MarketStreams streams = new MarketStreams(config.clockMs(), userStreams);
        views.onMarketUpdates(streams::publish);
        JournalFollower startedFollower = null;
        ClusterCommands startedCommands = null;
        HistoryProjection startedProjection = null;
        NotificationFeed startedNotifications = null;
        try {
            startedFollower = new JournalFollower(config.journalDir(), views);
            // Reads must not come from half a history: nothing is served before the views replayed the journal, which
            // takes as long as the journal is long (a snapshot of the views would bound it; not built yet).
            startedFollower.awaitCaughtUp();
            startedProjection = history(config);
            startedNotifications = notifications(config, userStreams);
            final CommandStages stages = new CommandStages(metrics);
            startedCommands = new ClusterCommands(config.client(), stages, views::wakeWriter);
            engine = new EngineCommands(startedCommands, views, stages);
            final WebSessions sessions = WebApp.traderSessions(database, config.clockMs());
            final RequestGuard guard = tradersGuard(config, keys, sessions);
            final HistoryAccess history = new HistoryAccess(engine, startedProjection, views.lastSeq());
            final WalletResource wallet = new WalletResource(guard, views, engine, () -> depositAddresses,
                () -> pendingDeposits, history);
            final GatewayServer.Resources api = new GatewayServer.Resources(new GeneralResource(guard, views),
                new MarketDataResource(guard, views), new CompatibilityResource(guard),
                new OrderResource(guard, views, engine, clientOrderIds),
                new OpenOrdersResource(guard, views, engine, clientOrderIds),
                new AccountResource(guard, views, engine),
                new HistoryResource(guard, views, engine, clientOrderIds, startedProjection, views.lastSeq()),
                new UserDataStreamResource(guard, userStreams),
                wallet,
                new NativeResource(new NativeMarketsResource(guard, views),
                    new NativeOrdersResource(guard, views, engine, clientOrderIds, startedProjection),
                    new NativeAccountResource(guard, views, engine),
                    new NativeStatementResource(guard, views, history)),
                streams);
            final WebApp web = WebApp.trader(guard, views, engine, sessions, traderLogins, wallet);
            health = new HealthResource(guard, views, startedProjection, startedNotifications, metrics);
            final NotificationsResource notices = new NotificationsResource(guard, engine, startedNotifications);
            this.server = GatewayServer.create(register -> {
                api.register(register);
                notices.register(register);
                web.register(register);
                health.register(register);
            }, routes, config.trustedProxies());
            this.server.start(config.host(), config.port());
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(startedCommands, startedNotifications, startedProjection, startedFollower,
                userStreams);
            throw e;
        }
        this.projection = startedProjection;
        this.notifications = startedNotifications;
        this.userStreams = userStreams;
        this.follower = startedFollower;
        this.commands = startedCommands;
        this.views = views;
        this.traderLogins = traderLogins;
        this.database = database;
        this.limits = new RequestGuard.Limits(config.ipWeightPerMinute(), config.keyWeightPerMinute(),
            config.clockMs(), config.trustedProxies());
    }

    /** The history this gateway projects, or reads from another's projection, or null without a read model. */
    private static HistoryProjection history(final Config config) {
        if (config.readModel() == null) {
            return null;
        }
        return config.projectsHistory() ? new HistoryProjection(config.journalDir(), config.readModel())
            : HistoryProjection.reading(config.readModel());
    }

    /**
     * The users' notifications: written by the gateway that projects the read model (one writer per schema), read
     * from its store by the others; null without a read model.
     */
    private static NotificationFeed notifications(final Config config, final UserStreams userStreams) {
        if (config.readModel() == null) {
            return null;
        }
        final NotificationStore store = NotificationStore.open(config.readModel().dataSource(),
            NotificationStore.DEFAULT_SCHEMA);
        return config.projectsHistory()
            ? new NotificationFeed(config.journalDir(), store, userStreams::publishNotifications)
            : NotificationFeed.reading(store, userStreams::publishNotifications);
    }

    /** What the public API's requests pass: signatures by trading keys, weight and order limits. */
    private static RequestGuard tradersGuard(final Config config, final ApiKeyStore keys, final WebSessions sessions) {
        return new RequestGuard(new RequestAuthenticator(keys, new ReplayCache(), config.clockMs()),
            new RateLimiter("IP", config.ipWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT),
            new RateLimiter("UID", config.keyWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT),
            new OrderCountLimiter(config.orderLimits(), RateLimiter.CALLERS_MAX_DEFAULT), config.clockMs(), sessions);
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
        final WebSessions sessions = WebApp.operatorSessions(database, limits.clockMs());
        final RequestGuard guard = new RequestGuard(
            new RequestAuthenticator(operatorKeys, new ReplayCache(), limits.clockMs()),
            new RateLimiter("IP", limits.ipWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT),
            new RateLimiter("UID", limits.keyWeightPerMinute(), RateLimiter.CALLERS_MAX_DEFAULT), limits.clockMs(),
            sessions);
        final AdminResource admin = new AdminResource(guard, views, engine, tradingKeys, actions,
            new MassActionIds(actions.dataSource()));
        final WebApp console = WebApp.console(guard, views, engine, sessions, operatorLogins, traderLogins);
        final Javalin adminServer = GatewayServer.create(register -> {
            admin.register(register);
            console.register(register);
            health.registerMetrics(register);
        }, new CopyOnWriteArrayList<>(), limits.trustedProxies());
        adminServer.start(host, port);
        return new AdminServer(adminServer);
    }

    /** Connects the wallet service that hands out deposit addresses (until then, deposit addresses answer 503). */
    public void useDepositAddresses(final DepositAddresses addresses) {
        this.depositAddresses = addresses;
    }

    /**
     * Connects the wallet service's deposits waiting for confirmations, which the deposit history then lists with
     * status 0 (until then, and in a process without a chain edge, it lists credited deposits only).
     */
    public void usePendingDeposits(final PendingDeposits deposits) {
        this.pendingDeposits = deposits;
    }

    /**
     * Starts a gateway. The key store is the application's (a {@link PostgresApiKeyStore} on its pool);
     * {@code database} is the pool of the gateway's schema ({@link PostgresApiKeyStore#migrate} brings it up to date),
     * where the listen keys of the user data streams and the browser sessions live, shared with every gateway on it.
     */
    public static Gateway start(final Config config, final ApiKeyStore keys, final DataSource database) {
        return new Gateway(config, keys, database, null, ClientOrderIdStore.NONE);
    }

    /** Starts a gateway whose web app (at {@code /}) logs traders in with {@code traderLogins}. */
    public static Gateway start(final Config config, final ApiKeyStore keys, final DataSource database,
        final PostgresWebLogins traderLogins) {
        return new Gateway(config, keys, database, traderLogins, ClientOrderIdStore.NONE);
    }

    /**
     * As {@link #start(Config, ApiKeyStore, DataSource, PostgresWebLogins)}, keeping users' client order id strings
     * in {@code clientOrderIds} so that orders show them after a restart.
     */
    public static Gateway start(final Config config, final ApiKeyStore keys, final DataSource database,
        final PostgresWebLogins traderLogins, final PostgresClientOrderIds clientOrderIds) {
        return new Gateway(config, keys, database, traderLogins, clientOrderIds);
    }

    /** The port the server listens on (the one chosen when the configuration asked for 0). */
    public int port() {
        return server.port();
    }

    /** Every HTTP route the server registered, as "METHOD /path". */
    List<String> routes() {
        return List.copyOf(routes);
    }

    /** Why the views stopped following the journal, or null while they follow it. */
    public Throwable viewFailure() {
        return follower.failure();
    }

    @Override
    public void close() {
        server.stop();
        CloseHelper.quietCloseAll(commands, notifications, projection, follower, userStreams);
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
     * @param readModel          the read model this gateway projects the journal into and serves history from
     *                           (the caller opens and closes it; one projecting gateway per schema), or null: then
     *                           klines, aggTrades, allOrders and myTrades answer 503. The gateway also keeps the
     *                           users' notifications on its pool, in their own schema ({@link NotificationStore})
     * @param orderLimits        new orders an account may place per 10 s and per day, on this gateway
     * @param trustedProxies     the reverse proxies whose X-Forwarded-For names the client (public and admin API)
     * @param projectsHistory    whether this gateway projects the journal into {@code readModel} (one per schema)
     *                           or serves history from what another process projects there; a reading gateway
     *                           also reads the notifications that one writes, and pushes the new ones to its
     *                           users' streams
     */
    public record Config(String host, int port, ExchangeClient.Config client, Path journalDir,
        long ipWeightPerMinute, long keyWeightPerMinute, LongSupplier clockMs, ReadModelDatabase readModel,
        OrderLimits orderLimits, TrustedProxies trustedProxies, boolean projectsHistory) {
        /** Binance's request weight limit per IP. */
        public static final long IP_WEIGHT_PER_MINUTE_DEFAULT = 6_000;
        public static final long KEY_WEIGHT_PER_MINUTE_DEFAULT = 6_000;

        /** With Binance's order limits ({@link OrderLimits#BINANCE}). */
        public Config(final String host, final int port, final ExchangeClient.Config client, final Path journalDir,
            final long ipWeightPerMinute, final long keyWeightPerMinute, final LongSupplier clockMs,
            final ReadModelDatabase readModel) {
            this(host, port, client, journalDir, ipWeightPerMinute, keyWeightPerMinute, clockMs, readModel,
                OrderLimits.BINANCE);
        }

        /** Reached directly: no proxy trusted ({@link TrustedProxies#NONE}). */
        public Config(final String host, final int port, final ExchangeClient.Config client, final Path journalDir,
            final long ipWeightPerMinute, final long keyWeightPerMinute, final LongSupplier clockMs,
            final ReadModelDatabase readModel, final OrderLimits orderLimits) {
            this(host, port, client, journalDir, ipWeightPerMinute, keyWeightPerMinute, clockMs, readModel,
                orderLimits, TrustedProxies.NONE);
        }

        /** Projecting the history into {@code readModel} itself, if given one. */
        public Config(final String host, final int port, final ExchangeClient.Config client, final Path journalDir,
            final long ipWeightPerMinute, final long keyWeightPerMinute, final LongSupplier clockMs,
            final ReadModelDatabase readModel, final OrderLimits orderLimits, final TrustedProxies trustedProxies) {
            this(host, port, client, journalDir, ipWeightPerMinute, keyWeightPerMinute, clockMs, readModel,
                orderLimits, trustedProxies, true);
        }

        /** A gateway without a read model: no history endpoints. */
        public Config(final String host, final int port, final ExchangeClient.Config client, final Path journalDir,
            final long ipWeightPerMinute, final long keyWeightPerMinute, final LongSupplier clockMs) {
            this(host, port, client, journalDir, ipWeightPerMinute, keyWeightPerMinute, clockMs, null);
        }
    }
}
