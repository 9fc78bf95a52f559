package org.candor.gateway;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code candor bench api}: order throughput and latency over HTTP against a running gateway, next to
 * {@code GET /api/v3/ping} on the same server, which is the HTTP stack alone. N workers, each with its own HTTP/1.1
 * client (so its own connection), send requests back to back for a fixed time after a warm-up; each request's
 * round trip goes into an HdrHistogram. Orders are signed LIMIT IOC buys with {@code newOrderRespType=ACK} at a
 * price that should not match (below the book), so each is a whole engine command (accepted, expired) that leaves
 * nothing resting and locks no funds. Every order carries a new client order id, so no two signatures repeat.
 *
 * <p>The gateway's weight limits must allow the load (per IP and per user: at least the orders and pings per
 * minute the run sends); refused requests are counted as errors, not latencies. The last line printed is
 * {@code key=value} pairs.
 */
public final class ApiBenchmark {
    private static final long HIGHEST_LATENCY_NS = TimeUnit.SECONDS.toNanos(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private ApiBenchmark() {
    }

    /**
     * What to run.
     *
     * @param baseUrl       the gateway, e.g. {@code http://127.0.0.1:8080}
     * @param apiKey        a key with TRADE permission, funded in the quote asset
     * @param secret        its secret
     * @param symbol        the market, e.g. {@code BTCUSDT}
     * @param price         the limit price, a decimal string below the best ask (so nothing trades)
     * @param quantity      the quantity, a decimal string that passes the market's filters
     * @param connections   concurrent connections (workers)
     * @param measureMs     how long each measured phase runs
     * @param warmupMs      how long orders run before measuring
     */
    public record Options(String baseUrl, String apiKey, String secret, String symbol, String price,
        String quantity, int connections, long measureMs, long warmupMs) {
        public Options {
            if (connections < 1 || connections > 1_024) {
                throw new IllegalArgumentException("connections out of range [1, 1024]: connections=" + connections);
            }
            if (measureMs < 1 || warmupMs < 0) {
                throw new IllegalArgumentException("phase lengths: measureMs=" + measureMs + " warmupMs=" + warmupMs);
            }
        }
    }

    /** One phase: requests answered 200, failures, elapsed wall time and the latency distribution (ns). */
    public record Phase(long requests, long errors, long elapsedNs, Histogram latencyNs) {
        public double perSecond() {
            return requests * 1e9 / Math.max(1, elapsedNs);
        }

        long micros(final double percentile) {
            return latencyNs.getTotalCount() == 0 ? 0 : latencyNs.getValueAtPercentile(percentile) / 1_000;
        }
    }

    /** Both phases of a run. */
    public record Result(int connections, Phase orders, Phase ping) {
        /** The summary line: key=value pairs. */
        public String line() {
            return "connections=" + connections + " " + pairs("order", orders) + " " + pairs("ping", ping);
        }

        private static String pairs(final String name, final Phase phase) {
            return String.format(Locale.ROOT, "%1$s_requests=%2$d %1$s_errors=%3$d %1$s_per_s=%4$.0f "
                + "%1$s_p50_us=%5$d %1$s_p90_us=%6$d %1$s_p99_us=%7$d %1$s_p999_us=%8$d %1$s_max_us=%9$d", name,
                phase.requests(), phase.errors(), phase.perSecond(), phase.micros(50), phase.micros(90),
                phase.micros(99), phase.micros(99.9), phase.latencyNs().getMaxValue() / 1_000);
        }
    }

    /** Runs warm-up, orders, then ping, printing a line per phase and the key=value summary last. */
    public static Result run(final Options options, final PrintStream out) throws InterruptedException {
        final ExecutorService workers = Executors.newFixedThreadPool(options.connections());
        try {
            final List<Worker> pool = new ArrayList<>();
            for (int i = 0; i < options.connections(); i++) {
                pool.add(new Worker(options, i));
            }
            if (options.warmupMs() > 0) {
                final Phase warmup = phase(workers, pool, true, options.warmupMs());
                out.printf(Locale.ROOT, "warmup orders=%d errors=%d%n", warmup.requests(), warmup.errors());
            }
            final Phase orders = phase(workers, pool, true, options.measureMs());
            out.printf(Locale.ROOT, "orders %.0f/s p50=%dus p99=%dus p99.9=%dus errors=%d%n", orders.perSecond(),
                orders.micros(50), orders.micros(99), orders.micros(99.9), orders.errors());
            final Phase ping = phase(workers, pool, false, options.measureMs());
            out.printf(Locale.ROOT, "ping   %.0f/s p50=%dus p99=%dus p99.9=%dus errors=%d%n", ping.perSecond(),
                ping.micros(50), ping.micros(99), ping.micros(99.9), ping.errors());
            final Result result = new Result(options.connections(), orders, ping);
            out.println(result.line());
            return result;
        } finally {
            workers.shutdownNow();
        }
    }

    private static Phase phase(final ExecutorService executor, final List<Worker> pool, final boolean orders,
        final long durationMs) throws InterruptedException {
        final long startNs = System.nanoTime();
        final long endNs = startNs + TimeUnit.MILLISECONDS.toNanos(durationMs);
        final List<Future<long[]>> running = new ArrayList<>();
        final Histogram total = new Histogram(HIGHEST_LATENCY_NS, 3);
        for (final Worker worker : pool) {
            running.add(executor.submit(() -> worker.loop(orders, endNs)));
        }
        long requests = 0;
        long errors = 0;
        for (int i = 0; i < running.size(); i++) {
            try {
                final long[] counts = running.get(i).get();
                requests += counts[0];
                errors += counts[1];
                total.add(pool.get(i).latencyNs);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("reason=benchmark-worker-failed", e.getCause());
            }
        }
        return new Phase(requests, errors, System.nanoTime() - startNs, total);
    }

    /** One connection's loop. */
    private static final class Worker {
        private final Options options;
        private final int index;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
        private final byte[] secret;
        private final Histogram latencyNs = new Histogram(HIGHEST_LATENCY_NS, 3);
        private long sequence;

        Worker(final Options options, final int index) {
            this.options = options;
            this.index = index;
            this.secret = options.secret().getBytes(StandardCharsets.UTF_8);
        }

        /** Sends until {@code endNs}; returns {answered 200, failed}. */
        long[] loop(final boolean orders, final long endNs) {
            latencyNs.reset();
            long ok = 0;
            long failed = 0;
            while (System.nanoTime() - endNs < 0) {
                final HttpRequest request = orders ? order() : ping();
                final long startNs = System.nanoTime();
                int status;
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (java.io.IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                final long tookNs = System.nanoTime() - startNs;
                if (status == 200) {
                    ok++;
                    latencyNs.recordValue(Math.min(tookNs, HIGHEST_LATENCY_NS));
                } else {
                    failed++;
                }
            }
            return new long[] {ok, failed};
        }

        private HttpRequest ping() {
            return HttpRequest.newBuilder(URI.create(options.baseUrl() + "/api/v3/ping")).timeout(REQUEST_TIMEOUT)
                .GET().build();
        }

        private HttpRequest order() {
            sequence++;
            final String payload = "symbol=" + options.symbol() + "&side=BUY&type=LIMIT&timeInForce=IOC&quantity="
                + options.quantity() + "&price=" + options.price() + "&newOrderRespType=ACK&newClientOrderId=bench-"
                + index + "-" + sequence + "&timestamp=" + System.currentTimeMillis() + "&recvWindow=60000";
            final String body = payload + "&signature=" + HmacSigner.sign(secret, payload);
            return HttpRequest.newBuilder(URI.create(options.baseUrl() + "/api/v3/order")).timeout(REQUEST_TIMEOUT)
                .header(RequestAuthenticator.API_KEY_HEADER, options.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /**
     * {@code --url U --key K --secret S --symbol BTCUSDT --price 1.00 --quantity 0.001 [--connections 8]
     * [--seconds 10] [--warmup-seconds 3]}.
     */
    public static void main(final String[] args) throws InterruptedException {
        final Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i], args[i + 1]);
        }
        final Options options = new Options(required(given, "--url"), required(given, "--key"),
            required(given, "--secret"), required(given, "--symbol"), required(given, "--price"),
            required(given, "--quantity"), Integer.parseInt(given.getOrDefault("--connections", "8")),
            Long.parseLong(given.getOrDefault("--seconds", "10")) * 1_000,
            Long.parseLong(given.getOrDefault("--warmup-seconds", "3")) * 1_000);
        run(options, System.out);
    }

    private static String required(final Map<String, String> given, final String name) {
        final String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing argument: " + name);
        }
        return value;
    }
}
