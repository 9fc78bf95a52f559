package org.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import org.candor.cluster.EmbeddedNode;
import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    /** Below the Linux ephemeral range and apart from the chaos test's ports. */
    private static final int PORT_BASE = 24_000;
    private static final int SERVING_PORT_BASE = 24_010;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void demoTradesThroughTheClusterAndEndsWithBalancedLedger(@TempDir final Path dir) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DemoCommand demo = new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        try (EmbeddedNode node = EmbeddedNode.launch(dir, PORT_BASE, EngineCapacity.small())) {
            demo.run(node);

            final String output = bytes.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("trade 1: alice buys 0.40000000 from bob at 67010.000000")
                .contains("rejected PRICE_NOT_ON_TICK (code 41)")
                .contains("invariants=ok");
            final long withdrawing = node.read(
                e -> e.balance(DemoCommand.BOB, DemoCommand.ETH, Bucket.WITHDRAWING), TIMEOUT);
            final long held = node.read(e -> e.balance(DemoCommand.BOB, DemoCommand.BTC, Bucket.HELD), TIMEOUT);
            final boolean digestAgrees = node.read(e -> e.digest() == e.recomputeDigest(), TIMEOUT);
            assertThat(withdrawing).isEqualTo(100_000_000L);
            assertThat(held).isEqualTo(10_000_000L);
            assertThat(digestAgrees).isTrue();
        }
        printsTheJournalOfTheDemo(dir);
    }

    /**
     * The demo as the quick start runs it, with its HTTP self-check: node, PostgreSQL, gateway on a free port,
     * credentials written owner-only, the market maker quoting, and a balanced ledger at the end.
     */
    @Test
    void demoServesTheExchangeOverHttpAndChecksItAsABotWould(@TempDir final Path dir) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Path credentials = dir.resolve("demo").resolve("credentials.json");

        final int exit = new CommandLine(new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
            .execute("--check", "--http-port", "0", "--admin-port", "0", "--port-base",
                String.valueOf(SERVING_PORT_BASE), "--dir", dir.resolve("node").toString(), "--credentials",
                credentials.toString());

        final String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("http checks passed").contains("invariants=ok");
        assertThat(Files.getPosixFilePermissions(credentials)).containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        final String written = Files.readString(credentials);
        assertThat(written).contains("\"name\" : \"alice\"").contains("\"name\" : \"bob\"")
            .contains("\"secretKey\"");
    }

    /** The node's journal, read back by {@code candor events}, tells the demo's story event by event. */
    private static void printsTheJournalOfTheDemo(final Path dir) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final EventsCommand events = new EventsCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(new CommandLine(events).execute("--dir", dir.toString())).isZero();
        final String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("seq=1 event=asset_created asset=");
        assertThat(lines).anyMatch(line -> line.contains("event=trade ") && line.contains("price=67010000000"))
            .anyMatch(line -> line.contains("event=command_result") && line.contains("reason=PRICE_NOT_ON_TICK"));
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).startsWith("seq=" + (i + 1) + " event=");
        }
        final ByteArrayOutputStream tail = new ByteArrayOutputStream();
        assertThat(new CommandLine(new EventsCommand(new PrintStream(tail, true, StandardCharsets.UTF_8)))
            .execute("--dir", dir.toString(), "--after", "10", "--limit", "3")).isZero();
        final String[] tailLines = tail.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(tailLines).hasSize(3);
        assertThat(tailLines[0]).startsWith("seq=11 ");
        assertThat(tailLines[2]).startsWith("seq=13 ");
    }
}
