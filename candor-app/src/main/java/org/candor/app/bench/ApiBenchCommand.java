package org.candor.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.agrona.IoUtil;
import org.candor.app.demo.DemoCredentials;
import org.candor.app.demo.DemoServices;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.candor.gateway.ApiBenchmark;
import org.candor.gateway.OrderLimits;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.FileTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor bench api}: order placement over HTTP against the whole exchange as the demo runs it (a node, the
 * gateway with its read-model projection, PostgreSQL for the keys), with N concurrent connections, next to the same
 * server's {@code /api/v3/ping} as the ceiling ({@link ApiBenchmark}). Each order is a limit IOC far below the book,
 * so every request is a full engine command through the cluster and nothing rests. The weight limits are raised for
 * the run: a trader's 6,000 per minute would throttle the benchmark, not the gateway.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = "Place orders over HTTP with N connections against a node and gateway; print throughput and "
        + "latency percentiles, next to /api/v3/ping.")
final class ApiBenchCommand implements Callable<Integer> {
    /** Apart from `bench cluster` (32,000) and below the ephemeral range. */
    static final int PORT_BASE = 32_100;
    private static final int BTC = 1;
    private static final int USDT = 2;
    private static final int MARKET = 1;
    private static final long USER = 1;
    private static final long BOOTSTRAP_CLIENT = 1;
    private static final long GATEWAY_CLIENT = 2;
    /** Request weight per minute and orders per window far above a trader's: it measures the server, not its limits. */
    private static final long WEIGHT_PER_MINUTE = 1_000_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--connections", defaultValue = "8", description = "Concurrent HTTP connections (default "
        + "${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per phase (default "
        + "${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--rounds", defaultValue = "1", description = "Measured rounds (orders, then ping) after the "
        + "one warm-up; the summary is the round with the median ratio, and the spread (default ${DEFAULT-VALUE}).")
    int rounds;

    /** At least ten seconds, then until the JIT compilers go quiet (ApiBenchmark#warmUp). */
    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Least warm-up seconds; it goes on "
        + "until the JIT compilers are quiet (default ${DEFAULT-VALUE}).")
    long warmupSeconds;

    /** A bound, so a machine whose compilers never settle still gets a measurement; the run says it hit it. */
    @Option(names = "--warmup-max-seconds", defaultValue = "180", description = "Longest warm-up (default "
        + "${DEFAULT-VALUE}).")
    long warmupMaxSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final Path dir = Files.createTempDirectory("candor-bench-api-");
        final Path databaseDir = EmbeddedPostgresSettings.newReachableDirectory("candor-bench-api-db-");
        try (EmbeddedNode node = EmbeddedNode.launch(dir, PORT_BASE, EngineCapacity.small())) {
            bootstrap(node);
            try (DemoServices services = DemoServices.start(node, databaseDir, "127.0.0.1", 0, 0, GATEWAY_CLIENT,
                WEIGHT_PER_MINUTE, new OrderLimits(WEIGHT_PER_MINUTE, WEIGHT_PER_MINUTE))) {
                final DemoCredentials.User trader = services.newKey("bench", USER);
                // Prints its progress and, last, the key=value summary line.
                ApiBenchmark.run(new ApiBenchmark.Options(
                    "http://127.0.0.1:" + services.httpPort(), trader.apiKey(), trader.secretKey(), "BTCUSDT",
                    "100.00", "0.0100", connections, seconds * 1_000, warmupSeconds * 1_000,
                    Math.max(warmupSeconds, warmupMaxSeconds) * 1_000,
                    "http://127.0.0.1:" + services.adminPort() + "/metrics", rounds), System.out);
            }
        } finally {
            FileTree.delete(databaseDir);
            IoUtil.delete(dir.toFile(), true);
        }
        return 0;
    }

    /** One market and one user rich enough to buy for the whole run (each IOC expires unfilled anyway). */
    private static void bootstrap(final EmbeddedNode node) {
        try (ExchangeClient client = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
            node.localClientIngress(), BOOTSTRAP_CLIENT, 1, ExchangeClient.IN_FLIGHT_DEFAULT), null, null)) {
            ok(client, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, BTC, "BTC", 8));
            ok(client, (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, USDT, "USDT", 6));
            ok(client, (e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, MARKET, "BTCUSDT", BTC, USDT, 10_000,
                10_000, 10_000, 100_000_000_000L, 1_000_000, 10, 20));
            ok(client, (e, b, o, c, id) -> e.createUser(b, o, c, id, 0, USER));
            ok(client, (e, b, o, c, id) -> e.deposit(b, o, c, id, 0, USER, USDT, 1_000_000_000_000_000L, 1));
        }
    }

    private static void ok(final ExchangeClient client, final CommandWriter writer) {
        final CommandResult result = client.submit(writer, TIMEOUT);
        if (result.reason() != RejectReason.NONE) {
            throw new IllegalStateException("bench api bootstrap refused: " + result.reason());
        }
    }
}
