package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aeron.security.AuthenticationException;
import java.nio.file.Path;
import java.time.Duration;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions are bound to the client id they prove at connect, and commands under another id are refused. */
class ClientAuthenticationTest {
    static final byte[] SECRET = ClientCredentialsTest.SECRET;
    static final long CLIENT = 7;

    @TempDir
    Path dir;
    private EmbeddedNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aClusterWithASecretAdmitsOnlyClientsWithTheirToken() {
        node = EmbeddedNode.launchMember(dir, new ClusterMembers(1, Nodes.portBase()), 0, EngineCapacity.small(),
            SECRET);
        try (ExchangeClient client = connect(CLIENT, ClientCredentials.token(SECRET, CLIENT))) {
            assertThat(createUser(client, 1).reason()).isEqualTo(RejectReason.NONE);
        }
        assertThatThrownBy(() -> connect(CLIENT, ClientCredentials.token(SECRET, CLIENT + 1)).close())
            .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> connect(CLIENT, null).close()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aCommandUnderAnotherClientIdIsRefusedAndNeverApplied() throws Exception {
        node = EmbeddedNode.launch(dir, Nodes.portBase(), EngineCapacity.small());
        try (ExchangeClient client = connect(CLIENT, null)) {
            client.send((e, b, o, c, id) -> e.createUser(b, o, CLIENT + 1, id, 0, 2));
            assertThat(client.flush()).isTrue();
            Nodes.await("refusal", Duration.ofSeconds(10), () -> node.service().commandsOfAnotherClient() >= 1);
            assertThat(createUser(client, 3).reason()).isEqualTo(RejectReason.NONE);
            final Boolean foreignApplied = Nodes.query(node, e -> e.userExists(2));
            final Boolean ownApplied = Nodes.query(node, e -> e.userExists(3));
            assertThat(foreignApplied).isFalse();
            assertThat(ownApplied).isTrue();
        }
    }

    private ExchangeClient connect(final long clientId, final byte[] token) {
        return ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(),
            clientId, 1, 16, token), null, null);
    }

    private static CommandResult createUser(final ExchangeClient client, final long userId) {
        return client.submit((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId), Duration.ofSeconds(10));
    }
}
