package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Deadlines fire from the cluster's own timer, with no command to carry them: an operational hold placed with a
 * short review deadline is released automatically, as a system batch in the journal, while nobody sends anything.
 */
class DeadlineTimerTest {
    static final long CLIENT = 31;
    static final long PLACER = 901;
    static final long APPROVER = 902;
    static final long USER = 5;

    @TempDir
    Path dir;

    @Test
    void anExpiredOperationalHoldIsReleasedByTheClusterTimer() throws Exception {
        try (EmbeddedNode node = EmbeddedNode.launch(dir, Nodes.portBase(), EngineCapacity.small());
             ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
                 node.ingressEndpoints(), CLIENT, 1, 64), null, null)) {
            final Exchange exchange = new Exchange(client);
            exchange.list();
            exchange.fundedUser(USER, 2, 0);
            final long deadlineMs = System.currentTimeMillis() + 1_500;
            final CommandResult placed = client.submit((e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, USER,
                Exchange.BTC, Exchange.BTC_UNIT, HoldKind.AMOUNT, HoldReason.OPERATIONAL_INCIDENT,
                "Deposits of BTC are being re-checked after a node incident", PLACER, deadlineMs,
                ReleaseCondition.AUTO_RELEASE_AT_DEADLINE, 0, 0), Exchange.TIMEOUT);
            assertThat(placed.reason()).isEqualTo(RejectReason.NONE);
            final long holdId = placed.reference();
            assertThat(client.submit((e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, holdId, APPROVER),
                Exchange.TIMEOUT).reason()).isEqualTo(RejectReason.NONE);
            final long held = Nodes.queryLong(node, e -> e.balance(USER, Exchange.BTC, Bucket.HELD));
            assertThat(held).isEqualTo(Exchange.BTC_UNIT);

            Nodes.await("the deadline timer", Duration.ofSeconds(15), () -> node.service().timersFired() >= 1);
            final List<RecordingEvents.Event> journal = Nodes.journal(node, 0);
            final RecordingEvents.Event last = journal.get(journal.size() - 1);
            assertThat(last).isInstanceOfSatisfying(RecordingEvents.CommandResult.class, result -> {
                assertThat(result.clientId()).as("a system batch").isZero();
                assertThat(result.timestampMs()).isGreaterThanOrEqualTo(deadlineMs);
            });
            assertThat(journal).contains(new RecordingEvents.HoldReleased(last.seq() - 2, holdId, 0, true))
                .as("released automatically, in the timer's batch");
            assertThat(Nodes.queryLong(node, e -> e.balance(USER, Exchange.BTC, Bucket.HELD)))
                .isZero();
        }
    }
}
