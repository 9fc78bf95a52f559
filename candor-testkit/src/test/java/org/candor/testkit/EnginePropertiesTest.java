package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.SnapshotWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the engine over random command streams from many users: its invariants hold after every command,
 * it is deterministic, a snapshot restores into an engine that continues exactly like the original, and it agrees
 * with the naive reference exchange after every command. Tries and stream lengths are bounded so the module's tests
 * finish in about a minute on two cores; each runs over fixed seeds (see {@link Trials}) and
 * a failing seed, shown in the test's name, replays exactly.
 */
class EnginePropertiesTest {
    private static final EngineCapacity CAPACITY = EngineCapacity.small();
    /**
     * Bounds low enough that a random stream reaches them: four resting orders per user, six per market, three
     * pending withdrawals and three holds, so the capacity refusals are compared with the reference too; and eight
     * deposit references per asset, so repeated references are forgotten and credited again as the reference says.
     */
    static final EngineCapacity TIGHT = new EngineCapacity(64, 16, 8, 512, 1024, 4, 6, 3, 3, 8, 1024, 8);

    static LongStream randomCommandStreamsKeepEveryInvariantTrials() {
        return Trials.seeds("randomCommandStreamsKeepEveryInvariant", 50);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("randomCommandStreamsKeepEveryInvariantTrials")
    void randomCommandStreamsKeepEveryInvariant(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final int users = trial.intIn(1, 12);
        final int markets = trial.intIn(1, 3);
        final Universe universe = Universe.standard(users, markets);
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(CAPACITY, events);
        final List<Command> setup = generator.setup();
        long commandId = 0;
        for (final Command command : setup) {
            Workload.apply(engine, command, ++commandId);
        }
        for (int i = 0; i < 2_000; i++) {
            final Command command = generator.next(engine);
            Workload.apply(engine, command, ++commandId);
            events.clear();
            engine.checkInvariants();
            assertThat(engine.recomputeDigest()).as("digest after %s", command).isEqualTo(engine.digest());
        }
    }

    static LongStream theSameCommandStreamGivesTheSameEventsAndDigestsTrials() {
        return Trials.seeds("theSameCommandStreamGivesTheSameEventsAndDigests", 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("theSameCommandStreamGivesTheSameEventsAndDigestsTrials")
    void theSameCommandStreamGivesTheSameEventsAndDigests(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final int users = trial.intIn(1, 12);
        final int markets = trial.intIn(1, 3);
        final Universe universe = Universe.standard(users, markets);
        final Workload workload = Workload.generate(seed, universe, CAPACITY, 1_500);
        assertThat(Workload.generate(seed, universe, CAPACITY, 1_500)).isEqualTo(workload);
        final RecordingEvents first = new RecordingEvents();
        final RecordingEvents second = new RecordingEvents();
        final Engine one = workload.run(CAPACITY, first);
        final Engine two = workload.run(CAPACITY, second);
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(two.digest()).isEqualTo(one.digest());
        assertThat(first.trades()).isNotEmpty();
    }

    static LongStream aRestoredSnapshotContinuesExactlyLikeTheOriginalTrials() {
        return Trials.seeds("aRestoredSnapshotContinuesExactlyLikeTheOriginal", 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("aRestoredSnapshotContinuesExactlyLikeTheOriginalTrials")
    void aRestoredSnapshotContinuesExactlyLikeTheOriginal(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final int users = trial.intIn(1, 12);
        final int markets = trial.intIn(1, 3);
        final int cutPercent = trial.intIn(0, 100);
        // Tight capacities forget deposit references: the restored engine must forget them in the same order.
        final EngineCapacity capacity = trial.bool() ? TIGHT : CAPACITY;
        final Universe universe = Universe.standard(users, markets);
        final Workload workload = Workload.generate(seed, universe, capacity, 1_500);
        final int cut = workload.size() * cutPercent / 100;
        final RecordingEvents originalEvents = new RecordingEvents();
        final Engine original = new Engine(capacity, originalEvents);
        workload.replay(original, 0, cut);

        final SnapshotWriter writer = new SnapshotWriter();
        original.writeSnapshot(writer);
        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = Engine.restore(capacity, restoredEvents, writer.buffer(), 0, writer.length());
        assertThat(restored.digest()).isEqualTo(original.digest());
        assertThat(restored.recomputeDigest()).isEqualTo(original.digest());
        assertThat(restored.lastEventSeq()).isEqualTo(original.lastEventSeq());
        assertThat(ExchangeState.of(restored, universe)).isEqualTo(ExchangeState.of(original, universe));

        final int before = originalEvents.size();
        workload.replay(original, cut, workload.size());
        workload.replay(restored, cut, workload.size());
        assertThat(restoredEvents.events()).isEqualTo(originalEvents.since(before));
        assertThat(restored.digest()).isEqualTo(original.digest());
        restored.checkInvariants();
    }

    static LongStream theEngineAgreesWithTheReferenceAfterEveryCommandTrials() {
        return Trials.seeds("theEngineAgreesWithTheReferenceAfterEveryCommand", 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("theEngineAgreesWithTheReferenceAfterEveryCommandTrials")
    void theEngineAgreesWithTheReferenceAfterEveryCommand(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final int users = trial.intIn(1, 12);
        final int markets = trial.intIn(1, 3);
        final boolean tightCapacity = trial.bool();
        final Universe universe = Universe.standard(users, markets);
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final DifferentialDriver driver = new DifferentialDriver(universe, tightCapacity ? TIGHT : CAPACITY);
        for (final Command command : generator.setup()) {
            assertThat(driver.step(command, true)).isNull();
        }
        for (int i = 0; i < 2_000; i++) {
            final Command command = generator.next(driver.engine());
            final String mismatch = driver.step(command, true);
            assertThat(mismatch).as("seed %d users %d markets %d tight %s", seed, users, markets, tightCapacity)
                .isNull();
        }
    }
}
