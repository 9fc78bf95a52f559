package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aeron.cluster.service.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.candor.engine.EngineCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotScheduleTest {
    @TempDir
    Path dir;

    @Test
    void theLeaderTakesASnapshotEveryInterval() throws Exception {
        final List<String> log = new CopyOnWriteArrayList<>();
        try (EmbeddedNode node = EmbeddedNode.launch(dir, Nodes.portBase(), EngineCapacity.small())) {
            Nodes.await("leadership", Duration.ofSeconds(20), () -> node.service().role() == Cluster.Role.LEADER);
            try (SnapshotSchedule schedule = SnapshotSchedule.start(node, Duration.ofMillis(300), log::add)) {
                Nodes.await("two scheduled snapshots", Duration.ofSeconds(20), () -> schedule.taken() >= 2);
                assertThat(schedule.failed()).isZero();
            }
            assertThat(node.service().snapshotsTaken()).isGreaterThanOrEqualTo(2);
            assertThat(log).first().asString().startsWith("snapshot taken member=0 ms=");
        }
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> SnapshotSchedule.start(null, Duration.ZERO, line -> { }))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
