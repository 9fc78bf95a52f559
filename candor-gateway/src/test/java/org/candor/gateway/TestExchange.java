package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.candor.readmodel.PostgresEndpoint;
import org.candor.readmodel.ReadModelDatabase;

/**
 * A whole exchange for end-to-end tests: a one-node cluster, an operator client that lists markets and funds users
 * (the gateway has no admin API), PostgreSQL with API keys, and a gateway on an ephemeral HTTP port, all real.
 */
final class TestExchange implements AutoCloseable {
    static final int BTC = 1;
    static final int USDT = 2;
    static final int ETH = 3;
    static final int BTCUSDT = 1;
    static final int ETHUSDT = 2;
    static final long OPERATOR_CLIENT_ID = 900;
    static final long GATEWAY_CLIENT_ID = 1000;
    /**
     * Ports 25000 and up: apart from the cluster module's tests' usual bases, spread by process id so two builds on
     * the machine rarely meet, and stepped per exchange within a run.
     */
    private static final AtomicInteger NEXT_PORT_BASE =
        new AtomicInteger(25_000 + (int) (ProcessHandle.current().pid() % 16) * 50);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Pause between two looks at a user's notifications while a test waits for one. */
    private static final long NOTIFICATIONS_POLL_MS = 50;
    private static final AtomicLong NEXT_USER = new AtomicLong(100);
    /**
     * The engine credits a deposit reference once per asset: references of funded traders start far above the ones
     * tests choose by hand (users' ids and their multiples), so no test's deposit is refused as already credited.
     */
    private static final AtomicLong NEXT_DEPOSIT_REF = new AtomicLong(1_000_000_000L);
    /** The last timestamp a test client signed: see {@link #nextTimestamp()}. */
    private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();

    final Path dir;
    final EmbeddedNode node;
    final ExchangeClient operator;
    final HikariDataSource pool;
    final PostgresApiKeyStore keys;
    /** The read model the first gateway projects into and serves history from. */
    final ReadModelDatabase readModel;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Gateway gateway;
    private OrderLimits orderLimits = OrderLimits.BINANCE;
    private TrustedProxies trustedProxies = TrustedProxies.NONE;

