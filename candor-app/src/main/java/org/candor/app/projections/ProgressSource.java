package org.candor.app.projections;

import java.io.PrintStream;
import java.util.Locale;
import org.candor.engine.EngineEvents;
import org.candor.journal.EventJournalReader;
import org.candor.readmodel.EventSource;

/** A journal reader as the projector's event source, printing events done and events/s about once a second. */
final class ProgressSource implements EventSource {
    private static final long REPORT_INTERVAL_NS = 1_000_000_000L;

    private final EventJournalReader reader;
    private final long targetSeq;
    private final PrintStream out;
    private final long startNs = System.nanoTime();
    private long lastReportNs = startNs;
    private long events;

    /** {@code targetSeq}: the journal's last sequence when the run began, for the percentage; 0 if unknown. */
    ProgressSource(final EventJournalReader reader, final long targetSeq, final PrintStream out) {
        this.reader = reader;
        this.targetSeq = targetSeq;
        this.out = out;
    }

    @Override
    public int poll(final EngineEvents handler, final int limit) {
        final int delivered = reader.poll(handler, limit);
        events += delivered;
        final long now = System.nanoTime();
        if (now - lastReportNs >= REPORT_INTERVAL_NS) {
            lastReportNs = now;
            report(now);
        }
        return delivered;
    }

    void report(final long nowNs) {
        final double seconds = Math.max(1e-9, (nowNs - startNs) / 1e9);
        final String share = targetSeq > 0
            ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * Math.min(reader.lastSeq(), targetSeq) / targetSeq)
            : "";
        out.printf(Locale.ROOT, "  projected %,d events, up to seq %,d%s, %,.0f events/s%n", events,
            reader.lastSeq(), share, events / seconds);
        out.flush();
    }

    long events() {
        return events;
    }
}
