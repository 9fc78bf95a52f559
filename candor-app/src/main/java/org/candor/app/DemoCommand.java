package org.candor.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agrona.IoUtil;
import org.candor.app.demo.DemoCredentials;
import org.candor.app.demo.DemoServices;
import org.candor.app.demo.DemoWallet;
import org.candor.app.demo.HttpCheck;
import org.candor.app.demo.MarketMaker;
import org.candor.chain.ChainUnavailableException;
import org.candor.chain.DemoChains;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.EngineCapacity;
import org.candor.engine.HoldReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.protocol.EventDecoder;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.FileTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor demo}: starts the exchange on its embedded defaults, a single cluster node (media driver, archive,
 * consensus module, service) with its data in one directory, and runs a session through the cluster client: lists
 * markets, funds two users, trades, and restricts some funds with explanations. Then it serves the exchange as a
 * trader meets it: the HTTP gateway on http://127.0.0.1:8080 with alice's and bob's API keys written to
 * {@code demo/credentials.json}, and a market maker keeping the books alive. When it stops it prints the books and
 * every bucket of every balance, so a newcomer sees that the ledger balances.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the exchange on its embedded defaults: a cluster node, PostgreSQL, the HTTP gateway on "
        + "127.0.0.1:8080 with demo users' keys in demo/credentials.json, and a market maker.")
final class DemoCommand implements Callable<Integer> {
    static final int BTC = 1;
    static final int ETH = 2;
    static final int USDT = 3;
    static final int BTC_USDT = 1;
    static final int ETH_USDT = 2;
    static final int ETH_BTC = 3;
    static final long ALICE = 1;
    static final long BOB = 2;
    private static final long CLIENT = 1;
    static final long OPERATOR = 900;
    /** A second operator: a hold takes effect only when someone other than its placer approves it. */
    static final long APPROVER = 901;

    /** The market maker and the user that takes from it now and then. */
    static final long MAKER = 3;
    static final long TAKER = 4;
    /** The gateway's and the market maker's cluster client ids: each client has its own. */
    private static final long GATEWAY_CLIENT = 2;
    private static final long BOT_CLIENT = 3;
    private static final long WALLET_CLIENT = 4;
    /** The deposit that arrives on alice's ETH address when the exchange starts serving: 0.5 ETH. */
    private static final long ALICE_DEPOSIT = 50_000_000L;
    private static final long BOT_SEED = 42;
    /** Mid prices where the story's trades left each market; sizes well above each market's minimum notional. */
    private static final List<MarketMaker.Quote> BOT_QUOTES = List.of(
        new MarketMaker.Quote(BTC_USDT, 10_000, 10_000, 67_000_000_000L, 1_000_000, 500_000),
        new MarketMaker.Quote(ETH_USDT, 10_000, 100_000, 3_500_000_000L, 10_000_000, 5_000_000),
        new MarketMaker.Quote(ETH_BTC, 1_000, 100_000, 5_240_000, 10_000_000, 5_000_000));
    /** How long the shutdown hook lets the demo stop its services and delete its temporary files. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    /** The demo's node listens on loopback ports from here (five of them). */
    static final int PORT_BASE_DEFAULT = 29_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--dir", description = "Node data directory (default: a new temporary one, removed after).")
    Path dir;

