package org.candor.app;

import java.io.PrintStream;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.Side;

/** Prints the demo's books and balances: every bucket of every user, and the system accounts. */
final class DemoReport {
    private static final int[] MARKETS = {DemoCommand.BTC_USDT, DemoCommand.ETH_USDT, DemoCommand.ETH_BTC};
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "ETHBTC"};
    private static final int[] BASES = {DemoCommand.BTC, DemoCommand.ETH, DemoCommand.ETH};
    private static final int[] QUOTES = {DemoCommand.USDT, DemoCommand.USDT, DemoCommand.BTC};
    private static final int[] ASSETS = {DemoCommand.BTC, DemoCommand.ETH, DemoCommand.USDT};
    private static final String[] CODES = {"BTC", "ETH", "USDT"};
    private static final int[] SCALES = {8, 8, 6};
    private static final int BOOK_LEVELS = 5;

    private final Engine engine;
    private final PrintStream out;

    DemoReport(final Engine engine, final PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    void print() {
        out.println();
        out.println("== Order books (best first)");
        for (int m = 0; m < MARKETS.length; m++) {
            final int baseScale = scaleOf(BASES[m]);
            final int quoteScale = scaleOf(QUOTES[m]);
            out.printf("  %s  status=%s%n", SYMBOLS[m], engine.marketStatus(MARKETS[m]));
            engine.forEachLevel(MARKETS[m], Side.SELL, BOOK_LEVELS, (price, quantity, orders) -> out.printf(
                "    ask %14s x %-14s (%d orders)%n", Amounts.format(price, quoteScale),
                Amounts.format(quantity, baseScale), orders));
            engine.forEachLevel(MARKETS[m], Side.BUY, BOOK_LEVELS, (price, quantity, orders) -> out.printf(
                "    bid %14s x %-14s (%d orders)%n", Amounts.format(price, quoteScale),
                Amounts.format(quantity, baseScale), orders));
        }
        out.println();
        out.println("== Balances: total = available + in orders + withdrawing + held");
        out.printf("  %-6s %-5s %16s %16s %16s %16s %16s%n", "user", "asset", "total", "available", "in orders",
            "withdrawing", "held");
        for (final long user : new long[] {DemoCommand.ALICE, DemoCommand.BOB}) {
            for (int a = 0; a < ASSETS.length; a++) {
                printUserRow(user, a);
            }
        }
        out.println();
        out.println("== System accounts: custody mirrors what is held outside; every asset sums to zero");
        for (int a = 0; a < ASSETS.length; a++) {
            out.printf("  %-5s custody=%s fees=%s%n", CODES[a],
                Amounts.format(engine.balance(Engine.SYSTEM_USER_ID, ASSETS[a], Bucket.CUSTODY), SCALES[a]),
                Amounts.format(engine.balance(Engine.SYSTEM_USER_ID, ASSETS[a], Bucket.FEES), SCALES[a]));
        }
    }

    private void printUserRow(final long user, final int a) {
        final long available = engine.balance(user, ASSETS[a], Bucket.AVAILABLE);
        final long inOrders = engine.balance(user, ASSETS[a], Bucket.IN_ORDERS);
        final long withdrawing = engine.balance(user, ASSETS[a], Bucket.WITHDRAWING);
        final long held = engine.balance(user, ASSETS[a], Bucket.HELD);
        final long total = available + inOrders + withdrawing + held;
        out.printf("  %-6s %-5s %16s %16s %16s %16s %16s%n", DemoCommand.user(user), CODES[a],
            Amounts.format(total, SCALES[a]), Amounts.format(available, SCALES[a]),
            Amounts.format(inOrders, SCALES[a]), Amounts.format(withdrawing, SCALES[a]),
            Amounts.format(held, SCALES[a]));
    }

    private static int scaleOf(final int asset) {
        for (int a = 0; a < ASSETS.length; a++) {
            if (ASSETS[a] == asset) {
                return SCALES[a];
            }
        }
        throw new IllegalArgumentException("asset=" + asset);
    }
}
