package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.OrderEndReason;
import org.candor.engine.RejectReason;

/**
 * Long fixed-seed runs: twenty thousand commands from ten users over three markets, once with the small test
 * capacities and once with tight ones. Each checks the reference's verdict on every command, the invariants and the
 * reference's books and balances every hundred commands and at the end, and that the workload really reaches what
 * it is meant to exercise, so a generator change that quietly stops producing trades or refusals is caught.
 */
class LongRunTest {
    private static final long SEED = 20_260_101L;
    private static final int COMMANDS = 20_000;
    /** The tally of deposits credited with an asset and reference that were credited before. */
    private static final String CREDITED_AGAIN = "deposit reference credited again";

    @Test
    void aLongFixedSeedRunKeepsEveryInvariantAndAgreesWithTheReference() {
        final TreeMap<String, Integer> outcomes = run(SEED, EngineCapacity.small());
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
            "ReleaseHold " + RejectReason.NONE, "RequestWithdrawal " + RejectReason.INSUFFICIENT_FUNDS,
            "PlaceOrder " + RejectReason.NOTIONAL_OVERFLOW, "PlaceOrder " + RejectReason.INVALID_TIME_IN_FORCE,
            "PlaceOrder " + RejectReason.INVALID_PRICE, "Deposit " + RejectReason.BALANCE_OVERFLOW,
            "PlaceHold " + RejectReason.UNKNOWN_ASSET, "MoveOrder " + RejectReason.UNKNOWN_MARKET,
            "Deposit " + RejectReason.DEPOSIT_ALREADY_CREDITED, "Deposit " + RejectReason.INVALID_ARGUMENT);
        assertThat(outcomes).as("within the bound, no deposit reference is credited twice")
            .doesNotContainKey(CREDITED_AGAIN);
    }

    @Test
    void aLongRunAgainstTightCapacitiesAgreesWithTheReferenceOnEveryCapacityRefusal() {
        final TreeMap<String, Integer> outcomes = run(SEED + 1, EnginePropertiesTest.TIGHT);
        assertThat(outcomes.keySet()).contains("PlaceOrder " + RejectReason.USER_ORDERS_CAPACITY_REACHED,
            "PlaceOrder " + RejectReason.MARKET_ORDERS_CAPACITY_REACHED,
            "RequestWithdrawal " + RejectReason.WITHDRAWALS_CAPACITY_REACHED,
            "PlaceHold " + RejectReason.HOLDS_CAPACITY_REACHED, "Deposit " + RejectReason.DEPOSIT_ALREADY_CREDITED);
        assertThat(outcomes.getOrDefault(CREDITED_AGAIN, 0)).as("references forgotten beyond eight per asset")
            .isPositive();
    }

    /**
     * Runs the setup and {@link #COMMANDS} generated commands beside the reference; returns how often each verdict
     * and each trade or order end happened.
     */
    private static TreeMap<String, Integer> run(final long seed, final EngineCapacity capacity) {
        final Universe universe = Universe.standard(10, 3);
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final DifferentialDriver driver = new DifferentialDriver(universe, capacity);
        final Engine engine = driver.engine();
        final TreeMap<String, Integer> outcomes = new TreeMap<>();
        final Set<String> creditedRefs = new HashSet<>();
        for (final Command command : generator.setup()) {
            assertThat(driver.step(command, true)).isNull();
            countCredits(outcomes, creditedRefs, driver);
        }
        for (int i = 1; i <= COMMANDS; i++) {
            final Command command = generator.next(engine);
            assertThat(driver.step(command, i % 100 == 0)).isNull();
            count(outcomes, command, driver);
            countCredits(outcomes, creditedRefs, driver);
            if (i % 100 == 0) {
                engine.checkInvariants();
                assertThat(engine.recomputeDigest()).isEqualTo(engine.digest());
            }
        }
        assertThat(driver.compareState(COMMANDS, null)).isNull();
        return outcomes;
    }

    /** Counts a deposit credited with an (asset, reference) credited before, which only the bound allows. */
    private static void countCredits(final TreeMap<String, Integer> outcomes, final Set<String> creditedRefs,
        final DifferentialDriver driver) {
        for (final RecordingEvents.Event event : driver.lastEvents()) {
            if (event instanceof RecordingEvents.DepositCredited d && !creditedRefs.add(d.assetId() + "/"
                + d.depositRef())) {
                outcomes.merge(CREDITED_AGAIN, 1, Integer::sum);
            }
        }
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
