package org.candor.app;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.HoldReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import picocli.CommandLine.Command;

/**
 * {@code candor demo}: an in-process engine session that lists markets, funds two users, trades, and prints the
 * books and every bucket of every balance, so a newcomer sees what the engine does and that the ledger balances.
 * The cluster and gateway issues (#3, #4) turn this into the real exchange on http://127.0.0.1:8080.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run an in-process exchange session: markets, users, trades, books and balances.")
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

    private final PrintStream out;
    private final DemoEvents events;
    private final Engine engine;
    private long command;
    private long clock = 1_767_225_600_000L;

    DemoCommand() {
        this(System.out);
    }

    DemoCommand(final PrintStream out) {
        this.out = out;
        this.events = new DemoEvents(out);
        this.engine = new Engine(EngineCapacity.small(), events);
    }

    @Override
    public Integer call() {
        out.println("Candor demo: an in-process engine (the networked exchange arrives with issues #3 and #4).");
        list();
        fund();
        trade();
        restrict();
        new DemoReport(engine, out).print();
        engine.checkInvariants();
        out.printf("invariants=ok events=%d digest=%016x%n", engine.lastEventSeq(), engine.digest());
        return 0;
    }

    private void list() {
        section("Listing assets and markets");
        ok(engine.createAsset(CLIENT, ++command, now(), BTC, "BTC", 8));
        ok(engine.createAsset(CLIENT, ++command, now(), ETH, "ETH", 8));
        ok(engine.createAsset(CLIENT, ++command, now(), USDT, "USDT", 6));
        ok(engine.createMarket(CLIENT, ++command, now(), BTC_USDT, "BTCUSDT", BTC, USDT, 10_000, 10_000, 10_000,
            100_000_000_000L, 5_000_000, 10, 20));
        ok(engine.createMarket(CLIENT, ++command, now(), ETH_USDT, "ETHUSDT", ETH, USDT, 10_000, 100_000, 100_000,
            100_000_000_000L, 5_000_000, 10, 20));
        ok(engine.createMarket(CLIENT, ++command, now(), ETH_BTC, "ETHBTC", ETH, BTC, 1_000, 100_000, 100_000,
            100_000_000_000L, 10_000, 10, 20));
    }

    private void fund() {
        section("Users and deposits");
        ok(engine.createUser(CLIENT, ++command, now(), ALICE));
        ok(engine.createUser(CLIENT, ++command, now(), BOB));
        ok(engine.deposit(CLIENT, ++command, now(), ALICE, USDT, 250_000_000_000L, 1001));
        ok(engine.deposit(CLIENT, ++command, now(), ALICE, BTC, 50_000_000L, 1002));
        ok(engine.deposit(CLIENT, ++command, now(), BOB, BTC, 300_000_000L, 1003));
        ok(engine.deposit(CLIENT, ++command, now(), BOB, ETH, 2_000_000_000L, 1004));
    }

    private void trade() {
        section("Bob offers BTC at three prices; Alice bids and then takes");
        limit(BOB, BTC_USDT, Side.SELL, 67_010_000_000L, 40_000_000L, TimeInForce.GTC);
        limit(BOB, BTC_USDT, Side.SELL, 67_020_000_000L, 60_000_000L, TimeInForce.GTC);
        limit(BOB, BTC_USDT, Side.SELL, 67_100_000_000L, 100_000_000L, TimeInForce.POST_ONLY);
        limit(ALICE, BTC_USDT, Side.BUY, 66_900_000_000L, 50_000_000L, TimeInForce.GTC);
        limit(ALICE, BTC_USDT, Side.BUY, 67_050_000_000L, 70_000_000L, TimeInForce.IOC);
        ok(engine.placeOrder(CLIENT, ++command, now(), ALICE, BTC_USDT, Side.BUY, OrderType.MARKET,
            TimeInForce.IOC, 0, 0, 10_000_000_000L, 0, StpMode.EXPIRE_MAKER));
        section("Bob quotes ETH against USDT and BTC");
        limit(BOB, ETH_USDT, Side.SELL, 3_510_000_000L, 500_000_000L, TimeInForce.GTC);
        limit(BOB, ETH_BTC, Side.SELL, 5_240_000L, 300_000_000L, TimeInForce.GTC);
        limit(ALICE, ETH_BTC, Side.BUY, 5_240_000L, 100_000_000L, TimeInForce.GTC);
        section("A rejected order says exactly why");
        final RejectReason reason = engine.placeOrder(CLIENT, ++command, now(), ALICE, BTC_USDT, Side.BUY,
            OrderType.LIMIT, TimeInForce.GTC, 67_000_005_000L, 10_000_000L, 0, 0, StpMode.NONE);
        out.printf("  price 67000.005 is off the 0.01 tick: rejected %s (code %d)%n", reason, reason.code());
    }

    private void restrict() {
        section("Money that is not available is always explained");
        ok(engine.requestWithdrawal(CLIENT, ++command, now(), BOB, ETH, 100_000_000L));
        ok(engine.placeHold(CLIENT, ++command, now(), BOB, BTC, 10_000_000L, HoldReason.USER_REQUEST, OPERATOR));
    }

    private void limit(final long user, final int market, final Side side, final long price, final long quantity,
        final TimeInForce tif) {
        ok(engine.placeOrder(CLIENT, ++command, now(), user, market, side, OrderType.LIMIT, tif, price, quantity, 0,
            0, StpMode.EXPIRE_MAKER));
    }

    private void ok(final RejectReason reason) {
        if (reason != RejectReason.NONE) {
            throw new IllegalStateException("demo command " + command + " was rejected: " + reason);
        }
    }

    private long now() {
        clock += 250;
        return clock;
    }

    private void section(final String title) {
        out.println();
        out.println("== " + title);
    }

    Engine engine() {
        return engine;
    }

    static String user(final long userId) {
        return userId == ALICE ? "alice" : userId == BOB ? "bob" : "user" + userId;
    }

    static long balance(final Engine engine, final long userId, final int asset, final Bucket bucket) {
        return engine.balance(userId, asset, bucket);
    }
}
