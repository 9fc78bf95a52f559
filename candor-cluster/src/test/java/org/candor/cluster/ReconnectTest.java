package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client with its own media driver, as a gateway process would have, keeps its unacknowledged commands across a
 * lost session and a node restart, sends them again after it reconnects, and each is applied exactly once.
 */
class ReconnectTest {
    static final long CLIENT = 9;

    @TempDir
    Path dir;

    @Test
    void commandsInFlightAcrossANewSessionAreAppliedOnce() throws Exception {
        final List<CommandResult> results = new ArrayList<>();
        try (MediaDriver clientDriver = MediaDriver.launch(clientDriverContext());
             EmbeddedNode node = EmbeddedNode.launch(dir.resolve("node"), Nodes.portBase(), EngineCapacity.small());
             ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(
                 clientDriver.aeronDirectoryName(), node.ingressEndpoints(), CLIENT, 1, 64), results::add, null)) {
            final int users = 40;
            for (int i = 0; i < users; i++) {
                final long userId = 1 + i;
                client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId));
            }
            client.reconnect();
            Nodes.await("all results", Duration.ofSeconds(10), () -> {
                client.poll();
                return client.inFlight() == 0;
            });

            assertThat(client.resends()).isEqualTo(users);
            assertThat(results).hasSize(users).allSatisfy(r -> assertThat(r.reason()).isEqualTo(RejectReason.NONE));
            assertThat(node.service().commandsApplied()).as("applied or answered from memory")
                .isGreaterThanOrEqualTo(users);
            assertThat(Nodes.queryLong(node, e -> e.userExists(users) ? 1 : 0)).isEqualTo(1L);
        }
    }

    @Test
    void commandsSentWhileTheNodeIsDownAreAppliedAfterItRestarts() throws Exception {
        final int portBase = Nodes.portBase();
        final Path nodeDir = dir.resolve("node");
        final List<CommandResult> results = new ArrayList<>();
        try (MediaDriver clientDriver = MediaDriver.launch(clientDriverContext())) {
            final EmbeddedNode first = EmbeddedNode.launch(nodeDir, portBase, EngineCapacity.small());
            final ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(
                clientDriver.aeronDirectoryName(), first.ingressEndpoints(), CLIENT, 1, 64), results::add, null);
            try (client) {
                final CommandResult before = client.submit((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 1),
                    Exchange.TIMEOUT);
                assertThat(before.reason()).isEqualTo(RejectReason.NONE);
                first.close();

                client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 2));
                client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 3));
                assertThat(client.inFlight()).isEqualTo(2);

                try (EmbeddedNode second = EmbeddedNode.launch(nodeDir, portBase, EngineCapacity.small())) {
                    client.reconnect();
                    Nodes.await("results after restart", Duration.ofSeconds(10), () -> {
                        client.poll();
                        return client.inFlight() == 0;
                    });
                    assertThat(client.resends()).isEqualTo(2);
                    assertThat(results).extracting(CommandResult::commandId).containsExactly(1L, 2L, 3L);
                    assertThat(results).allSatisfy(r -> assertThat(r.reason()).isEqualTo(RejectReason.NONE));
                    assertThat(Nodes.queryLong(second, e -> e.userExists(3) ? 1 : 0)).isEqualTo(1L);
                }
            }
        }
    }

    private MediaDriver.Context clientDriverContext() {
        return new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("client-driver").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(EmbeddedNode.PUBLICATION_TERM_LENGTH)
            .ipcTermBufferLength(EmbeddedNode.IPC_TERM_LENGTH)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
    }
}
