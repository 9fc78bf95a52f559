package org.candor.gateway;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Watches a starting gateway's views replay the journal: says when to report progress and when the replay has
 * stalled. A long journal is not a failure, so there is no deadline on the whole replay, only on a stretch without
 * progress: a gateway whose views keep moving keeps starting, however long the history; one whose views stopped
 * (a journal that ends in a segment that never comes, a reader stuck on a disk) fails with a reason instead of
 * hanging. Pure: time and the views' position come in with each call.
 */
final class CatchUpWatch {
    /** A replay that applied nothing for this long has stalled: far above any pause a healthy replay takes. */
    static final long STALL_NS_MAX = TimeUnit.SECONDS.toNanos(30);
    /** How often a replay in progress is reported. */
    static final long REPORT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(5);

    private final long startNs;
    private final long startSeq;
    private long progressNs;
    private long progressSeq;
    private long reportedNs;

    CatchUpWatch(final long nowNs, final long seq) {
        this.startNs = nowNs;
        this.startSeq = seq;
        this.progressNs = nowNs;
        this.progressSeq = seq;
        this.reportedNs = nowNs;
    }

    /** What a check finds. */
    enum Verdict {
        WAIT, REPORT, STALLED
    }

    /** A check at {@code nowNs} with the views at {@code seq}. */
    Verdict check(final long nowNs, final long seq) {
        if (seq != progressSeq) {
            progressSeq = seq;
            progressNs = nowNs;
        } else if (nowNs - progressNs >= STALL_NS_MAX) {
            return Verdict.STALLED;
        }
        if (nowNs - reportedNs >= REPORT_INTERVAL_NS) {
            reportedNs = nowNs;
            return Verdict.REPORT;
        }
        return Verdict.WAIT;
    }

    /** How far and how fast on average since the start, key=value. */
    String progress(final long nowNs, final long seq) {
        final long elapsedNs = Math.max(1, nowNs - startNs);
        final long events = seq - startSeq;
        return String.format(Locale.ROOT, "seq=%d events=%d elapsed_s=%d events_per_s=%.0f", seq, events,
            TimeUnit.NANOSECONDS.toSeconds(elapsedNs), events * 1e9 / elapsedNs);
    }

    /** The failure's message once stalled. */
    String stalled(final long seq) {
        return "reason=journal-catch-up-stalled lastSeq=" + seq + " stalledSeconds="
            + TimeUnit.NANOSECONDS.toSeconds(STALL_NS_MAX);
    }
}
