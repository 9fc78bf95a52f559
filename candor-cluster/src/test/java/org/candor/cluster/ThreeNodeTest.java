package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aeron.cluster.service.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agrona.CloseHelper;
import org.candor.engine.EngineCapacity;
import org.candor.journal.JournalFormat;
import org.candor.journal.JournalGapException;
import org.candor.testkit.RecordingEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in this JVM, each with its own directory and ports: after a workload through one client that
 * knows all three ingress endpoints, every member's engine has the same digest, and exactly one leads.
 */
class ThreeNodeTest {
    static final long CLIENT = 11;
    static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(20);
    static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void everyMemberAppliesTheSameCommands() throws Exception {
        final ClusterMembers members = new ClusterMembers(3, Nodes.portBase(3));
        final List<EmbeddedNode> nodes = new ArrayList<>();
        try {
            for (int id = 0; id < members.count(); id++) {
                nodes.add(EmbeddedNode.launchMember(dir.resolve("node-" + id), members, id, EngineCapacity.small()));
            }
            Nodes.await("a leader", ELECTION_TIMEOUT, () -> leaders(nodes) == 1);
            final long digest;
            try (ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(
                nodes.get(0).aeronDirectoryName(), members.ingressEndpoints(), CLIENT, 1, 64), null, null)) {
                assertThat(nodes.get(client.leaderMemberId()).service().role()).isEqualTo(Cluster.Role.LEADER);
                final Exchange exchange = new Exchange(client);
                exchange.list();
                exchange.fundedUser(1, 0, 1_000_000);
                exchange.fundedUser(2, 100, 0);
                exchange.trade(1, 2, 10);
                digest = Nodes.queryLong(nodes.get(client.leaderMemberId()), e -> e.digest());
            }
            for (final EmbeddedNode node : nodes) {
                awaitDigest(node, digest);
                assertThat(Nodes.queryLong(node, e -> e.recomputeDigest())).isEqualTo(digest);
                assertThat(node.firstError()).isNull();
            }
            assertThat(leaders(nodes)).isEqualTo(1);
            everyJournalHoldsTheSameEvents(nodes);
        } finally {
            CloseHelper.closeAll(nodes);
        }
    }

    /**
     * A snapshot taken through the leader is taken by every member; a member whose disk is lost, started again on an
     * empty directory, copies the state from the others and applies new commands like them.
     */
    @Test
    void aMemberReplacedOnAnEmptyDirectoryCatchesUp() throws Exception {
        final ClusterMembers members = new ClusterMembers(3, Nodes.portBase(3));
        final List<EmbeddedNode> nodes = new ArrayList<>();
        try {
            for (int id = 0; id < members.count(); id++) {
                nodes.add(EmbeddedNode.launchMember(dir.resolve("node-" + id), members, id, EngineCapacity.small()));
            }
            Nodes.await("a leader", ELECTION_TIMEOUT, () -> leaders(nodes) == 1);
            try (ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(
                nodes.get(0).aeronDirectoryName(), members.ingressEndpoints(), CLIENT, 1, 64), null, null)) {
                final Exchange exchange = new Exchange(client);
                exchange.list();
                exchange.fundedUser(1, 0, 1_000_000);
                exchange.fundedUser(2, 100, 0);
                exchange.trade(1, 2, 3);
                final EmbeddedNode leader = nodes.get(client.leaderMemberId());
                leader.takeSnapshot(REPLICATION_TIMEOUT);
                for (final EmbeddedNode node : nodes) {
                    Nodes.await("snapshot on member " + node.memberId(), REPLICATION_TIMEOUT,
                        () -> node.service().snapshotsTaken() == 1);
                }
                // A follower other than member 0, whose media driver the client shares.
                final int replaced = client.leaderMemberId() == 0 ? 1 : 3 - client.leaderMemberId();
                nodes.get(replaced).close();
                Nodes.deleteRecursively(dir.resolve("node-" + replaced));
                exchange.trade(1, 2, 3);
                nodes.set(replaced, EmbeddedNode.launchMember(dir.resolve("node-" + replaced), members, replaced,
                    EngineCapacity.small()));
                exchange.trade(1, 2, 3);
                final long digest = Nodes.queryLong(nodes.get(client.leaderMemberId()), e -> e.digest());
                awaitDigest(nodes.get(replaced), digest);
                aRebuiltMembersJournalMatchesTheOthers(nodes, replaced);
            }
        } finally {
            CloseHelper.closeAll(nodes);
        }
    }

    /**
     * The committed-event stream is the same on every member, so a consumer can switch members at any sequence:
     * half read from one member and the rest from another is the whole stream, once.
     */
    private static void everyJournalHoldsTheSameEvents(final List<EmbeddedNode> nodes) throws Exception {
        final List<RecordingEvents.Event> stream = Nodes.journal(nodes.get(0), 0);
        assertThat(stream).hasSize((int) Nodes.queryLong(nodes.get(0), e -> e.lastEventSeq()));
        for (final EmbeddedNode node : nodes) {
            assertThat(Nodes.journal(node, 0)).as("journal of member %d", node.memberId()).isEqualTo(stream);
        }
        final int half = stream.size() / 2;
        final List<RecordingEvents.Event> switched = new ArrayList<>(Nodes.journal(nodes.get(1), 0).subList(0, half));
        switched.addAll(Nodes.journal(nodes.get(2), half));
        assertThat(switched).isEqualTo(stream);
    }

    /**
     * A member rebuilt on an empty directory writes its journal again as it catches up: from the start when the
     * cluster replicates the whole log to it (what Aeron does while the log is short), or from the snapshot it was
     * given, in which case a reader asking for older events is told to look elsewhere. Either way it holds, from
     * its first event on, exactly what the others hold.
     */
    private static void aRebuiltMembersJournalMatchesTheOthers(final List<EmbeddedNode> nodes,
        final int replaced) throws Exception {
        final int other = replaced == 0 ? 1 : 0;
        final List<RecordingEvents.Event> whole = Nodes.journal(nodes.get(other), 0);
        final long firstHeld = firstHeld(nodes, replaced);
        if (firstHeld > 0) {
            assertThatThrownBy(() -> Nodes.journal(nodes.get(replaced), 0)).isInstanceOf(JournalGapException.class);
        }
        assertThat(Nodes.journal(nodes.get(replaced), firstHeld)).isNotEmpty()
            .isEqualTo(whole.subList((int) firstHeld, whole.size()));
    }

    private static long firstHeld(final List<EmbeddedNode> nodes, final int member) {
        return JournalFormat.segmentFirstSeqs(nodes.get(member).eventJournalDir())[0] - 1;
    }

    private static int leaders(final List<EmbeddedNode> nodes) {
        int leaders = 0;
        for (final EmbeddedNode node : nodes) {
            if (node.service().role() == Cluster.Role.LEADER) {
                leaders++;
            }
        }
        return leaders;
    }

    /** Followers apply a command once the leader's commit position reaches them; wait for the last one. */
    private static void awaitDigest(final EmbeddedNode node, final long digest) throws Exception {
        final long deadlineNs = System.nanoTime() + REPLICATION_TIMEOUT.toNanos();
        long applied = Nodes.queryLong(node, e -> e.digest());
        while (applied != digest && System.nanoTime() - deadlineNs < 0) {
            Thread.sleep(10);
            applied = Nodes.queryLong(node, e -> e.digest());
        }
        assertThat(applied).as("digest of member %d", node.memberId()).isEqualTo(digest);
    }
}
