package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stage timers as Prometheus shows them, and the benchmark's reading of two scrapes. */
class CommandStagesTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CommandStages stages = new CommandStages(registry);

    @Test
    void eachStageIsTheDifferenceOfItsTimestamps() {
        stages.cluster(1_000_000, 3_000_000);
        stages.handler(1_000_000, 3_100_000, 3_200_000);

        final Map<String, double[]> totals = ApiBenchmark.stageTotals(registry.scrape());

        assertThat(totals).containsOnlyKeys("answer_wait", "cluster", "views");
        assertThat(totals.get("cluster")).containsExactly(1, 0.002);
        assertThat(totals.get("answer_wait")).containsExactly(1, 0.0021);
        assertThat(totals.get("views")).containsExactly(1, 0.0001);
    }

    @Test
    void theBenchmarkReportsTheMeanOfTheCommandsBetweenTwoScrapes() {
        stages.cluster(0, 50_000_000);
        final Map<String, double[]> before = ApiBenchmark.stageTotals(registry.scrape());
        stages.cluster(0, 2_000_000);
        stages.cluster(0, 4_000_000);

        final Map<String, Long> means = ApiBenchmark.stageMeansUs(before, ApiBenchmark.stageTotals(registry.scrape()));

        assertThat(means).containsExactly(Map.entry("cluster", 3_000L));
    }
}
