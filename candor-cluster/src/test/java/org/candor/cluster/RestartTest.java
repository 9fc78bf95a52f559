package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.aeron.cluster.service.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.candor.engine.EngineCapacity;
import org.candor.testkit.RecordingEvents;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node stopped and started again on its directory resumes exactly where it was: same engine digest. */
class RestartTest {
    static final long CLIENT = 7;
    static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Room for the burst of users below and a command memory of 4,096 results, so the snapshot outgrows one
     * {@link SnapshotTransfer#CHUNK_BYTES_MAX} chunk and the chunking is exercised.
     */
    static final EngineCapacity CAPACITY = new EngineCapacity(4_096, 16, 8, 16_384, 1_024, 64, 512, 64, 64, 8, 4_096);
    static final int USERS_BURST = 3_000;

    @TempDir
    Path dir;

    @Test
    void restartResumesFromSnapshotAndTheLogAfterIt() throws Exception {
        final int portBase = Nodes.portBase();
        final long digest;
        final long nextCommandId;
        final List<RecordingEvents.Event> journal;
        try (EmbeddedNode node = EmbeddedNode.launch(dir, portBase, CAPACITY);
             ExchangeClient client = connect(node, 1)) {
            final Exchange exchange = new Exchange(client);
            exchange.list();
            exchange.fundedUser(1, 0, 1_000_000);
            exchange.fundedUser(2, 100, 0);
            exchange.trade(1, 2, 5);
            createUsers(client, 10, USERS_BURST);
            node.takeSnapshot(Duration.ofSeconds(10));
            assertThat(node.service().snapshotsTaken()).isEqualTo(1);
            exchange.trade(1, 2, 5);
            digest = Nodes.queryLong(node, e -> e.digest());
            nextCommandId = client.nextCommandId();
            journal = Nodes.journal(node, 0);
        }

        try (EmbeddedNode node = EmbeddedNode.launch(dir, portBase, CAPACITY)) {
            awaitDigest(node, digest);
            assertThat(node.service().snapshotBytesLoaded()).isGreaterThan(SnapshotTransfer.CHUNK_BYTES_MAX);
            assertThat(node.service().commandsApplied()).as("log after the snapshot").isEqualTo(15);
            continuesWithTheSameClient(node, nextCommandId);
            journalContinuesWithoutGapOrRepeat(node, journal);
        }
    }

    @Test
    void restartWithoutSnapshotReplaysTheWholeLog() throws Exception {
        final int portBase = Nodes.portBase();
        final long digest;
        final long nextCommandId;
        final List<RecordingEvents.Event> journal;
        try (EmbeddedNode node = EmbeddedNode.launch(dir, portBase, CAPACITY);
             ExchangeClient client = connect(node, 1)) {
            final Exchange exchange = new Exchange(client);
            exchange.list();
            exchange.fundedUser(1, 0, 1_000_000);
            exchange.fundedUser(2, 100, 0);
            exchange.trade(1, 2, 8);
            digest = Nodes.queryLong(node, e -> e.digest());
            nextCommandId = client.nextCommandId();
            journal = Nodes.journal(node, 0);
        }

        try (EmbeddedNode node = EmbeddedNode.launch(dir, portBase, CAPACITY)) {
            awaitDigest(node, digest);
            assertThat(node.service().snapshotBytesLoaded()).isEqualTo(-1);
            assertThat(node.service().commandsApplied()).isEqualTo(nextCommandId - 1);
            continuesWithTheSameClient(node, nextCommandId);
            journalContinuesWithoutGapOrRepeat(node, journal);
        }
    }

    /**
     * The replay after the restart emitted again the events the journal held (checked, not written twice); the
     * journal then goes on with the commands after the restart.
     */
    private static void journalContinuesWithoutGapOrRepeat(final EmbeddedNode node,
        final List<RecordingEvents.Event> before) throws Exception {
        final List<RecordingEvents.Event> after = Nodes.journal(node, 0);
        assertThat(after).hasSize((int) Nodes.queryLong(node, e -> e.lastEventSeq())).hasSizeGreaterThan(
            before.size());
        assertThat(after.subList(0, before.size())).isEqualTo(before);
    }

    /** Creates users {@code first} onwards, pipelined through the client's window. */
    private static void createUsers(final ExchangeClient client, final long first, final int count)
        throws InterruptedException {
        for (int i = 0; i < count; i++) {
            final long userId = first + i;
            client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId));
        }
        Nodes.await("burst answered", RECOVERY_TIMEOUT, () -> {
            client.poll();
            return client.inFlight() == 0;
        });
    }

    private static ExchangeClient connect(final EmbeddedNode node, final long firstCommandId) {
        return ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(),
            CLIENT, firstCommandId, ExchangeClient.IN_FLIGHT_DEFAULT), null, null);
    }

    /**
     * Waits until the node leads again and its engine has the digest it had before the stop. Intermediate states of
     * the replay have other event sequences, so only the complete replay can match.
     */
    private static void awaitDigest(final EmbeddedNode node, final long digest) throws Exception {
        Nodes.await("leadership", RECOVERY_TIMEOUT, () -> node.service().role() == Cluster.Role.LEADER);
        final long deadlineNs = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        long recovered = Nodes.queryLong(node, e -> e.digest());
        while (recovered != digest && System.nanoTime() - deadlineNs < 0) {
            Thread.sleep(10);
            recovered = Nodes.queryLong(node, e -> e.digest());
        }
        assertThat(recovered).isEqualTo(digest);
        assertThat(Nodes.queryLong(node, e -> e.recomputeDigest())).isEqualTo(digest);
    }

    /** The engine still remembers the client: an old command id is a resend, the next one is new. */
    private static void continuesWithTheSameClient(final EmbeddedNode node, final long nextCommandId) {
        try (ExchangeClient client = connect(node, nextCommandId)) {
            final CommandResult resent = client.resubmit(nextCommandId - 1,
                (e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 999), Exchange.TIMEOUT);
            assertThat(resent.duplicate()).isTrue();
            final CommandResult fresh = client.submit((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 3),
                Exchange.TIMEOUT);
            assertThat(fresh.reason()).isEqualTo(RejectReason.NONE);
            assertThat(fresh.duplicate()).isFalse();
        }
    }
}
