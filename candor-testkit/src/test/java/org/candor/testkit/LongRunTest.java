package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.OrderEndReason;
import org.candor.engine.RejectReason;

/**
 * One long fixed-seed run: twenty thousand commands from ten users over three markets. It checks the reference's
 * verdict on every command, the invariants and the reference's books and balances every hundred commands and at
 * the end, and that the workload really reaches what it is meant to exercise, so a generator change that quietly
 * stops producing trades or refusals is caught.
 */
class LongRunTest {
    private static final long SEED = 20_260_101L;
    private static final int COMMANDS = 20_000;

    @Test
    void aLongFixedSeedRunKeepsEveryInvariantAndAgreesWithTheReference() {
        final Universe universe = Universe.standard(10, 3);
        final CommandGenerator generator = new CommandGenerator(SEED, universe);
        final DifferentialDriver driver = new DifferentialDriver(universe, EngineCapacity.small());
        final Engine engine = driver.engine();
        final TreeMap<String, Integer> outcomes = new TreeMap<>();
        for (final Command command : generator.setup()) {
            assertThat(driver.step(command, true)).isNull();
        }
        for (int i = 1; i <= COMMANDS; i++) {
            final Command command = generator.next(engine);
            assertThat(driver.step(command, i % 100 == 0)).isNull();
            count(outcomes, command, driver);
            if (i % 100 == 0) {
                engine.checkInvariants();
                assertThat(engine.recomputeDigest()).isEqualTo(engine.digest());
            }
        }
        assertThat(driver.compareState(COMMANDS, null)).isNull();
        assertThat(outcomes.getOrDefault("trade", 0)).isGreaterThan(1_000);
        assertThat(outcomes.keySet()).contains("done " + OrderEndReason.FILLED, "done " + OrderEndReason.CANCELLED,
            "done " + OrderEndReason.EXPIRED, "done " + OrderEndReason.EXPIRED_FOK,
            "done " + OrderEndReason.EXPIRED_STP, "PlaceOrder " + RejectReason.POST_ONLY_WOULD_TAKE,
            "PlaceOrder " + RejectReason.PRICE_NOT_ON_TICK, "PlaceOrder " + RejectReason.QUANTITY_NOT_ON_LOT,
            "PlaceOrder " + RejectReason.INSUFFICIENT_FUNDS, "PlaceOrder " + RejectReason.DUPLICATE_CLIENT_ORDER_ID,
            "PlaceOrder " + RejectReason.MARKET_HALTED, "CancelOrder " + RejectReason.UNKNOWN_ORDER,
            "MoveOrder " + RejectReason.NONE, "MoveOrder " + RejectReason.PRICE_UNCHANGED,
            "ReduceOrder " + RejectReason.NONE, "CancelAll " + RejectReason.NONE,
            "CompleteWithdrawal " + RejectReason.NONE, "FailWithdrawal " + RejectReason.NONE,
            "CancelWithdrawal " + RejectReason.NONE, "CancelWithdrawal " + RejectReason.UNKNOWN_WITHDRAWAL,
            "ReleaseHold " + RejectReason.NONE, "RequestWithdrawal " + RejectReason.INSUFFICIENT_FUNDS);
    }

    /** Tallies the verdict of one command and the trades and order ends it caused. */
    private static void count(final TreeMap<String, Integer> outcomes, final Command command,
        final DifferentialDriver driver) {
        outcomes.merge(command.getClass().getSimpleName() + " " + driver.lastReason(), 1, Integer::sum);
        for (final RecordingEvents.Event event : driver.lastEvents()) {
            if (event instanceof RecordingEvents.OrderDone done) {
                outcomes.merge("done " + done.reason(), 1, Integer::sum);
            } else if (event instanceof RecordingEvents.Trade) {
                outcomes.merge("trade", 1, Integer::sum);
            }
        }
    }
}
