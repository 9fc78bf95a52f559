package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `candor bench views` writes a real journal, replays all of it into fresh views and reports, key=value last. */
class ViewsReplayBenchmarkTest {
    @Test
    void replaysTheWholeGeneratedJournalIntoTheViews() {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final ViewsReplayBenchmark.Result result = ViewsReplayBenchmark.run(new ViewsReplayBenchmark.Options(
            30_000, 50, 7), new PrintStream(printed, true, StandardCharsets.UTF_8));
        // Setup (assets, market, users, deposits, addresses) and 30,000 commands of a few events each.
        assertThat(result.events()).isGreaterThan(30_000);
        assertThat(result.eventsPerSecond()).isPositive();
        final String[] lines = printed.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(lines[0]).isEqualTo("candor bench views");
        assertThat(lines).anyMatch(line -> line.startsWith("generating: 30000 of 30000 commands"));
        assertThat(lines[lines.length - 1]).startsWith("events_per_s=")
            .contains(" events=" + result.events() + " ", " views_heap_mb=", " commands=30000 users=50");
    }
}
