package org.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.candor.app.projections.DatabaseOptions;
import org.candor.app.projections.FollowCommand;
import org.candor.app.projections.RebuildCommand;
import org.candor.cluster.EmbeddedNode;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.notifications.NotificationStore;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo's journal projected into the node's embedded PostgreSQL: live, reconciled account by account with the
 * engine's snapshot, then rebuilt from scratch; the users' notifications written beside the tables.
 */
class ProjectionsCommandTest {
    /** Below the ephemeral range, apart from the other tests' ports (docs/OPERATIONS.md). */
    private static final int PORT_BASE = 24_100;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void followsTheJournalLiveReconcilesThenRebuildsWithProgress(@TempDir final Path dir) throws Exception {
        // Run as root, the embedded PostgreSQL runs as an unprivileged user, who must be able to reach the node's
        // directory; JUnit creates it readable by its owner only.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        final long lastSeq;
        try (EmbeddedNode node = EmbeddedNode.launch(dir, PORT_BASE, EngineCapacity.small())) {
            new DemoCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(node);
            lastSeq = node.read(Engine::lastEventSeq, Duration.ofSeconds(10));
            Files.write(dir.resolve(NodeCommand.STOP_SNAPSHOT_FILE), node.read(NodeCommand::snapshot,
                Duration.ofSeconds(10)));
        }

        final ByteArrayOutputStream followed = new ByteArrayOutputStream();
        final FollowCommand follow = new FollowCommand(new PrintStream(followed, true, StandardCharsets.UTF_8));
        final Thread thread = new Thread(() -> new CommandLine(follow).execute("--dir", dir.toString()));
        thread.start();
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!followed.toString(StandardCharsets.UTF_8).contains("committed seq " + lastSeq + ",")
            && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        follow.stop();
        thread.join(TIMEOUT.toMillis());
        assertThat(followed.toString(StandardCharsets.UTF_8)).contains("following ")
            .contains("stopped at seq " + lastSeq + ", notifications at seq ");
        // The notifications are written beside the tables: the demo's deposits told alice and bob.
        try (ReadModelDatabase db = ReadModelDatabase.embedded(
            EmbeddedPostgresSettings.in(DatabaseOptions.embeddedDir(dir)), ReadModelDatabase.DEFAULT_SCHEMA)) {
            final NotificationStore notices = NotificationStore.open(db.dataSource(), NotificationStore.DEFAULT_SCHEMA);
            assertThat(notices.position().lastSeq()).isPositive().isLessThanOrEqualTo(lastSeq);
            assertThat(notices.after(0, notices.position().lastSeq(), NotificationStore.TAIL_LIMIT_MAX))
                .extracting(n -> n.kind().code()).contains("deposit_credited");
        }

        final ByteArrayOutputStream reconciled = new ByteArrayOutputStream();
        assertThat(new CommandLine(new ReconcileCommand(new PrintStream(reconciled, true, StandardCharsets.UTF_8)))
            .execute("--dir", dir.toString())).isZero();
        assertThat(reconciled.toString(StandardCharsets.UTF_8)).contains("differences=0 projected_seq=" + lastSeq
            + " engine_seq=" + lastSeq + " balanced=true").doesNotContain("difference user=");

        final ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        assertThat(new CommandLine(new RebuildCommand(new PrintStream(rebuilt, true, StandardCharsets.UTF_8)))
            .execute("--dir", dir.toString())).isZero();
        assertThat(rebuilt.toString(StandardCharsets.UTF_8)).contains("  projected ")
            .contains("events=" + lastSeq + " last_seq=" + lastSeq + " ").containsPattern("digest=[0-9a-f]{64}");
    }
}
