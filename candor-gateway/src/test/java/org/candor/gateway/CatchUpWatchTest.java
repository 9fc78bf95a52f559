package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CatchUpWatchTest {
    private static final long START_NS = 1_000_000_000L;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aReplayThatKeepsMovingNeverStallsHoweverLongItTakes() {
        final CatchUpWatch watch = new CatchUpWatch(START_NS, 0);
        long seq = 0;
        // An hour of replay, a little progress every 20 seconds: longer than any fixed deadline would allow.
        for (long t = 20 * SECOND; t <= 3_600 * SECOND; t += 20 * SECOND) {
            seq += 1;
            assertThat(watch.check(START_NS + t, seq)).isNotEqualTo(CatchUpWatch.Verdict.STALLED);
        }
    }

    @Test
    void aReplayWithoutProgressForTheStallWindowHasStalled() {
        final CatchUpWatch watch = new CatchUpWatch(START_NS, 0);
        assertThat(watch.check(START_NS + 10 * SECOND, 500)).isEqualTo(CatchUpWatch.Verdict.REPORT);
        final long stuckSince = START_NS + 10 * SECOND;
        assertThat(watch.check(stuckSince + CatchUpWatch.STALL_NS_MAX - 1, 500))
            .isNotEqualTo(CatchUpWatch.Verdict.STALLED);
        assertThat(watch.check(stuckSince + CatchUpWatch.STALL_NS_MAX, 500)).isEqualTo(CatchUpWatch.Verdict.STALLED);
        assertThat(watch.stalled(500)).isEqualTo("reason=journal-catch-up-stalled lastSeq=500 stalledSeconds=30");
    }

    @Test
    void anEmptyStartThatNeverMovesAlsoStalls() {
        final CatchUpWatch watch = new CatchUpWatch(START_NS, 42);
        assertThat(watch.check(START_NS + CatchUpWatch.STALL_NS_MAX, 42)).isEqualTo(CatchUpWatch.Verdict.STALLED);
    }

    @Test
    void progressIsReportedOncePerInterval() {
        final CatchUpWatch watch = new CatchUpWatch(START_NS, 0);
        assertThat(watch.check(START_NS + SECOND, 10)).isEqualTo(CatchUpWatch.Verdict.WAIT);
        assertThat(watch.check(START_NS + CatchUpWatch.REPORT_INTERVAL_NS, 20))
            .isEqualTo(CatchUpWatch.Verdict.REPORT);
        assertThat(watch.check(START_NS + CatchUpWatch.REPORT_INTERVAL_NS + SECOND, 30))
            .isEqualTo(CatchUpWatch.Verdict.WAIT);
        assertThat(watch.check(START_NS + 2 * CatchUpWatch.REPORT_INTERVAL_NS, 40))
            .isEqualTo(CatchUpWatch.Verdict.REPORT);
    }

    @Test
    void theProgressLineSaysHowFarAndHowFast() {
        final CatchUpWatch watch = new CatchUpWatch(START_NS, 1_000);
        assertThat(watch.progress(START_NS + 4 * SECOND, 2_001_000)).isEqualTo(
            "seq=2001000 events=2000000 elapsed_s=4 events_per_s=500000");
    }
}
