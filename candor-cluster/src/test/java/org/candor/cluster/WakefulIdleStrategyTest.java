package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakefulIdleStrategyTest {
    private long now = 5_000_000_000L;
    private final WakefulIdleStrategy idle = new WakefulIdleStrategy(() -> now);

    private List<Long> rounds(final int count) {
        final List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(idle.nextParkNs());
        }
        return out;
    }

    @Test
    void spinsThenYieldsThenParksForDoublingPeriods() {
        final List<Long> schedule = rounds(WakefulIdleStrategy.SPINS + WakefulIdleStrategy.YIELDS + 4);

        assertThat(schedule.subList(0, WakefulIdleStrategy.SPINS)).containsOnly(0L);
        assertThat(schedule.subList(WakefulIdleStrategy.SPINS, WakefulIdleStrategy.SPINS + WakefulIdleStrategy.YIELDS))
            .containsOnly(-1L);
        assertThat(schedule.subList(WakefulIdleStrategy.SPINS + WakefulIdleStrategy.YIELDS, schedule.size()))
            .containsExactly(1_000L, 2_000L, 4_000L, 8_000L);
    }

    @Test
    void parksNoLongerThanTheWakefulCeilingRightAfterWork() {
        idle.idle(1);
        now += WakefulIdleStrategy.WAKEFUL_WINDOW_NS - 1;

        assertThat(rounds(100)).allMatch(ns -> ns <= WakefulIdleStrategy.WAKEFUL_PARK_NS_MAX)
            .contains(WakefulIdleStrategy.WAKEFUL_PARK_NS_MAX);
    }

    @Test
    void growsToTheDrowsyCeilingOnceTheWindowHasPassed() {
        idle.idle(1);
        rounds(40);
        now += WakefulIdleStrategy.WAKEFUL_WINDOW_NS;

        final List<Long> later = rounds(10);

        assertThat(later).contains(WakefulIdleStrategy.DROWSY_PARK_NS_MAX)
            .allMatch(ns -> ns <= WakefulIdleStrategy.DROWSY_PARK_NS_MAX);
        assertThat(later.get(0)).isEqualTo(2 * WakefulIdleStrategy.WAKEFUL_PARK_NS_MAX);
    }

    @Test
    void workMakesADrowsyAgentWakefulAgain() {
        now += 10 * WakefulIdleStrategy.WAKEFUL_WINDOW_NS;
        rounds(40);
        assertThat(idle.nextParkNs()).isEqualTo(WakefulIdleStrategy.DROWSY_PARK_NS_MAX);

        idle.idle(3);

        assertThat(idle.nextParkNs()).isZero();
        assertThat(rounds(100)).allMatch(ns -> ns <= WakefulIdleStrategy.WAKEFUL_PARK_NS_MAX);
    }

    @Test
    void noWorkIsNotAReset() {
        rounds(WakefulIdleStrategy.SPINS + WakefulIdleStrategy.YIELDS + 1);

        idle.idle(0);

        assertThat(idle.nextParkNs()).isEqualTo(4_000L);
    }
}