    TestExchange() throws IOException {
        dir = Files.createTempDirectory("candor-gateway-test");
        node = EmbeddedNode.launch(dir.resolve("node"), NEXT_PORT_BASE.getAndAdd(EmbeddedNode.PORTS_PER_NODE),
            EngineCapacity.small());
        operator = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
            node.ingressEndpoints(), OPERATOR_CLIENT_ID, 1, 64), null, null);
        pool = GatewayDatabase.pool(TestPostgres.freshJdbcUrl(), TestPostgres.USER, "");
        keys = PostgresApiKeyStore.migrate(pool, new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
        readModel = ReadModelDatabase.connect(new PostgresEndpoint(TestPostgres.freshJdbcUrl(), TestPostgres.USER,
            ""), ReadModelDatabase.DEFAULT_SCHEMA, ReadModelDatabase.DEFAULT_POOL_SIZE);
        operate((e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, BTC, "BTC", 8));
        operate((e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, USDT, "USDT", 6));
        operate((e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, ETH, "ETH", 8));
        // Tick 0.01 USDT, lot 0.0001 BTC: one tick on one lot is exactly 1 minor unit of USDT.
        operate((e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, BTCUSDT, "BTCUSDT", BTC, USDT, 10_000, 10_000,
            10_000, 10_000_000_000L, 1_000_000, 10, 20));
        operate((e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, ETHUSDT, "ETHUSDT", ETH, USDT, 10_000, 10_000,
            10_000, 10_000_000_000L, 1_000_000, 10, 20));
    }

    /** Starts this exchange's gateway with the given limits. */
    /** The order limits of the gateways started from now on (Binance's, as in production, unless a test says). */
    void orderLimits(final OrderLimits limits) {
        this.orderLimits = limits;
    }

    /** The proxies the gateways started from now on trust (none unless a test says). */
    void trustedProxies(final TrustedProxies proxies) {
        this.trustedProxies = proxies;
    }

    /**
     * Starts a gateway that serves history from the read model the first gateway projects, without projecting it
     * (as `candor gateway --history-reader`).
     */
    Gateway startReadingGateway(final long clientId) {
        return Gateway.start(new Gateway.Config("127.0.0.1", 0,
            new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(), clientId, 1, 256),
            node.eventJournalDir(), Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT,
            Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT, System::currentTimeMillis, readModel, orderLimits,
            trustedProxies, false), keys, pool, null, new PostgresClientOrderIds(pool));
    }

    Gateway startGateway(final long clientId, final long ipWeightPerMinute) {
        return startGateway(clientId, ipWeightPerMinute, 0);
    }

    /**
     * Starts a gateway on {@code port} (0 for any free one) with the given IP limit. The first one projects into
     * {@link #readModel} and serves history; later ones have none (one projector per schema).
     */
    Gateway startGateway(final long clientId, final long ipWeightPerMinute, final int port) {
        return startGateway(clientId, ipWeightPerMinute, Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT, port);
    }

    /** Starts a gateway with both weight limits given. */
    Gateway startGateway(final long clientId, final long ipWeightPerMinute, final long keyWeightPerMinute,
        final int port) {
        return startGateway(clientId, ipWeightPerMinute, keyWeightPerMinute, port, null);
    }

    /** Starts a gateway whose web app logs traders in with {@code traderLogins} (null: nobody can log in). */
    Gateway startGateway(final long clientId, final long ipWeightPerMinute, final long keyWeightPerMinute,
        final int port, final PostgresWebLogins traderLogins) {
        return startGateway(clientId, ipWeightPerMinute, keyWeightPerMinute, port, traderLogins, pool,
            System::currentTimeMillis);
    }

    /**
     * Starts a gateway on {@code database} (this exchange's pool, or another pool on the same database, as a
     * gateway in another process would have) with its own clock; the first one started projects the read model.
     */
    Gateway startGateway(final long clientId, final long ipWeightPerMinute, final long keyWeightPerMinute,
        final int port, final PostgresWebLogins traderLogins, final DataSource database, final LongSupplier clockMs) {
        final ApiKeyStore gatewayKeys = database == pool ? keys
            : PostgresApiKeyStore.migrate(database, new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
        final Gateway started = Gateway.start(new Gateway.Config("127.0.0.1", port,
            new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(), clientId, 1, 256),
            node.eventJournalDir(), ipWeightPerMinute, keyWeightPerMinute,
            clockMs, gateway == null ? readModel : null, orderLimits, trustedProxies), gatewayKeys, database,
            traderLogins,
            new PostgresClientOrderIds(database));
        if (gateway == null) {
            gateway = started;
        }
        return started;
    }

    /** Runs an operator command and returns the engine's reference (a new hold's or withdrawal's id). */
    long operateForReference(final CommandWriter writer) {
        final CommandResult result = operator.submit(writer, TIMEOUT);
        if (result.reason() != RejectReason.NONE) {
            throw new IllegalStateException("operator command refused: " + result.reason());
        }
        return result.reference();
    }

    void operate(final CommandWriter writer) {
        final CommandResult result = operator.submit(writer, TIMEOUT);
        if (result.reason() != RejectReason.NONE) {
            throw new IllegalStateException("operator command refused: " + result.reason());
        }
    }

    /** A deposit reference no test of this run has used: one per deposit, the same for one in each asset. */
    static long nextDepositRef() {
        return NEXT_DEPOSIT_REF.incrementAndGet();
    }

    /**
     * A timestamp later than every one a test client signed before: the gateway refuses a signature it has seen, and
     * two identical reads in one millisecond would sign the same bytes.
     */
    static long nextTimestamp() {
        return LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }

    /** A new user with 10 BTC, 10 ETH and 1,000,000 USDT, and an API key that may read and trade. */
    ApiClient newTrader() {
        final long user = NEXT_USER.incrementAndGet();
        operate((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, user));
        final long ref = nextDepositRef();
        operate((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, user, BTC, 1_000_000_000L, ref));
        operate((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, user, ETH, 1_000_000_000L, ref));
        operate((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, user, USDT, 1_000_000_000_000L, ref));
        final String key = "TestKey" + user + "x".repeat(16);
        final String secret = "secret-of-" + user;
        keys.create(new ApiKey(key, user, secret.getBytes(StandardCharsets.UTF_8),
            EnumSet.of(Permission.READ, Permission.TRADE), List.of(), false));
        return new ApiClient(this, user, key, secret);
    }

    /** The secret of a trader's key, for clients outside the JVM (the CCXT smoke script). */
    static String secretOf(final ApiClient client) {
        return client.secret;
    }

    URI uri(final Gateway target, final String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + target.port() + pathAndQuery);
    }

    Gateway gateway() {
        return gateway;
    }

    /** A new listen key of the client's user, asserting the gateway gave one. */
    static String listenKey(final ApiClient client) {
        final Reply reply = client.keyOnly("POST", "/api/v3/userDataStream");
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        return reply.json().get("listenKey").asText();
    }

    /** The Binance error code of a refusal, asserting it was a client error (4xx), never a 5xx. */
    static int code(final Reply reply) {
        assertThat(reply.status()).as(reply.json().toString()).isBetween(400, 499);
        return reply.json().get("code").asInt();
    }

    /** An HTTP response: status, headers and the parsed JSON body. */
    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String header(final String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply send(final HttpRequest request) {
        try {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response, Json.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(final String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(gateway, pathAndQuery)).timeout(TIMEOUT).GET().build());
    }

    @Override
    public void close() {
        CloseHelper.quietCloseAll(gateway, operator, node, readModel, pool);
        IoUtil.delete(dir.toFile(), true);
    }

    /** Signs requests as CCXT does: parameters URL-encoded, HMAC-SHA256 hex appended as the last parameter. */
    static final class ApiClient {
        private final TestExchange exchange;
        final long userId;
        final String key;
        private final String secret;
        /** The gateway this client talks to; null: the exchange's first. */
        private final Gateway target;

        ApiClient(final TestExchange exchange, final long userId, final String key, final String secret) {
            this(exchange, userId, key, secret, null);
        }

        private ApiClient(final TestExchange exchange, final long userId, final String key, final String secret,
            final Gateway target) {
            this.exchange = exchange;
            this.userId = userId;
            this.key = key;
            this.secret = secret;
            this.target = target;
        }

        /** The same user and key, talking to {@code gateway}. */
        ApiClient at(final Gateway gateway) {
            return new ApiClient(exchange, userId, key, secret, gateway);
        }

        String sign(final String params) {
            final String payload = (params.isEmpty() ? "" : params + "&") + "timestamp="
                + nextTimestamp() + "&recvWindow=10000";
            return payload + "&signature=" + HmacSigner.sign(secret.getBytes(StandardCharsets.UTF_8), payload);
        }

        Reply get(final String path, final String params) {
            return exchange.send(request(path + "?" + sign(params)).GET().build());
        }

        Reply delete(final String path, final String params) {
            return exchange.send(request(path + "?" + sign(params)).DELETE().build());
        }

        Reply post(final String path, final String params) {
            return exchange.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sign(params))).build());
        }

        /**
         * Polls this user's notifications (one page of up to 100) until the page matches; the feed commits shortly
         * after the journal, so a notification is listed a little after the command that caused it.
         */
        JsonNode awaitNotifications(final Predicate<JsonNode> page, final Duration timeout)
            throws InterruptedException {
            final long deadlineNs = System.nanoTime() + timeout.toNanos();
            JsonNode last = null;
            while (System.nanoTime() < deadlineNs) {
                final Reply reply = get("/v1/notifications", "limit=100");
                assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
                last = reply.json();
                if (page.test(last)) {
                    return last;
                }
                Thread.sleep(NOTIFICATIONS_POLL_MS);
            }
            throw new AssertionError("no matching notifications within " + timeout + "; last page: " + last);
        }

        /** A request with the key header and no signature (the user data stream endpoints). */
        Reply keyOnly(final String method, final String pathAndQuery) {
            return exchange.send(request(pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()).build());
        }

        /** Sends exactly these bytes: for replays and tampering. */
        Reply getRaw(final String pathAndQuery) {
            return exchange.send(request(pathAndQuery).GET().build());
        }

        private HttpRequest.Builder request(final String pathAndQuery) {
            return HttpRequest.newBuilder(exchange.uri(target == null ? exchange.gateway : target, pathAndQuery))
                .timeout(TIMEOUT)
                .header(RequestAuthenticator.API_KEY_HEADER, key);
        }
    }
}
