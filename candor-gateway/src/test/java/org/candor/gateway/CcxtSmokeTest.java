package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.candor.gateway.TestExchange.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The real CCXT (pinned in {@code src/test/ccxt/package.json}) drives a fresh exchange through
 * {@code src/test/ccxt/smoke.mjs}: markets, trading, balances, history, errors and CCXT Pro's streams. It fails,
 * never skips, when Node.js or the pinned ccxt is missing: {@code npm ci --prefix candor-gateway/src/test/ccxt}
 * installs it.
 */
class CcxtSmokeTest {
    static final String CCXT_VERSION = "4.5.84";
    private static final long RUN_TIMEOUT_S = 180;

    @Test
    void theRealCcxtBinanceClassTradesReadsHistoryAndStreamsAgainstTheGateway() throws Exception {
        final Path dir = ccxtDir();
        final Path installed = dir.resolve("node_modules/ccxt/package.json");
        if (!Files.exists(installed)) {
            fail("ccxt is not installed: run npm ci --prefix candor-gateway/src/test/ccxt");
        }
        assertThat(Files.readString(installed)).as("installed ccxt; run npm ci --prefix candor-gateway/src/test/ccxt")
            .contains("\"version\": \"" + CCXT_VERSION + "\"");
        try (TestExchange exchange = new TestExchange()) {
            final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID,
                Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
            final ApiClient first = exchange.newTrader();
            final ApiClient second = exchange.newTrader();
            // Output to a file, not a pipe: a full pipe would block the script.
            final Path log = Files.createTempFile(exchange.dir, "ccxt-smoke", ".log");
            final Process node = new ProcessBuilder(node(), dir.resolve("smoke.mjs").toString(),
                "http://127.0.0.1:" + gateway.port(), first.key, TestExchange.secretOf(first), second.key,
                TestExchange.secretOf(second)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            final boolean finished = node.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            final String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("smoke.mjs finished within " + RUN_TIMEOUT_S + " s:\n" + output).isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("all ok");
        }
    }

    /** The Node.js executable: {@code node} on the PATH; the test fails if there is none. */
    private static String node() throws InterruptedException {
        try {
            final Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                fail("node --version failed: install Node.js 18 or later");
            }
        } catch (IOException e) {
            fail("Node.js (node) is not on the PATH: install Node.js 18 or later", e);
        }
        return "node";
    }

    /** src/test/ccxt of this module, whether Maven runs from the module or the repository root. */
    private static Path ccxtDir() {
        final Path fromModule = Path.of("src/test/ccxt");
        return (Files.isDirectory(fromModule) ? fromModule : Path.of("candor-gateway/src/test/ccxt"))
            .toAbsolutePath();
    }
}
