package org.candor.app.bench;

import java.io.PrintStream;

/** Prints a task's progress in tenths, so long benchmark phases show they are alive. */
final class Progress {
    private final PrintStream out;
    private String task = "";
    private long total;
    private int lastTenth;

    Progress(final PrintStream out) {
        this.out = out;
    }

    void start(final String taskName, final long totalUnits) {
        task = taskName;
        total = totalUnits;
        lastTenth = 0;
    }

    void update(final long done) {
        if (total < 1_000_000) {
            return;
        }
        final int tenth = (int) (done * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.printf("  %s: %d%% (%,d of %,d)%n", task, tenth * 10, done, total);
        }
    }
}
