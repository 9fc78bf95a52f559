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
            500, 9, TestDatabases.endpoint(), "t_bench"), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.balanced()).isTrue();
        assertThat(result.events()).isGreaterThan(3_000);
        assertThat(result.rows()).isGreaterThan(result.events());
        final List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("events_per_s=").contains("balanced=true");
    }
}
