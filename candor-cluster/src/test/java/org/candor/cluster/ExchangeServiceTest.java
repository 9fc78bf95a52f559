package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.cluster.Exchange.BTC;
import static org.candor.cluster.Exchange.BTC_UNIT;
import static org.candor.cluster.Exchange.PRICE_30K;
import static org.candor.cluster.Exchange.TIMEOUT;
import static org.candor.cluster.Exchange.USDT;
import static org.candor.cluster.Exchange.USDT_UNIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.protocol.sbe.MessageHeaderDecoder;
import org.candor.protocol.sbe.TradeEventDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands through one embedded node: results, events, balances, bad input and resends. */
class ExchangeServiceTest {
    static final long CLIENT = 42;
    static final long BUYER = 1;
    static final long SELLER = 2;

    @TempDir
    Path dir;
    private EmbeddedNode node;
    private ExchangeClient client;
    private final List<Integer> eventTemplates = new ArrayList<>();

    @BeforeEach
    void start() {
        node = EmbeddedNode.launch(dir, Nodes.portBase(), EngineCapacity.small());
        client = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(), node.ingressEndpoints(),
            CLIENT, 1, ExchangeClient.IN_FLIGHT_DEFAULT), null, this::recordTemplate);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private void recordTemplate(final DirectBuffer buffer, final int offset, final int length) {
        eventTemplates.add(new MessageHeaderDecoder().wrap(buffer, offset).templateId());
    }

    @Test
    void crossingOrdersTradeAndSettleThroughTheCluster() throws Exception {
        final Exchange exchange = new Exchange(client);
        final long before = System.currentTimeMillis();
        exchange.list();
        exchange.fundedUser(BUYER, 0, 100_000);
        exchange.fundedUser(SELLER, 2, 0);

        final CommandResult sell = exchange.limit(SELLER, Side.SELL, PRICE_30K, BTC_UNIT);
        eventTemplates.clear();
        final CommandResult buy = exchange.limit(BUYER, Side.BUY, PRICE_30K, BTC_UNIT);
        final long after = System.currentTimeMillis();

        assertThat(sell.reference()).isPositive();
        assertThat(buy.reference()).isGreaterThan(sell.reference());
        assertThat(buy.duplicate()).isFalse();
        assertThat(buy.timestampMs()).as("cluster time, not the client's 0").isBetween(before - 1_000, after + 1_000);
        assertThat(eventTemplates).contains(TradeEventDecoder.TEMPLATE_ID);
        // The taker pays 20 bps on the BTC it receives; the maker 10 bps on the USDT.
        assertThat(Nodes.queryLong(node, e -> e.balance(BUYER, BTC, Bucket.AVAILABLE)))
            .isEqualTo(BTC_UNIT - BTC_UNIT * 20 / 10_000);
        assertThat(Nodes.queryLong(node, e -> e.balance(BUYER, USDT, Bucket.AVAILABLE)))
            .isEqualTo(70_000 * USDT_UNIT);
        assertThat(Nodes.queryLong(node, e -> e.balance(SELLER, USDT, Bucket.AVAILABLE)))
            .isEqualTo(30_000 * USDT_UNIT - 30_000 * USDT_UNIT * 10 / 10_000);
        final boolean digestAgrees = Nodes.query(node, e -> {
            e.checkInvariants();
            return e.digest() == e.recomputeDigest();
        });
        assertThat(digestAgrees).isTrue();
        assertThat(node.service().commandsApplied()).isEqualTo(9);
        assertThat(node.firstError()).isNull();
    }

    @Test
    void unreadableMessageIsRefusedWithoutReachingTheEngineAndTheNodeCarriesOn() throws Exception {
        final Exchange exchange = new Exchange(client);
        exchange.list();
        final long digest = Nodes.queryLong(node, e -> e.digest());

        client.send((e, b, o, c, id) -> {
            b.putLong(o, 0xDEAD_BEEF_CAFEL);
            return Long.BYTES;
        });
        assertThat(client.flush()).isTrue();
        Nodes.await("refusal", Duration.ofSeconds(10), () -> node.service().messagesRefused() >= 1);

        assertThat(Nodes.queryLong(node, e -> e.digest())).isEqualTo(digest);
        exchange.fundedUser(BUYER, 1, 1);
        assertThat(node.service().failure()).isNull();
    }

    /**
     * Commands sent together share one ingress message. An unreadable one ends the message (what follows it cannot
     * be found reliably): the commands before it are applied, the ones after it are not, and they still reach the
     * engine because the client resends what is unanswered.
     */
    @Test
    void anUnreadableCommandInABatchDropsTheRestWhichTheClientResends() throws Exception {
        client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 501));
        client.send((e, b, o, c, id) -> {
            b.putLong(o, 0xDEAD_BEEF_CAFEL);
            return Long.BYTES;
        });
        client.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, 502));
        assertThat(client.flush()).isTrue();
        Nodes.await("refusal", Duration.ofSeconds(10), () -> node.service().messagesRefused() >= 1);
        assertThat(userExists(501)).as("applied before the unreadable command").isTrue();
        assertThat(userExists(502)).as("dropped after it").isFalse();
        Nodes.await("resend of the dropped command", Duration.ofSeconds(10), () -> {
            client.poll();
            return userExists(502);
        });
        assertThat(node.service().failure()).isNull();
    }

    private boolean userExists(final long userId) {
        try {
            return Nodes.query(node, e -> e.userExists(userId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void resendOfAnAcknowledgedCommandReturnsTheOriginalResultAndChangesNothing() throws Exception {
        final Exchange exchange = new Exchange(client);
        exchange.list();
        exchange.fundedUser(BUYER, 0, 100_000);
        final CommandWriter order = Exchange.limitWriter(BUYER, Side.BUY, PRICE_30K, BTC_UNIT);
        final CommandResult original = client.submit(order, TIMEOUT);
        final long available = Nodes.queryLong(node, e -> e.balance(BUYER, USDT, Bucket.AVAILABLE));
        final long inOrders = Nodes.queryLong(node, e -> e.balance(BUYER, USDT, Bucket.IN_ORDERS));

        final CommandResult resent = client.resubmit(original.commandId(), order, TIMEOUT);

        assertThat(resent.duplicate()).isTrue();
        assertThat(resent.reason()).isEqualTo(RejectReason.NONE);
        assertThat(resent.reference()).isEqualTo(original.reference());
        assertThat(resent.firstSeq()).isEqualTo(original.firstSeq());
        assertThat(Nodes.queryLong(node, e -> e.openOrderCount(BUYER))).isEqualTo(1L);
        assertThat(Nodes.queryLong(node, e -> e.balance(BUYER, USDT, Bucket.AVAILABLE))).isEqualTo(available);
        assertThat(Nodes.queryLong(node, e -> e.balance(BUYER, USDT, Bucket.IN_ORDERS))).isEqualTo(inOrders);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void pipelinedCommandsAreAllAnsweredInOrder() throws Exception {
        final Exchange exchange = new Exchange(client);
        exchange.list();
        final List<Long> answered = new ArrayList<>();
        try (ExchangeClient pipelined = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
            node.ingressEndpoints(), CLIENT + 1, 1, 64), r -> answered.add(r.commandId()), null)) {
            final int users = 60;
            for (int i = 0; i < users; i++) {
                final long userId = 100 + i;
                pipelined.send((e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId));
            }
            Nodes.await("all answers", Duration.ofSeconds(10), () -> {
                pipelined.poll();
                return answered.size() == users;
            });
        }
        assertThat(answered).isSorted().doesNotHaveDuplicates();
        final boolean lastUserExists = Nodes.query(node, e -> e.userExists(159));
        assertThat(lastUserExists).isTrue();
    }
}
