package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.Hold;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldState;
import org.candor.engine.SnapshotWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of accountable holds over random streams of trading, hold commands, approvals, renewals and timer
 * ticks: every held unit belongs to a hold in force, every hold is accountable, and every review deadline fires
 * exactly once, also when the engine is snapshotted and restored on the way.
 */
class HoldPropertiesTest {
    private static final EngineCapacity CAPACITY = EngineCapacity.small();

    static LongStream everyHeldUnitBelongsToAHoldInForceAndEveryHoldIsAccountableTrials() {
        return Trials.seeds("everyHeldUnitBelongsToAHoldInForceAndEveryHoldIsAccountable", 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("everyHeldUnitBelongsToAHoldInForceAndEveryHoldIsAccountableTrials")
    void everyHeldUnitBelongsToAHoldInForceAndEveryHoldIsAccountable(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final Universe universe = Universe.standard(trial.intIn(1, 10), trial.intIn(1, 3));
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(CAPACITY, events);
        long id = 0;
        for (final Command command : generator.setup()) {
            Workload.apply(engine, command, ++id);
        }
        int approved = 0;
        for (int i = 0; i < 2_000; i++) {
            final Command command = generator.next(engine);
            Workload.apply(engine, command, ++id);
            approved += events.ofKind(RecordingEvents.HoldApproved.class).size();
            events.clear();
            for (final AssetTerms asset : universe.assets()) {
                for (final long userId : universe.userIds()) {
                    long held = 0;
                    for (final Hold hold : engine.holdsOf(userId, asset.assetId())) {
                        held += hold.kind() == HoldKind.AMOUNT ? engine.heldAmount(hold.holdId()) : 0;
                    }
                    assertThat(engine.balance(userId, asset.assetId(), Bucket.HELD))
                        .as("held of user %d asset %d after %s", userId, asset.assetId(), command).isEqualTo(held);
                }
            }
            for (final Hold hold : engine.holds()) {
                assertAccountable(hold);
            }
        }
        assertThat(approved).as("holds were approved by a second operator").isPositive();
    }

    private static void assertAccountable(final Hold hold) {
        assertThat(hold.reason()).isNotNull();
        assertThat(hold.placedBy()).isPositive();
        assertThat(HoldPolicy.isValidText(hold.explanation())).isTrue();
        assertThat(hold.reviewDeadlineMs()).isGreaterThan(hold.placedAtMs());
        if (hold.state() == HoldState.PENDING_APPROVAL) {
            assertThat(hold.approvedBy()).isZero();
            assertThat(hold.heldAmount()).isZero();
        } else if (hold.approvalRequired()) {
            assertThat(hold.approvedBy()).as("hold %d approved by another operator", hold.holdId()).isPositive()
                .isNotEqualTo(hold.placedBy());
        } else {
            assertThat(hold.approvedBy()).isZero();
        }
    }

    static LongStream everyReviewDeadlineFiresExactlyOnceTrials() {
        return Trials.seeds("everyReviewDeadlineFiresExactlyOnce", 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("everyReviewDeadlineFiresExactlyOnceTrials")
    void everyReviewDeadlineFiresExactlyOnce(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final Universe universe = Universe.standard(trial.intIn(1, 10), trial.intIn(1, 3));
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(CAPACITY, events);
        final Map<Long, Long> deadlineOf = new HashMap<>();
        final Map<Long, Integer> renewalsOf = new HashMap<>();
        final Set<String> fired = new HashSet<>();
        long id = 0;
        for (final Command command : generator.setup()) {
            Workload.apply(engine, command, ++id);
        }
        for (int i = 0; i < 2_000; i++) {
            final Command command = generator.next(engine);
            Workload.apply(engine, command, ++id);
            long now = Workload.timeOf(id);
            for (final RecordingEvents.CommandResult result : events.results()) {
                now = Math.max(now, result.timestampMs());
            }
            for (final RecordingEvents.Event event : events.events()) {
                if (event instanceof RecordingEvents.HoldPlaced placed) {
                    deadlineOf.put(placed.holdId(), placed.reviewDeadlineMs());
                } else if (event instanceof RecordingEvents.HoldRenewed renewed) {
                    deadlineOf.put(renewed.holdId(), renewed.reviewDeadlineMs());
                    renewalsOf.put(renewed.holdId(), renewed.renewals());
                }
                final long firedHold = firedHold(event);
                if (firedHold != 0) {
                    final long deadline = deadlineOf.get(firedHold);
                    // A renewal is a new deadline even when, after an AdvanceTime ran ahead of command time, it
                    // happens to fall on the same millisecond as the one it replaced.
                    final String key = firedHold + "@" + deadline + "#" + renewalsOf.getOrDefault(firedHold, 0);
                    assertThat(fired.add(key)).as("hold %d deadline %d fired twice",
                        firedHold, deadline).isTrue();
                    assertThat(deadline).isLessThanOrEqualTo(now);
                }
            }
            events.clear();
            for (final Hold hold : engine.holds()) {
                if (hold.state() == HoldState.PENDING_APPROVAL || hold.state() == HoldState.ACTIVE) {
                    assertThat(hold.reviewDeadlineMs()).as("due deadline of hold %d not fired", hold.holdId())
                        .isGreaterThan(now);
                }
            }
        }
        assertThat(fired).as("some deadlines fell due").isNotEmpty();
    }

    /** The hold whose deadline this event fired, or 0 if it is not a deadline's event. */
    private static long firedHold(final RecordingEvents.Event event) {
        if (event instanceof RecordingEvents.HoldEscalated escalated) {
            return escalated.holdId();
        }
        if (event instanceof RecordingEvents.HoldReleased released && released.automatic()) {
            return released.holdId();
        }
        if (event instanceof RecordingEvents.HoldRejected rejected && rejected.automatic()) {
            return rejected.holdId();
        }
        return 0;
    }

    static LongStream deadlinesFireTheSameWithASnapshotAndRestoreAtARandomPointTrials() {
        return Trials.seeds("deadlinesFireTheSameWithASnapshotAndRestoreAtARandomPoint", 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("deadlinesFireTheSameWithASnapshotAndRestoreAtARandomPointTrials")
    void deadlinesFireTheSameWithASnapshotAndRestoreAtARandomPoint(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final Universe universe = Universe.standard(trial.intIn(1, 10), trial.intIn(1, 3));
        final Workload workload = Workload.generate(seed, universe, CAPACITY, 1_500);
        final int cut = workload.size() * trial.intIn(0, 100) / 100;
        final RecordingEvents originalEvents = new RecordingEvents();
        final Engine original = new Engine(CAPACITY, originalEvents);
        workload.replay(original, 0, cut);
        final SnapshotWriter writer = new SnapshotWriter();
        original.writeSnapshot(writer);
        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = Engine.restore(CAPACITY, restoredEvents, writer.buffer(), 0, writer.length());
        assertThat(restored.nextDeadlineMs()).isEqualTo(original.nextDeadlineMs());
        originalEvents.clear();

        final long end = Workload.timeOf(workload.size()) + HoldPolicy.REVIEW_AHEAD_MS_MAX;
        workload.replay(original, cut, workload.size());
        workload.replay(restored, cut, workload.size());
        final int firedAtEnd = original.advanceTime(end);
        assertThat(restored.advanceTime(end)).isEqualTo(firedAtEnd);
        final List<RecordingEvents.Event> expected = originalEvents.since(0);
        assertThat(restoredEvents.events()).isEqualTo(expected);
        assertThat(restored.advanceTime(end)).as("nothing fires twice").isZero();
        assertThat(original.advanceTime(end)).isZero();
        assertThat(restored.nextDeadlineMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(restored.digest()).isEqualTo(original.digest());
        assertThat(expected.stream().filter(e -> firedHold(e) != 0)).as("deadlines fired after the cut")
            .isNotEmpty();
        restored.checkInvariants();
    }
}
