package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing: encoding a command, dispatching it, encoding the engine's events and decoding them
 * again, for orders with and without a client order label. Measured with the JVM's per-thread allocation counter
 * over many order round trips.
 */
class AllocationTest {
    private static final long USER = 7;
    private static final long PRICE = 30_000_000_000L;
    private static final String LABEL = "x-grid.bot:42";

    private final UnsafeBuffer command = new UnsafeBuffer(new byte[CommandEncoder.MAX_COMMAND_LENGTH]);
    private final CommandEncoder encoder = new CommandEncoder();
    private final LastResultEvents listener = new LastResultEvents();
    private final EventDecoder eventDecoder = new EventDecoder(listener);
    private final Engine engine = new Engine(EngineCapacity.small(), new EventEncoder(eventDecoder::decode));
    private final CommandDispatcher dispatcher = new CommandDispatcher(engine);
    private long commandId;

    @Test
    void placingAndCancellingOrdersThroughTheProtocolAllocatesNothing() {
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        final com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        counter.getCurrentThreadAllocatedBytes();
        setUp();
        // Long enough for the JIT to settle: code still running interpreted or being replaced allocated a few hundred
        // bytes in some runs after 2,000 round trips, none after 20,000.
        placeAndCancel(20_000);
        final long before = counter.getCurrentThreadAllocatedBytes();
        placeAndCancel(2_000);
        final long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        // One allocation per command would be at least 16 bytes times 8,000 commands; the JVM itself may allocate a
        // few bytes once (the counter, compilation), so the bound separates the two without being flaky.
        assertThat(allocated).as("bytes allocated by 4,000 place and cancel round trips").isLessThan(1_024);
    }

    private void setUp() {
        send(encoder.createAsset(command, 0, 1, ++commandId, 1, 1, "BTC", 8));
        send(encoder.createAsset(command, 0, 1, ++commandId, 1, 2, "USDT", 6));
        send(encoder.createMarket(command, 0, 1, ++commandId, 1, 1, "BTCUSDT", 1, 2, 10_000, 10_000, 10_000,
            100_000_000_000L, 1_000_000, 10, 20));
        send(encoder.createUser(command, 0, 1, ++commandId, 1, USER));
        send(encoder.deposit(command, 0, 1, ++commandId, 1, USER, 2, 1_000_000_000_000L, 1));
    }

    private void placeAndCancel(final int times) {
        for (int i = 0; i < times; i++) {
            send(encoder.placeOrder(command, 0, 1, ++commandId, 2, USER, 1, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, PRICE, 10_000, 0, 0, StpMode.NONE));
            send(encoder.cancelOrder(command, 0, 1, ++commandId, 3, USER, 1, listener.lastReference, 0));
            send(encoder.placeOrder(command, 0, 1, ++commandId, 2, USER, 1, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, PRICE, 10_000, 0, 42, StpMode.NONE, LABEL));
            send(encoder.cancelOrder(command, 0, 1, ++commandId, 3, USER, 1, listener.lastReference, 0));
        }
    }

    private void send(final int length) {
        final RejectReason reason = dispatcher.dispatch(command, 0, length);
        if (reason != RejectReason.NONE) {
            throw new AssertionError("commandId=" + commandId + " reason=" + reason);
        }
    }
}
