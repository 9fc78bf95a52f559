package org.candor.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.candor.app.DemoAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code candor admin} against a serving demo, as an operator uses it: a user opened and credited, a hold placed by
 * one operator, refused when the same operator approves it, in force once the second approves, and every step in
 * the trail with its hash chain intact.
 */
class AdminCommandTest {
    /** Apart from the demo tests' node ports (24000 and 24010). */
    private static final int PORT_BASE = 24_020;
    private static final Duration START_MAX = Duration.ofSeconds(120);

    @Test
    void anOperatorCreditsAUserAndTwoOperatorsHoldPartOfIt(@TempDir final Path dir) throws Exception {
        final Path credentials = dir.resolve("credentials.json");
        final ByteArrayOutputStream demoOut = new ByteArrayOutputStream();
        final DemoAccess demo = DemoAccess.serving(new PrintStream(demoOut, true, StandardCharsets.UTF_8),
            dir.resolve("node"), PORT_BASE, credentials);
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(demo::run);
        try {
            demo.awaitServing(demoOut, START_MAX);

            assertThat(admin(credentials, null, "create-user", "5001").exit).isZero();
            assertThat(admin(credentials, null, "deposit", "5001", "USDT", "2500.5").exit).isZero();
            final Result placed = admin(credentials, "olivia", "hold", "place", "5001", "--asset", "USDT",
                "--amount", "500", "--reason", "SUSPICIOUS_ACTIVITY", "--explanation",
                "A login from a new country; we are confirming it was you.", "--review-hours", "24",
                "--ticket", "88");
            assertThat(placed.exit).as(placed.err).isZero();
            final String holdId = placed.out.replaceAll("(?s).*\"reference\" : (\\d+).*", "$1");

            final Result self = admin(credentials, "olivia", "hold", "approve", holdId);
            assertThat(self.exit).isEqualTo(1);
            assertThat(self.err).contains("SELF_APPROVAL");
            assertThat(admin(credentials, "oscar", "hold", "approve", holdId).exit).isZero();

            final Result balances = admin(credentials, null, "balances", "5001");
            assertThat(balances.out).contains("\"held\" : \"500.000000\"").contains("\"available\" : \"2000.500000\"");
            final Result funds = admin(credentials, "oscar", "funds", "5001");
            assertThat(funds.out).contains("A login from a new country; we are confirming it was you.")
                .contains("\"reason\" : \"suspicious_activity\"");
            assertThat(admin(credentials, null, "withdrawals", "pause", "USDT", "--reason", "MAINTENANCE",
                "--explanation", "Wallet maintenance until 14:00 UTC").exit).isZero();
            assertThat(admin(credentials, "oscar", "withdrawals", "resume", "USDT").exit).isZero();
            final Result proposed = admin(credentials, "olivia", "mass-action", "propose", "30", "--justification",
                "Incident 12: accounts using one compromised device.");
            assertThat(proposed.exit).as(proposed.err).isZero();
            final String massAction = proposed.out.replaceAll("(?s).*\"reference\" : (\\d+).*", "$1");
            assertThat(admin(credentials, "olivia", "mass-action", "approve", massAction).err)
                .contains("SELF_APPROVAL");
            assertThat(admin(credentials, "oscar", "mass-action", "approve", massAction).exit).isZero();
            final Result named = admin(credentials, "olivia", "hold", "place", "5001", "--block", "--reason",
                "SECURITY_LOCK", "--explanation", "Your device was used in incident 12.", "--review-hours", "24",
                "--mass-action", massAction);
            assertThat(named.exit).as(named.err).isZero();

            assertThat(admin(credentials, null, "asset", "7", "SOL", "9").exit).isZero();
            final Result listed = admin(credentials, null, "market", "list", "SOLUSDT", "--id", "7", "--base", "SOL",
                "--quote", "USDT", "--tick", "0.01", "--lot", "0.01", "--min-qty", "0.01", "--max-qty", "100000",
                "--min-notional", "1", "--maker-bps", "10", "--taker-bps", "20");
            assertThat(listed.exit).as(listed.err).isZero();

            final Result trail = admin(credentials, "oscar", "actions", "--limit", "10");
            assertThat(trail.out).contains("\"chainIntact\" : true").contains("SELF_APPROVAL")
                .contains("approve-mass-action").contains("create-market");

            assertThat(admin(credentials, null, "deposit", "5001", "USDT", "-1").exit).isEqualTo(1);
        } finally {
            demo.stop();
        }
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(demoOut.toString(StandardCharsets.UTF_8)).contains("invariants=ok");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result admin(final Path credentials, final String operator, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AdminCommand command = new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        final String[] full = new String[args.length + (operator == null ? 2 : 4)];
        int i = 0;
        full[i++] = "--credentials";
        full[i++] = credentials.toString();
        if (operator != null) {
            full[i++] = "--as";
            full[i++] = operator;
        }
        System.arraycopy(args, 0, full, i, args.length);
        final int exit = new CommandLine(command).execute(full);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
