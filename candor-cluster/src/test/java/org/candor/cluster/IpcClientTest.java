package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.cluster.Exchange.BTC_UNIT;
import static org.candor.cluster.Exchange.PRICE_30K;
import static org.candor.cluster.Exchange.TIMEOUT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.protocol.sbe.CommandResultEventDecoder;
import org.candor.protocol.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients on a single node's media driver talk to it over shared memory, each hearing only its own answers. */
class IpcClientTest {
    @TempDir
    Path dir;

    @Test
    void aSingleNodeOffersSharedMemoryToClientsOnItsDriver() {
        assertThat(new ClusterMembers(1, Nodes.portBase()).localClientIngress()).isEqualTo(ExchangeClient.IPC_INGRESS);
        assertThat(new ClusterMembers(3, Nodes.portBase()).localClientIngress())
            .as("several members: a client must be able to follow the leader by endpoint").contains("0=", "1=", "2=");
    }

    @Test
    void twoIpcClientsEachGetTheirOwnResults() throws Exception {
        twoClientsEachHearTheirOwn(7, 8);
    }

    /** Client ids 65,536 apart share an egress stream: the cluster session id still keeps the answers apart. */
    @Test
    void clientsSharingAnEgressStreamStillHearOnlyTheirOwn() throws Exception {
        twoClientsEachHearTheirOwn(7, 7 + ExchangeClient.IPC_EGRESS_STREAMS);
    }

    private void twoClientsEachHearTheirOwn(final long firstId, final long secondId) throws Exception {
        final List<CommandResult> heardByFirst = new ArrayList<>();
        final List<CommandResult> heardBySecond = new ArrayList<>();
        final List<Long> egressOfFirst = new ArrayList<>();
        final List<Long> egressOfSecond = new ArrayList<>();
        try (EmbeddedNode node = EmbeddedNode.launch(dir, Nodes.portBase(), EngineCapacity.small());
             ExchangeClient first = ipcClient(node, firstId, heardByFirst, egressOfFirst);
             ExchangeClient second = ipcClient(node, secondId, heardBySecond, egressOfSecond)) {
            final Exchange exchange = new Exchange(first);
            exchange.list();
            exchange.fundedUser(1, 0, 100_000);
            exchange.fundedUser(2, 2, 0);
            final int firstHeardBefore = heardByFirst.size();

            final CommandResult sell = second.submit(Exchange.limitWriter(2, Side.SELL, PRICE_30K, BTC_UNIT), TIMEOUT);
            final CommandResult buy = first.submit(Exchange.limitWriter(1, Side.BUY, PRICE_30K, BTC_UNIT), TIMEOUT);

            assertThat(sell.reason()).isEqualTo(RejectReason.NONE);
            assertThat(buy.reason()).isEqualTo(RejectReason.NONE);
            assertThat(buy.reference()).isGreaterThan(sell.reference());
            assertThat(heardBySecond).extracting(CommandResult::commandId).containsExactly(sell.commandId());
            assertThat(heardByFirst.subList(firstHeardBefore, heardByFirst.size()))
                .extracting(CommandResult::commandId).containsExactly(buy.commandId());
            // What reached each client's egress at all (before the client's own filter by client id).
            assertThat(egressOfFirst).isNotEmpty().containsOnly(firstId);
            assertThat(egressOfSecond).containsExactly(secondId);
            assertThat(Nodes.queryLong(node, e -> e.openOrderCount(1) + e.openOrderCount(2)))
                .as("the two orders crossed").isZero();
        }
    }

    /** A client on the node's driver; {@code egress} gets the client id of every result its egress carried. */
    private static ExchangeClient ipcClient(final EmbeddedNode node, final long clientId,
        final List<CommandResult> heard, final List<Long> egress) {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final CommandResultEventDecoder result = new CommandResultEventDecoder();
        return ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(), node.localClientIngress(),
            clientId, 1, ExchangeClient.IN_FLIGHT_DEFAULT), heard::add, (buffer, offset, length) -> {
                if (header.wrap(buffer, offset).templateId() == CommandResultEventDecoder.TEMPLATE_ID) {
                    egress.add(result.wrapAndApplyHeader(buffer, offset, header).clientId());
                }
            });
    }
}
