package org.candor.app.demo;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * The demo's market-making bot, so books, trades and charts are alive: on every tick it moves each market's mid
 * price by a small random step, replaces its maker's ladder of bids and asks around it, and now and then lets a
 * second user take from the book. It is a cluster client like any other (its own client id), sending the same
 * commands a trader's gateway would. It runs on its own thread and only in the demo.
 */
public final class MarketMaker implements AutoCloseable {
    /** Levels quoted on each side of each market. */
    static final int LEVELS = 5;
    /** Distance between levels and from the mid to the first level, in basis points of the mid. */
    static final int LEVEL_SPACING_BPS = 5;
    /** Largest random step of the mid per tick, in basis points. */
    static final int STEP_BPS_MAX = 8;
    /** The taker crosses the spread on one tick in this many. */
    static final int TAKE_EVERY_TICKS = 3;
    static final Duration TICK = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long BPS = 10_000;

    /** One market the bot quotes: ids, filters it must respect, its starting mid and its order sizes. */
    public record Quote(int marketId, long tickSize, long lotSize, long startMid, long levelQuantity,
        long takeQuantity) {
    }

    private final ExchangeClient client;
    private final long makerUserId;
    private final long takerUserId;
    private final List<Quote> quotes;
    private final long[] mids;
    private final Random random;
    private final Thread thread;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** Starts quoting at once; the client is the bot's own and is closed with it. */
    public MarketMaker(final ExchangeClient client, final long makerUserId, final long takerUserId,
        final List<Quote> quotes, final long seed) {
        this.client = client;
        this.makerUserId = makerUserId;
        this.takerUserId = takerUserId;
        this.quotes = List.copyOf(quotes);
        this.mids = quotes.stream().mapToLong(Quote::startMid).toArray();
        this.random = new Random(seed);
        this.thread = new Thread(this::run, "candor-demo-market-maker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ticks completed so far. */
    public long ticks() {
        return ticks.get();
    }

    /** Orders the engine refused (for example a taker out of funds after a long run); the bot carries on. */
    public long refused() {
        return refused.get();
    }

    /** Why the bot stopped, if it stopped by itself. */
    public RuntimeException failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                tick();
                ticks.incrementAndGet();
                Thread.sleep(TICK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void tick() {
        final boolean take = ticks.get() % TAKE_EVERY_TICKS == TAKE_EVERY_TICKS - 1;
        for (int i = 0; i < quotes.size() && running; i++) {
            final Quote quote = quotes.get(i);
            mids[i] = step(mids[i], quote.tickSize());
            requote(quote, mids[i]);
            if (take) {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                // Priced two levels through the mid: it takes the first level and expires the rest (IOC).
                final long through = mids[i] * (LEVEL_SPACING_BPS * 2) / BPS;
                final long price = onTick(side == Side.BUY ? mids[i] + through : mids[i] - through, quote.tickSize());
                order(takerUserId, quote.marketId(), side, price, quote.takeQuantity(), TimeInForce.IOC);
            }
        }
    }

    private long step(final long mid, final long tickSize) {
        final long stepBps = random.nextInt(2 * STEP_BPS_MAX + 1) - STEP_BPS_MAX;
        return Math.max(tickSize * 100, onTick(mid + mid * stepBps / BPS, tickSize));
    }

    private void requote(final Quote quote, final long mid) {
        submit((e, b, o, c, id) -> e.cancelAllOrders(b, o, c, id, 0, makerUserId, quote.marketId()));
        for (int level = 1; level <= LEVELS; level++) {
            final long offset = mid * (LEVEL_SPACING_BPS * level) / BPS;
            final long quantity = quote.levelQuantity() * level;
            order(makerUserId, quote.marketId(), Side.BUY, onTick(mid - offset, quote.tickSize()), quantity,
                TimeInForce.GTC);
            order(makerUserId, quote.marketId(), Side.SELL, onTick(mid + offset, quote.tickSize()), quantity,
                TimeInForce.GTC);
        }
    }

    private void order(final long userId, final int marketId, final Side side, final long price,
        final long quantity, final TimeInForce timeInForce) {
        submit((e, b, o, c, id) -> e.placeOrder(b, o, c, id, 0, userId, marketId, side, OrderType.LIMIT,
            timeInForce, price, quantity, 0, 0, StpMode.EXPIRE_MAKER));
    }

    private void submit(final CommandWriter writer) {
        final CommandResult result = client.submit(writer, TIMEOUT);
        if (result.reason() != RejectReason.NONE) {
            refused.incrementAndGet();
        }
    }

    private static long onTick(final long price, final long tickSize) {
        return price / tickSize * tickSize;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
