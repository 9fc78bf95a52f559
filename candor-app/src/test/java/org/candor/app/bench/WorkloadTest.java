package org.candor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.candor.engine.Engine;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static final Progress QUIET = new Progress(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));

    @Test
    void generatedWorkloadIsValidAndKeepsTheBookNearItsTargetDepth() {
        final WorkloadSpec spec = new WorkloadSpec(100, 2, 1_000, 50_000, 7, 250);

        final Workload workload = Workload.generate(spec, QUIET);

        assertThat(workload.rejected).as("rejections %s", workload.rejectReasons).isZero();
        assertThat(workload.prefill).isEqualTo(1_000);
        assertThat(workload.restingAtEnd).isBetween(500, 2_000);
        long moves = 0;
        for (int i = workload.prefill; i < workload.total; i++) {
            moves += workload.type[i] == Workload.MOVE ? 1 : 0;
        }
        assertThat((double) moves / spec.commands()).isBetween(0.65, 0.77);
    }

    @Test
    void replayingAWorkloadIntoFreshEnginesGivesTheSameStateEveryTime() {
        final Workload workload = Workload.generate(new WorkloadSpec(50, 1, 500, 20_000, 11, 100), QUIET);

        final Engine first = replay(workload);
        final Engine second = replay(workload);

        first.checkInvariants();
        assertThat(first.digest()).isEqualTo(second.digest()).isEqualTo(first.recomputeDigest());
    }

    private static Engine replay(final Workload workload) {
        final BenchEvents events = new BenchEvents();
        final Engine engine = new Engine(Workload.capacity(workload.spec), events);
        workload.setUp(engine);
        assertThat(workload.apply(engine, 0, workload.total, workload.firstCommandId)).isZero();
        assertThat(events.trades).isPositive();
        return engine;
    }
}
