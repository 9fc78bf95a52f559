package org.candor.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.agrona.IoUtil;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor demo}: starts the exchange on its embedded defaults, a single cluster node (media driver, archive,
 * consensus module, service) with its data in one directory, and runs a session through the cluster client: lists
 * markets, funds two users, trades, and prints the books and every bucket of every balance, so a newcomer sees what
 * the exchange does and that the ledger balances. The gateway issue (#4) puts the HTTP API and web app in front.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run an exchange session on an embedded cluster node: markets, users, trades, books and balances.")
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
    private static final long OPERATOR = 900;
    /** A second operator: a hold takes effect only when someone other than its placer approves it. */
    private static final long APPROVER = 901;

    /** The demo's node listens on loopback ports from here (five of them). */
    static final int PORT_BASE_DEFAULT = 29_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--dir", description = "Node data directory (default: a new temporary one, removed after).")
    Path dir;

    @Option(names = "--port-base", description = "First of the node's five loopback ports (default ${DEFAULT-VALUE}).",
        defaultValue = "29000")
    int portBase = PORT_BASE_DEFAULT;

    private final PrintStream out;
    private DemoSession session;
    private long command;

    DemoCommand() {
        this(System.out);
    }

    DemoCommand(final PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        final boolean temporary = dir == null;
        final Path nodeDir = temporary ? Files.createTempDirectory("candor-demo-") : dir;
        out.println("node data directory: " + nodeDir + (temporary ? " (temporary, removed at the end)" : ""));
        try (EmbeddedNode node = EmbeddedNode.launch(nodeDir, portBase, EngineCapacity.small())) {
            run(node);
        } finally {
            if (temporary) {
                IoUtil.delete(nodeDir.toFile(), false);
            }
        }
        return 0;
    }

    /** Runs the session against a running node; tests call this with a node of their own. */
    void run(final EmbeddedNode node) {
        out.println("Candor demo: every command below goes through the cluster client to an embedded node (media "
            + "driver, archive, consensus module, exchange service) and is answered once committed.");
        final EventDecoder decoder = new EventDecoder(new DemoEvents(out));
        try (ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
            node.ingressEndpoints(), CLIENT, 1, ExchangeClient.IN_FLIGHT_DEFAULT), null, decoder::decode)) {
            session = new DemoSession(client);
            list();
            fund();
            trade();
            restrict();
        }
        final String summary = node.read(state -> {
            new DemoReport(state, out).print();
            state.checkInvariants();
            return String.format("invariants=ok events=%d digest=%016x", state.lastEventSeq(), state.digest());
        }, READ_TIMEOUT);
        out.println(summary);
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
        ok(session.requestWithdrawal(BOB, ETH, 100_000_000L));
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
        return userId == ALICE ? "alice" : userId == BOB ? "bob" : "user" + userId;
    }
}
