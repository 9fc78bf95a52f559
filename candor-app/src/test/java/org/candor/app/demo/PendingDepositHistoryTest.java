package org.candor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.candor.chain.DemoChains;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.FileTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binance's deposit history over the whole path: a real node, the gateway with its PostgreSQL and read model
 * ({@link DemoServices}), and the demo's wallet service over simulated chains with a clock the test moves. A deposit
 * the chain edge has seen is listed with status 0 and its confirmations while it waits, among the credited deposits
 * by time, filtered and paged with them; once credited it is listed once, with status 1, never as both.
 */
class PendingDepositHistoryTest {
    /** Apart from the other candor-app tests' node ports (24000 to 24100). */
    private static final int PORT_BASE = 24_200;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long USER = 7;
    private static final long ETH_UNIT = 100_000_000L;
    private static final long ETH_BLOCK_MS = DemoChains.ETH.blockTimeMs();

    @Test
    void aDepositIsPendingWithItsConfirmationsThenCreditedOnce(@TempDir final Path dir) throws Exception {
        final DemoChains chains = new DemoChains(11);
        // The wallet's clock starts an hour back, so what it sees is in the history's default range (the last 90
        // days up to the gateway's now).
        final long walletStartMs = System.currentTimeMillis() - 3_600_000;
        final AtomicLong clock = new AtomicLong(walletStartMs);
        // PostgreSQL runs as an unprivileged user when the tests run as root: its directory must be reachable.
        final Path databaseDir = EmbeddedPostgresSettings.newReachableDirectory("candor-pending-deposits-db-");
        try (EmbeddedNode node = EmbeddedNode.launch(dir.resolve("node"), PORT_BASE, EngineCapacity.small());
             ExchangeClient operator = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
                 node.ingressEndpoints(), 1, 1, ExchangeClient.IN_FLIGHT_DEFAULT), null, null);
             DemoServices services = DemoServices.start(node, databaseDir, "127.0.0.1", 0, 0, 3);
             DemoWallet wallet = new DemoWallet(node, chains, 4, clock::get, false)) {
            ok(operator, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, DemoChains.BTC_ID, "BTC", 8));
            ok(operator, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, DemoChains.ETH_ID, "ETH", 8));
            ok(operator, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, DemoChains.USDT_ID, "USDT", 6));
            ok(operator, (e, b, o, c, id) -> e.createUser(b, o, c, id, 0, USER));
            ok(operator, (e, b, o, c, id) -> e.deposit(b, o, c, id, 0, USER, DemoChains.USDT_ID, 100_000_000, 1));
            services.useDepositAddresses(wallet);
            services.usePendingDeposits(wallet);
            final DemoCredentials.User alice = services.newKey("alice", USER);
            final SignedHttpClient http = new SignedHttpClient("http://127.0.0.1:" + services.httpPort(),
                alice.apiKey(), alice.secretKey());

            awaitRows(http, "status=1", 1);
            final String address = ok(http.signed("GET", "/sapi/v1/capital/deposit/address", "coin=ETH"))
                .path("address").asText();
            final String txId = chains.chain(DemoChains.ETH_ID).receive(address, 2 * ETH_UNIT);
            advance(wallet, clock, ETH_BLOCK_MS);

            // Seen at the wallet's first poll, mined in the first block: 1 of 12 confirmations.
            final JsonNode pending = single(history(http, "coin=ETH"));
            assertThat(pending.path("status").asInt()).isZero();
            assertThat(pending.path("confirmTimes").asText()).isEqualTo("1/12");
            assertThat(pending.path("amount").asText()).isEqualTo("2.00000000");
            assertThat(pending.path("txId").asText()).isEqualTo(txId);
            assertThat(pending.path("address").asText()).isEqualTo(address);
            assertThat(pending.path("insertTime").asLong()).isEqualTo(walletStartMs + 1_000);
            assertThat(pending.has("completeTime")).isFalse();

            // Among the credited USDT deposit (made now, so newer), by time; filtered and paged together.
            final JsonNode all = history(http, "");
            assertThat(all.findValuesAsText("coin")).containsExactly("USDT", "ETH");
            assertThat(all.findValues("status")).extracting(JsonNode::asInt).containsExactly(1, 0);
            assertThat(history(http, "offset=1&limit=1").findValuesAsText("txId")).containsExactly(txId);
            assertThat(history(http, "limit=1").findValuesAsText("coin")).containsExactly("USDT");
            assertThat(history(http, "status=0").findValuesAsText("coin")).containsExactly("ETH");
            assertThat(history(http, "status=1").findValuesAsText("coin")).containsExactly("USDT");
            assertThat(history(http, "status=6").size()).isZero();
            assertThat(history(http, "startTime=" + (walletStartMs + 2_000)).findValuesAsText("coin"))
                .containsExactly("USDT");

            advance(wallet, clock, 5 * ETH_BLOCK_MS);
            assertThat(single(history(http, "coin=ETH")).path("confirmTimes").asText()).isEqualTo("6/12");

            // The twelfth confirmation credits it: listed once, as the engine's credited deposit.
            advance(wallet, clock, 6 * ETH_BLOCK_MS);
            final JsonNode credited = awaitCredited(http, wallet, clock);
            assertThat(credited.path("amount").asText()).isEqualTo("2.00000000");
            assertThat(credited.path("coin").asText()).isEqualTo("ETH");
            assertThat(history(http, "status=0").size()).isZero();
            assertThat(history(http, "").size()).isEqualTo(2);
            assertThat(wallet.refused()).isZero();
        } finally {
            FileTree.delete(databaseDir);
        }
    }

    /** Ticks until the ETH deposit is credited in the history; at no moment is it listed twice. */
    private static JsonNode awaitCredited(final SignedHttpClient http, final DemoWallet wallet,
        final AtomicLong clock) throws InterruptedException {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            final JsonNode rows = history(http, "coin=ETH");
            assertThat(rows.size()).as(rows.toString()).isLessThanOrEqualTo(1);
            if (rows.size() == 1 && rows.get(0).path("status").asInt() == 1) {
                return rows.get(0);
            }
            clock.addAndGet(1_000);
            wallet.tick();
            Thread.sleep(20);
        }
        throw new AssertionError("the deposit was not credited: " + history(http, "coin=ETH"));
    }

    /** Waits for the gateway's projection of the operator's deposit, which it did not send itself. */
    private static void awaitRows(final SignedHttpClient http, final String parameters, final int rows)
        throws InterruptedException {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (history(http, parameters).size() < rows && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(history(http, parameters).size()).isEqualTo(rows);
    }

    private static JsonNode history(final SignedHttpClient http, final String parameters) {
        return ok(http.signed("GET", "/sapi/v1/capital/deposit/hisrec", parameters));
    }

    private static JsonNode single(final JsonNode rows) {
        assertThat(rows.size()).as(rows.toString()).isOne();
        return rows.get(0);
    }

    private static JsonNode ok(final SignedHttpClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** Moves the wallet's clock one second a tick, as its own thread would every 200 ms. */
    private static void advance(final DemoWallet wallet, final AtomicLong clock, final long ms) {
        for (long step = 0; step < ms; step += 1_000) {
            clock.addAndGet(1_000);
            wallet.tick();
        }
    }

    private static long ok(final ExchangeClient client, final CommandWriter writer) {
        final CommandResult result = client.submit(writer, TIMEOUT);
        assertThat(result.reason()).isEqualTo(RejectReason.NONE);
        return result.reference();
    }
}
