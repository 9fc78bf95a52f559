package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small workload, balances, and ends with its key=value line. */
class ProjectionBenchmarkTest {

    @Test
    void projectsASmallSessionAndPrintsItsSummary() {
        TestDatabases.dropSchema("t_bench");
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final ProjectionBenchmark.Result result = ProjectionBenchmark.run(new ProjectionBenchmark.Options(3_000, 40,
            500, 9, TestDatabases.endpoint(), "t_bench", false),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.balanced()).isTrue();
        assertThat(result.events()).isGreaterThan(3_000);
        assertThat(result.rows()).isGreaterThan(result.events());
        final List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("events_per_s=").contains("balanced=true");
    }

    /** The follow mode goes through the live loop, balances, and reports its commit latencies. */
    @Test
    void followsASmallSessionThroughTheLivePathAndPrintsLatencies() {
        TestDatabases.dropSchema("t_bench_follow");
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final ProjectionBenchmark.Result result = ProjectionBenchmark.run(new ProjectionBenchmark.Options(3_000, 40,
            100, 9, TestDatabases.endpoint(), "t_bench_follow", true),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.balanced()).isTrue();
        assertThat(result.events()).isGreaterThan(3_000);
        final List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        final String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("mode=follow events_per_s=").contains("balanced=true");
        assertThat(Long.parseLong(last.replaceAll(".* p50_us=(\\d+) .*", "$1"))).isPositive();
        assertThat(Long.parseLong(last.replaceAll(".* max_us=(\\d+) .*", "$1")))
            .isGreaterThanOrEqualTo(Long.parseLong(last.replaceAll(".* p99_us=(\\d+) .*", "$1")));
    }
}
