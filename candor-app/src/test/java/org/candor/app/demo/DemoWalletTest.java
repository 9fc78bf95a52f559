package org.candor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.candor.chain.DemoChains;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.candor.engine.MarketStatus;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet service end to end on a real node: a deposit on a simulated chain is credited only after its
 * confirmations; a withdrawal is broadcast and confirmed by the chain edge while every market is halted and while
 * another asset's chain is down; a withdrawal to an address the chain refuses comes back to the user; a wallet
 * started again with nothing kept sends the deposit again and the engine refuses it as already credited.
 */
class DemoWalletTest {
    /** Apart from the demo and admin tests' node ports. */
    private static final int PORT_BASE = 24_030;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long USER = 7;
    private static final long ETH_UNIT = 100_000_000L;

    @Test
    void depositsAreCreditedAfterTheirConfirmationsAndWithdrawalsLeaveWhileTradingIsHalted(@TempDir final Path dir)
        throws Exception {
        final DemoChains chains = new DemoChains(42);
        final AtomicLong clock = new AtomicLong(1_000_000);
        try (EmbeddedNode node = EmbeddedNode.launch(dir, PORT_BASE, EngineCapacity.small());
             ExchangeClient operator = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
                 node.ingressEndpoints(), 1, 1, ExchangeClient.IN_FLIGHT_DEFAULT), null, null);
             DemoWallet wallet = new DemoWallet(node, chains, 4, clock::get, false)) {
            ok(operator, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, DemoChains.BTC_ID, "BTC", 8));
            ok(operator, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, DemoChains.ETH_ID, "ETH", 8));
            ok(operator, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, DemoChains.USDT_ID, "USDT", 6));
            ok(operator, (e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, 1, "ETHUSDT", DemoChains.ETH_ID,
                DemoChains.USDT_ID, 10_000, 100_000, 100_000, 100_000_000_000L, 5_000_000, 10, 20));
            ok(operator, (e, b, o, c, id) -> e.createUser(b, o, c, id, 0, USER));

            // A deposit of 2 ETH: seen on chain at once, credited only at 12 confirmations (12 s blocks).
            final String depositAddress = wallet.depositAddress(DemoChains.ETH_ID, USER);
            chains.chain(DemoChains.ETH_ID).receive(depositAddress, 2 * ETH_UNIT);
            advance(wallet, clock, 5 * 12_000);
            assertThat(balance(node, Bucket.AVAILABLE)).as("5 confirmations").isZero();
            advance(wallet, clock, 10 * 12_000);
            awaitBalance(node, wallet, clock, Bucket.AVAILABLE, 2 * ETH_UNIT);

            // Withdraw 0.5 ETH to an allow-listed address, with every market halted and Bitcoin's chain down.
            final long proposal = ok(operator, (e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0,
                DemoChains.ETH_ID, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, 900));
            ok(operator, (e, b, o, c, id) -> e.approvePolicyChange(b, o, c, id, 0, proposal, 901));
            final String external = chains.chain(DemoChains.ETH_ID).externalAddress();
            final long addressId = ok(operator, (e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c, id, 0, USER,
                DemoChains.ETH_ID, external));
            ok(operator, (e, b, o, c, id) -> e.setMarketStatus(b, o, c, id, 0, 1, MarketStatus.HALTED));
            chains.chain(DemoChains.BTC_ID).goDown("node upgrade");
            ok(operator, (e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0, USER, DemoChains.ETH_ID,
                ETH_UNIT / 2, addressId));
            assertThat(balance(node, Bucket.WITHDRAWING)).isEqualTo(ETH_UNIT / 2);
            advance(wallet, clock, 20 * 12_000);
            awaitBalance(node, wallet, clock, Bucket.WITHDRAWING, 0);
            assertThat(balance(node, Bucket.AVAILABLE)).as("it left for good").isEqualTo(2 * ETH_UNIT - ETH_UNIT / 2);
            assertThat(chains.chain(DemoChains.ETH_ID).broadcastCalls()).isEqualTo(1);

            // An address the chain refuses: the withdrawal fails and its funds come back.
            final long badAddress = ok(operator, (e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c, id, 0, USER,
                DemoChains.ETH_ID, "not-an-eth-address"));
            ok(operator, (e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0, USER, DemoChains.ETH_ID,
                ETH_UNIT / 4, badAddress));
            advance(wallet, clock, 12_000);
            awaitBalance(node, wallet, clock, Bucket.WITHDRAWING, 0);
            assertThat(balance(node, Bucket.AVAILABLE)).isEqualTo(2 * ETH_UNIT - ETH_UNIT / 2);
            assertThat(wallet.refused()).isZero();

            // A wallet started again over the same chains with nothing kept (as client 5, a new client): it rescans
            // from height 0 and sends the deposit again, the engine refuses it as already credited, and the wallet
            // counts it as credited, not as a refusal. Nothing is paid twice, nothing is sent again.
            final long broadcasts = chains.chain(DemoChains.ETH_ID).broadcastCalls();
            try (DemoWallet again = new DemoWallet(node, chains, 5, clock::get, false)) {
                final long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (again.alreadyCredited() == 0 && System.nanoTime() < deadline) {
                    clock.addAndGet(1_000);
                    again.tick();
                    Thread.sleep(5);
                }
                advance(again, clock, 5_000);
                assertThat(again.alreadyCredited()).as("the deposit, sent again").isOne();
                assertThat(again.refused()).isZero();
                assertThat(balance(node, Bucket.AVAILABLE)).isEqualTo(2 * ETH_UNIT - ETH_UNIT / 2);
                assertThat(chains.chain(DemoChains.ETH_ID).broadcastCalls()).isEqualTo(broadcasts);
            }
        }
    }

    private static void advance(final DemoWallet wallet, final AtomicLong clock, final long ms) {
        for (long step = 0; step < ms; step += 1_000) {
            clock.addAndGet(1_000);
            wallet.tick();
        }
    }

    /** Ticks (one simulated second each) until the balance is reached: commands take a moment to apply. */
    private static void awaitBalance(final EmbeddedNode node, final DemoWallet wallet, final AtomicLong clock,
        final Bucket bucket, final long expected) throws InterruptedException {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (balance(node, bucket) != expected && System.nanoTime() < deadline) {
            clock.addAndGet(1_000);
            wallet.tick();
            Thread.sleep(5);
        }
        assertThat(balance(node, bucket)).as(bucket.name()).isEqualTo(expected);
    }

    private static long balance(final EmbeddedNode node, final Bucket bucket) {
        return node.read(e -> e.balance(USER, DemoChains.ETH_ID, bucket), TIMEOUT);
    }

    private static long ok(final ExchangeClient client, final CommandWriter writer) {
        final CommandResult result = client.submit(writer, TIMEOUT);
        assertThat(result.reason()).isEqualTo(RejectReason.NONE);
        return result.reference();
    }
}
