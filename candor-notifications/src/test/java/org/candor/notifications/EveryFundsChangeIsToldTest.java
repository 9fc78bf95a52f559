package org.candor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.candor.engine.Bucket;
import org.candor.engine.LedgerCause;
import org.candor.readmodel.EventSource;
import org.candor.testkit.RecordingEvents;
import org.candor.testkit.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise, as a property over seeded workloads: every event that moves a user's available, held or withdrawing
 * funds for a reason other than their own trading is told to that user in the same command. Trading (reserving for
 * an order, its release, settlement and fees) is excluded on purpose: the user did it, and the user data stream
 * reports it.
 */
class EveryFundsChangeIsToldTest {
    private static final int COMMANDS = 3_000;
    private static final Set<LedgerCause> TRADING = EnumSet.of(LedgerCause.ORDER_RESERVED,
        LedgerCause.ORDER_RELEASED, LedgerCause.TRADE_SETTLED, LedgerCause.TRADE_FEE);
    private static final Set<Bucket> WATCHED = EnumSet.of(Bucket.AVAILABLE, Bucket.HELD, Bucket.WITHDRAWING);

    static LongStream seeds() {
        return Workloads.seeds("EveryFundsChangeIsToldTest", 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyNonTradingMoveOfAUsersFundsIsToldToThatUserInTheSameCommand(final long seed) {
        final Workload workload = Workloads.workload(seed, COMMANDS);
        final Map<Long, List<Notification>> byResult = notify(Workloads.encoded(workload).fromStart());
        final RecordingEvents recording = Workloads.recorded(workload);

        final Set<Long> moved = new TreeSet<>();
        int checked = 0;
        for (final RecordingEvents.Event event : recording.events()) {
            if (event instanceof RecordingEvents.LedgerEntry entry && !TRADING.contains(entry.cause())) {
                addUser(moved, entry.fromUserId(), entry.fromBucket());
                addUser(moved, entry.toUserId(), entry.toBucket());
            } else if (event instanceof RecordingEvents.CommandResult result) {
                final List<Notification> told = byResult.getOrDefault(result.seq(), List.of());
                for (final long user : moved) {
                    assertThat(told).as("command ending at seq %d moved funds of user %d", result.seq(), user)
                        .anyMatch(n -> n.userId() == user);
                    checked++;
                }
                moved.clear();
            }
        }
        assertThat(checked).as("the workload moved users' funds outside trading").isGreaterThan(100);
        final Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        byResult.values().forEach(list -> list.forEach(n -> kinds.add(n.kind())));
        // Which kinds occur depends on the seed; NotifierTest covers each kind one by one.
        assertThat(kinds).contains(NotificationKind.DEPOSIT_CREDITED, NotificationKind.WITHDRAWAL_ADDRESS_ADDED)
            .hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameEventsAlwaysGiveTheSameNotifications(final long seed) {
        final Workload workload = Workloads.workload(seed, COMMANDS / 3);
        assertThat(notify(Workloads.encoded(workload).fromStart()))
            .isEqualTo(notify(Workloads.encoded(workload).fromStart()));
    }

    private static void addUser(final Set<Long> users, final long user, final Bucket bucket) {
        if (user != org.candor.engine.Engine.SYSTEM_USER_ID && WATCHED.contains(bucket)) {
            users.add(user);
        }
    }

    /** Each command's notifications by the sequence of its result. */
    static Map<Long, List<Notification>> notify(final EventSource source) {
        final Map<Long, List<Notification>> byResult = new HashMap<>();
        final Notifier notifier = new Notifier((seq, timeMs, told) -> {
            if (!told.isEmpty()) {
                byResult.put(seq, new ArrayList<>(told));
            }
        });
        while (source.poll(notifier, 10_000) > 0) {
            continue;
        }
        return byResult;
    }
}
