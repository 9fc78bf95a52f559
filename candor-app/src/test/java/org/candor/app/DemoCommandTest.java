package org.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoTradesAndEndsWithBalancedLedger() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DemoCommand demo = new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        final int exit = demo.call();

        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(output).contains("trade 1: alice buys 0.40000000 from bob at 67010.000000")
            .contains("rejected PRICE_NOT_ON_TICK (code 41)")
            .contains("invariants=ok");
        final Engine engine = demo.engine();
        assertThat(engine.balance(DemoCommand.BOB, DemoCommand.ETH, Bucket.WITHDRAWING)).isEqualTo(100_000_000L);
        assertThat(engine.balance(DemoCommand.BOB, DemoCommand.BTC, Bucket.HELD)).isEqualTo(10_000_000L);
        assertThat(engine.digest()).isEqualTo(engine.recomputeDigest());
    }
}