    @Option(names = "--port-base", description = "First of the node's five loopback ports (default ${DEFAULT-VALUE}).",
        defaultValue = "29000")
    int portBase = PORT_BASE_DEFAULT;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the gateway listens on "
        + "(default ${DEFAULT-VALUE}: this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--http-port", defaultValue = "8080", description = "The gateway's HTTP port (default "
        + "${DEFAULT-VALUE}; 0 for any free one).")
    int httpPort = 8080;

    @Option(names = "--admin-port", defaultValue = "8081", description = "The admin API's port, for operators and "
        + "./candor admin (default ${DEFAULT-VALUE}; 0 for any free one).")
    int adminPort = 8081;

    @Option(names = "--credentials", defaultValue = "demo/credentials.json",
        description = "Where the demo users' API keys are written (default ${DEFAULT-VALUE}).")
    Path credentialsFile = Path.of("demo/credentials.json");

    @Option(names = "--check", description = "Check the exchange over HTTP as a bot would, then stop (for CI).")
    boolean check;

    @Option(names = "--seconds", defaultValue = "0",
        description = "Serve this many seconds, then stop (default: until Ctrl-C).")
    long seconds;

    private final PrintStream out;
    /** Counted down to stop serving: by the shutdown hook (Ctrl-C) or {@link #stop()}. */
    private final CountDownLatch stop = new CountDownLatch(1);
    /** The simulated BTC, ETH and USDT chains the wallet service works on (same ids and scales as the story). */
    private final DemoChains chains = new DemoChains(BOT_SEED);
    private DemoSession session;
    private long command;

    DemoCommand() {
        this(System.out);
    }

    DemoCommand(final PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        final boolean temporary = dir == null;
        final Path nodeDir = temporary ? Files.createTempDirectory("candor-demo-") : dir;
        // PostgreSQL runs as an unprivileged account under root: its files go where that account can reach.
        final Path databaseDir = EmbeddedPostgresSettings.newReachableDirectory("candor-demo-db-");
        out.println("node data directory: " + nodeDir + (temporary ? " (temporary, removed at the end)" : ""));
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped, SHUTDOWN_WAIT);
        }, "candor-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (EmbeddedNode node = EmbeddedNode.launch(nodeDir, portBase, EngineCapacity.small())) {
            story(node);
            serve(node, databaseDir);
            report(node);
        } finally {
            FileTree.delete(databaseDir);
            if (temporary) {
                IoUtil.delete(nodeDir.toFile(), false);
            }
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Asks a serving demo to stop (for tests; a person presses Ctrl-C). */
    void stop() {
        stop.countDown();
    }

    /** Runs the scripted session and prints the final state; tests call this with a node of their own. */
    void run(final EmbeddedNode node) {
        story(node);
        report(node);
    }

    private void story(final EmbeddedNode node) {
        out.println("Candor demo: every command below goes through the cluster client to an embedded node (media "
            + "driver, archive, consensus module, exchange service) and is answered once committed.");
        final EventDecoder decoder = new EventDecoder(new DemoEvents(out));
        try (ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
            node.localClientIngress(), CLIENT, 1, ExchangeClient.IN_FLIGHT_DEFAULT), null, decoder::decode)) {
            session = new DemoSession(client);
            list();
            fund();
            trade();
            restrict();
            fundBots();
        }
    }

    /**
     * The exchange as a trader meets it: the gateway on HTTP, keys for alice and bob in the credentials file, and
     * the market maker keeping the books alive, until stopped (Ctrl-C), for {@code --seconds}, or after the HTTP
     * self-check with {@code --check}.
     */
    private void serve(final EmbeddedNode node, final Path databaseDir) throws InterruptedException {
        section("The exchange on HTTP");
        try (DemoServices services = DemoServices.start(node, databaseDir, host, httpPort, adminPort,
            GATEWAY_CLIENT);
             MarketMaker bot = new MarketMaker(ExchangeClient.connect(new ExchangeClient.Config(
                 node.aeronDirectoryName(), node.localClientIngress(), BOT_CLIENT, 1, ExchangeClient.IN_FLIGHT_DEFAULT),
                 null, null), MAKER, TAKER, BOT_QUOTES, BOT_SEED);
             DemoWallet wallet = new DemoWallet(node, chains, WALLET_CLIENT, System::currentTimeMillis, true)) {
            final String baseUrl = "http://" + host + ":" + services.httpPort();
            final String adminUrl = "http://" + host + ":" + services.adminPort();
            final DemoCredentials credentials = new DemoCredentials(baseUrl, adminUrl);
            credentials.add(services.newKey("alice", ALICE));
            credentials.add(services.newKey("bob", BOB));
            credentials.addOperator(services.newOperatorKey("olivia", OPERATOR));
            credentials.addOperator(services.newOperatorKey("oscar", APPROVER));
            credentials.addPassword("alice", services.newWebLogin("alice", ALICE));
            credentials.addPassword("bob", services.newWebLogin("bob", BOB));
            credentials.addPassword("olivia", services.newConsoleLogin("olivia", OPERATOR));
            credentials.addPassword("oscar", services.newConsoleLogin("oscar", APPROVER));
            credentials.write(credentialsFile);
            out.println("  gateway (Binance spot v3 API and WebSocket streams): " + baseUrl);
            out.println("  admin API (operators olivia and oscar; ./candor admin): " + adminUrl);
            out.println("  web app: " + baseUrl + "/ (alice, bob); operators' console: " + adminUrl
                + "/ (olivia, oscar); passwords in the credentials file");
            out.println("  keys of alice, bob and the operators: " + credentialsFile.toAbsolutePath()
                + " (owner-only)");
            services.useDepositAddresses(wallet);
            services.usePendingDeposits(wallet);
            final String aliceEth = depositAddress(wallet, ETH, ALICE);
            chains.chain(ETH).receive(aliceEth, ALICE_DEPOSIT);
            out.println("  wallet: simulated BTC, ETH and USDT chains; bob's ETH withdrawal goes out on the ETH chain; "
                + "0.5 ETH paid to alice's deposit address " + aliceEth + " is credited after 12 confirmations "
                + "(12 s blocks, about 2.5 minutes)");
            out.println("  market maker: user " + MAKER + " quotes BTCUSDT, ETHUSDT and ETHBTC; user " + TAKER
                + " takes now and then");
            if (check) {
                new HttpCheck(baseUrl, credentials.user("alice"), out).run();
                out.println("  http checks passed; market maker ticks: " + bot.ticks());
            } else {
                out.println(seconds > 0 ? "  serving for " + seconds + " s" : "  serving until Ctrl-C");
                out.flush();
                final boolean interrupted = seconds > 0 ? stop.await(seconds, TimeUnit.SECONDS) : await(stop);
                out.println(interrupted ? "  stopping" : "  stopping after " + seconds + " s");
            }
            if (wallet.failure() != null) {
                throw new IllegalStateException("the wallet service stopped: " + wallet.failure(), wallet.failure());
            }
            if (bot.failure() != null) {
                throw new IllegalStateException("the market maker stopped: " + bot.failure(), bot.failure());
            }
        }
    }

    private static String depositAddress(final DemoWallet wallet, final int assetId, final long userId) {
        try {
            return wallet.depositAddress(assetId, userId);
        } catch (ChainUnavailableException e) {
            throw new IllegalStateException("a simulated chain cannot be down at start", e);
        }
    }

    private static boolean await(final CountDownLatch latch) throws InterruptedException {
        latch.await();
        return true;
    }

    private void report(final EmbeddedNode node) {
        final String summary = node.read(state -> {
            new DemoReport(state, out).print();
            state.checkInvariants();
            return String.format("invariants=ok events=%d digest=%016x", state.lastEventSeq(), state.digest());
        }, READ_TIMEOUT);
        out.println(summary);
    }

    /** The market maker's two users, funded deep enough to quote for hours. */
    private void fundBots() {
        section("The market maker's users");
        ok(session.createUser(MAKER));
        ok(session.createUser(TAKER));
        for (long user : new long[] {MAKER, TAKER}) {
            ok(session.deposit(user, BTC, 100_000_000_000L, user * 10 + 1));
            ok(session.deposit(user, ETH, 1_000_000_000_000L, user * 10 + 2));
            ok(session.deposit(user, USDT, 10_000_000_000_000L, user * 10 + 3));
        }
    }

    private static void awaitQuietly(final CountDownLatch latch, final Duration wait) {
        try {
            latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(final Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is stopping and the hook is running: it waits for this cleanup, nothing to undo.
        }
    }

    private void list() {
        section("Listing assets and markets");
        ok(session.createAsset(BTC, "BTC", 8));
        ok(session.createAsset(ETH, "ETH", 8));
        ok(session.createAsset(USDT, "USDT", 6));
        ok(session.createMarket(BTC_USDT, "BTCUSDT", BTC, USDT, 10_000, 10_000, 10_000,
            100_000_000_000L, 5_000_000, 10, 20));
        ok(session.createMarket(ETH_USDT, "ETHUSDT", ETH, USDT, 10_000, 100_000, 100_000,
            100_000_000_000L, 5_000_000, 10, 20));
        ok(session.createMarket(ETH_BTC, "ETHBTC", ETH, BTC, 1_000, 100_000, 100_000,
            100_000_000_000L, 10_000, 10, 20));
    }

    private void fund() {
        section("Users and deposits");
        ok(session.createUser(ALICE));
        ok(session.createUser(BOB));
        ok(session.deposit(ALICE, USDT, 250_000_000_000L, 1001));
        ok(session.deposit(ALICE, BTC, 50_000_000L, 1002));
        ok(session.deposit(BOB, BTC, 300_000_000L, 1003));
        ok(session.deposit(BOB, ETH, 2_000_000_000L, 1004));
    }

    private void trade() {
        section("Bob offers BTC at three prices; Alice bids and then takes");
        limit(BOB, BTC_USDT, Side.SELL, 67_010_000_000L, 40_000_000L, TimeInForce.GTC);
        limit(BOB, BTC_USDT, Side.SELL, 67_020_000_000L, 60_000_000L, TimeInForce.GTC);
        limit(BOB, BTC_USDT, Side.SELL, 67_100_000_000L, 100_000_000L, TimeInForce.POST_ONLY);
        limit(ALICE, BTC_USDT, Side.BUY, 66_900_000_000L, 50_000_000L, TimeInForce.GTC);
        limit(ALICE, BTC_USDT, Side.BUY, 67_050_000_000L, 70_000_000L, TimeInForce.IOC);
        ok(session.placeOrder(ALICE, BTC_USDT, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 10_000_000_000L,
            StpMode.EXPIRE_MAKER));
        section("Bob quotes ETH against USDT and BTC");
        limit(BOB, ETH_USDT, Side.SELL, 3_510_000_000L, 500_000_000L, TimeInForce.GTC);
        limit(BOB, ETH_BTC, Side.SELL, 5_240_000L, 300_000_000L, TimeInForce.GTC);
        limit(ALICE, ETH_BTC, Side.BUY, 5_240_000L, 100_000_000L, TimeInForce.GTC);
        section("A rejected order says exactly why");
        final RejectReason reason = session.placeOrder(ALICE, BTC_USDT, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            67_000_005_000L, 10_000_000L, 0, StpMode.NONE);
        out.printf("  price 67000.005 is off the 0.01 tick: rejected %s (code %d)%n", reason, reason.code());
    }

    private void restrict() {
        section("Money that is not available is always explained");
        // To an address on the simulated Ethereum chain: the wallet service sends it once the exchange serves.
        ok(session.requestWithdrawal(BOB, ETH, 100_000_000L, chains.chain(ETH).externalAddress()));
        ok(session.placeApprovedHold(BOB, BTC, 10_000_000L, HoldReason.USER_REQUEST,
            "Bob asked us to set 0.1 BTC aside until he confirms a new device", OPERATOR, APPROVER));
    }

    private void limit(final long user, final int market, final Side side, final long price, final long quantity,
        final TimeInForce tif) {
        ok(session.placeOrder(user, market, side, OrderType.LIMIT, tif, price, quantity, 0, StpMode.EXPIRE_MAKER));
    }

    private void ok(final RejectReason reason) {
        command++;
        if (reason != RejectReason.NONE) {
            throw new IllegalStateException("demo command " + command + " was rejected: " + reason);
        }
    }

    private void section(final String title) {
        out.println();
        out.println("== " + title);
    }

    static String user(final long userId) {
        return userId == ALICE ? "alice" : userId == BOB ? "bob" : userId == MAKER ? "maker"
            : userId == TAKER ? "taker" : "user" + userId;
    }
}
