package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.aeron.cluster.service.Cluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.CloseHelper;
import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.testkit.RecordingEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review deadline fires exactly once across a failover: an operational hold is placed and approved on a
 * three-member cluster, its leader is killed before the deadline, and the new leader's timer releases the hold.
 * Every surviving member's journal holds the one automatic release, and their engines agree.
 */
class DeadlineFailoverTest {
    static final long CLIENT = 41;
    static final long PLACER = 901;
    static final long APPROVER = 902;
    static final long USER = 5;
    /** Ahead of the placement by more than the commands take, and less than an election plus a margin. */
    static final long DEADLINE_AHEAD_MS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aDeadlineDueDuringAFailoverFiresOnceOnTheNewLeader() throws Exception {
        final ClusterMembers members = new ClusterMembers(3, Nodes.portBase(3));
        final List<EmbeddedNode> nodes = new ArrayList<>();
        try {
            for (int id = 0; id < members.count(); id++) {
                nodes.add(EmbeddedNode.launchMember(dir.resolve("node-" + id), members, id, EngineCapacity.small()));
            }
            Nodes.await("a leader", ThreeNodeTest.ELECTION_TIMEOUT, () -> leaderOf(nodes) != null);
            final long holdId;
            final long deadlineMs;
            // The client shares member 0's media driver, so it is closed before any member is killed.
            try (ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(
                nodes.get(0).aeronDirectoryName(), members.ingressEndpoints(), CLIENT, 1, 64), null, null)) {
                final Exchange exchange = new Exchange(client);
                exchange.list();
                exchange.fundedUser(USER, 2, 0);
                deadlineMs = System.currentTimeMillis() + DEADLINE_AHEAD_MS;
                final CommandResult placed = client.submit((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, USER,
                    Exchange.BTC, Exchange.BTC_UNIT, HoldKind.AMOUNT, HoldReason.OPERATIONAL_INCIDENT,
                    "Deposits of BTC are being re-checked after a node incident", PLACER, deadlineMs,
                    ReleaseCondition.AUTO_RELEASE_AT_DEADLINE, 0, 0), Exchange.TIMEOUT);
                assertThat(placed.reason()).isEqualTo(RejectReason.NONE);
                holdId = placed.reference();
                assertThat(client.submit((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, holdId, APPROVER),
                    Exchange.TIMEOUT).reason()).isEqualTo(RejectReason.NONE);
            }
            final EmbeddedNode oldLeader = leaderOf(nodes);
            assertThat(System.currentTimeMillis()).as("the leader dies before the deadline").isLessThan(deadlineMs);
            oldLeader.close();
            nodes.remove(oldLeader);

            Nodes.await("a new leader", ThreeNodeTest.ELECTION_TIMEOUT, () -> leaderOf(nodes) != null);
            for (final EmbeddedNode node : nodes) {
                Nodes.await("the release on member " + node.memberId(), ThreeNodeTest.REPLICATION_TIMEOUT,
                    () -> held(node) == 0);
            }
            final long digest = Nodes.queryLong(nodes.get(0), e -> e.digest());
            for (final EmbeddedNode node : nodes) {
                assertThat(Nodes.queryLong(node, e -> e.digest())).isEqualTo(digest);
                final List<RecordingEvents.Event> journal = Nodes.journal(node, 0);
                assertThat(journal.stream().filter(RecordingEvents.HoldReleased.class::isInstance)
                    .map(RecordingEvents.HoldReleased.class::cast).filter(r -> r.holdId() == holdId))
                    .as("member %d releases the hold once, automatically", node.memberId())
                    .singleElement().satisfies(release -> assertThat(release.automatic()).isTrue());
                assertThat(node.firstError()).as("warnings of the failover aside").isNull();
            }
        } finally {
            CloseHelper.closeAll(nodes);
        }
    }

    private static long held(final EmbeddedNode node) {
        try {
            return Nodes.queryLong(node, e -> e.balance(USER, Exchange.BTC, Bucket.HELD));
        } catch (Exception e) {
            return -1;
        }
    }

    private static EmbeddedNode leaderOf(final List<EmbeddedNode> nodes) {
        EmbeddedNode leader = null;
        for (final EmbeddedNode node : nodes) {
            if (node.service().role() == Cluster.Role.LEADER) {
                if (leader != null) {
                    return null;
                }
                leader = node;
            }
        }
        return leader;
    }
}
