package org.candor.gateway;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    /** Warm-up runs in steps this long; between steps it scrapes the metrics and reads the JIT's clock. */
    static final long WARMUP_STEP_MS = 2_000;
    /** Compilers count as quiet below this share of a step spent compiling (2%: a few small methods). */
    static final double JIT_QUIET_SHARE = 0.02;
    private static final long WARMUP_PROGRESS_MS = 10_000;
    /** In the warm-up's mix, one request in this many is a ping. */
    private static final int PING_EVERY = 4;

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
     * @param warmupMs      how long orders run before measuring, at least
     * @param warmupMaxMs   how long they run at most, waiting for the JIT compilers to go quiet
     * @param metricsUrl    the gateway's Prometheus metrics (its admin server's {@code /metrics}), scraped around the
     *                      measured orders for the mean time of each stage of a command; null to skip
     * @param rounds        how many times the pair of measured phases (orders, then ping) runs after the one
     *                      warm-up: one run's ratio of the two moves by several points between runs here, so a
     *                      verdict on the goal wants several, and their spread
     */
    public record Options(String baseUrl, String apiKey, String secret, String symbol, String price,
        String quantity, int connections, long measureMs, long warmupMs, long warmupMaxMs, String metricsUrl,
        int rounds) {
        /** Most rounds of one run. */
        public static final int ROUNDS_MAX = 100;

        public Options {
            if (connections < 1 || connections > 1_024) {
                throw new IllegalArgumentException("connections out of range [1, 1024]: connections=" + connections);
            }
            if (rounds < 1 || rounds > ROUNDS_MAX) {
                throw new IllegalArgumentException("rounds out of range [1, " + ROUNDS_MAX + "]: rounds=" + rounds);
            }
            if (measureMs < 1 || warmupMs < 0 || warmupMaxMs < warmupMs) {
                throw new IllegalArgumentException("phase lengths: measureMs=" + measureMs + " warmupMs=" + warmupMs
                    + " warmupMaxMs=" + warmupMaxMs);
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

    /**
     * Both phases of a run, and the gateway's mean microseconds per command in each stage during the measured
     * orders ({@link CommandStages}; empty without a metrics URL).
     */
    public record Result(int connections, Phase orders, Phase ping, Map<String, Long> stageMeansUs) {
        /** The summary line: key=value pairs. */
        public String line() {
            final StringBuilder line = new StringBuilder("connections=").append(connections).append(' ')
                .append(pairs("order", orders)).append(' ').append(pairs("ping", ping))
                .append(" order_ping_pct=").append(Math.round(orderPingPercent()));
            stageMeansUs.forEach((stage, us) -> line.append(" stage_").append(stage).append("_us=").append(us));
            return line.toString();
        }

        /** The order rate as a percentage of the ping rate: the goal's measure. */
        public double orderPingPercent() {
            return ping.perSecond() == 0 ? 0 : 100 * orders.perSecond() / ping.perSecond();
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
            warmUp(options, workers, pool, out);
            final List<Result> rounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                if (options.rounds() > 1) {
                    out.printf(Locale.ROOT, "round %d of %d%n", round, options.rounds());
                }
                rounds.add(round(options, workers, pool, out));
            }
            // The round with the median ratio stands for the run; the spread says how far one round can be trusted.
            final List<Result> byRatio = new ArrayList<>(rounds);
            byRatio.sort(Comparator.comparingDouble(Result::orderPingPercent));
            final Result median = byRatio.get((byRatio.size() - 1) / 2);
            final StringBuilder summary = new StringBuilder(median.line());
            if (rounds.size() > 1) {
                summary.append(String.format(Locale.ROOT, " rounds=%d order_ping_pct_min=%d order_ping_pct_max=%d"
                    + " order_p99_us_min=%d order_p99_us_max=%d", rounds.size(),
                    Math.round(byRatio.get(0).orderPingPercent()),
                    Math.round(byRatio.get(byRatio.size() - 1).orderPingPercent()),
                    rounds.stream().mapToLong(r -> r.orders().micros(99)).min().orElse(0),
                    rounds.stream().mapToLong(r -> r.orders().micros(99)).max().orElse(0)));
            }
            out.println(summary);
            return median;
        } finally {
            workers.shutdownNow();
        }
    }

    /** One round: measured orders (with the gateway's stage means around them), then measured pings. */
    private static Result round(final Options options, final ExecutorService workers, final List<Worker> pool,
        final PrintStream out) throws InterruptedException {
        final Map<String, double[]> stagesBefore = scrapeStageTotals(options.metricsUrl());
        final Phase orders = phase(workers, pool, Load.ORDERS, options.measureMs());
        final Map<String, Long> stageMeansUs = stageMeansUs(stagesBefore, scrapeStageTotals(options.metricsUrl()));
        out.printf(Locale.ROOT, "orders %.0f/s p50=%dus p99=%dus p99.9=%dus errors=%d%n", orders.perSecond(),
            orders.micros(50), orders.micros(99), orders.micros(99.9), orders.errors());
        if (!stageMeansUs.isEmpty()) {
            out.println("gateway stages, mean per command: " + stageMeansUs.entrySet().stream()
                .map(stage -> stage.getKey() + "=" + stage.getValue() + "us").collect(Collectors.joining(" ")));
        }
        final Phase ping = phase(workers, pool, Load.PING, options.measureMs());
        final Result result = new Result(options.connections(), orders, ping, stageMeansUs);
        out.printf(Locale.ROOT, "ping   %.0f/s p50=%dus p99=%dus p99.9=%dus errors=%d (orders at %.0f%% of ping)%n",
            ping.perSecond(), ping.micros(50), ping.micros(99), ping.micros(99.9), ping.errors(),
            result.orderPingPercent());
        return result;
    }

    /**
     * Orders mixed with pings and metrics scrapes, in steps of {@link #WARMUP_STEP_MS}, for at least the asked
     * warm-up and then until the JIT compilers of this process go quiet ({@link #JIT_QUIET_SHARE} of a step), at most
     * the asked maximum. Each kind of request the measured phases send is sent here first: a PrintCompilation log
     * showed the first scrape (another handler, another body type) deoptimising the hot paths of Jetty and the HTTP
     * client, whose recompilation then took a sixth of the machine during the measured orders.
     */
    private static void warmUp(final Options options, final ExecutorService workers, final List<Worker> pool,
        final PrintStream out) throws InterruptedException {
        if (options.warmupMs() == 0) {
            return;
        }
        final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        final boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        final long stepMs = Math.min(WARMUP_STEP_MS, options.warmupMaxMs());
        final long startNs = System.nanoTime();
        long requests = 0;
        long errors = 0;
        while (true) {
            final long jitBeforeMs = jitTimed ? jit.getTotalCompilationTime() : 0;
            final Phase step = phase(workers, pool, Load.MIXED, stepMs);
            scrapeStageTotals(options.metricsUrl());
            final long jitMs = jitTimed ? jit.getTotalCompilationTime() - jitBeforeMs : 0;
            requests += step.requests();
            errors += step.errors();
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            final boolean quiet = jitMs <= stepMs * JIT_QUIET_SHARE;
            if (elapsedMs >= options.warmupMs() && (quiet || elapsedMs >= options.warmupMaxMs())) {
                out.printf(Locale.ROOT, "warmup %d s requests=%d errors=%d jit_last_step_ms=%d%s%n",
                    elapsedMs / 1_000, requests, errors, jitMs, quiet ? "" : " (compilers still busy: at the limit)");
                return;
            }
            if (elapsedMs / WARMUP_PROGRESS_MS != (elapsedMs - stepMs) / WARMUP_PROGRESS_MS) {
                out.printf(Locale.ROOT, "warming up: %d s, requests=%d, compiling %d ms of the last %d ms%n",
                    elapsedMs / 1_000, requests, jitMs, stepMs);
            }
        }
    }

    /** Per stage, {count, total seconds}, from a scrape of the gateway's metrics; empty without a URL. */
    private static Map<String, double[]> scrapeStageTotals(final String metricsUrl) throws InterruptedException {
        if (metricsUrl == null) {
            return Map.of();
        }
        try {
            final HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(metricsUrl)).timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (scrape.statusCode() != 200) {
                throw new IllegalStateException("reason=metrics-scrape-failed status=" + scrape.statusCode());
            }
            return stageTotals(scrape.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reason=metrics-scrape-failed url=" + metricsUrl, e);
        }
    }

    private static final Pattern STAGE_LINE = Pattern.compile(
        "^candor_gateway_command_stage_seconds_(count|sum)\\{stage=\"(\\w+)\",?\\} (\\S+)$", Pattern.MULTILINE);

    /** Per stage, {count, total seconds}, read from Prometheus text. */
    static Map<String, double[]> stageTotals(final CharSequence prometheusText) {
        final Map<String, double[]> totals = new TreeMap<>();
        final Matcher line = STAGE_LINE.matcher(prometheusText);
        while (line.find()) {
            final double[] total = totals.computeIfAbsent(line.group(2), stage -> new double[2]);
            total["count".equals(line.group(1)) ? 0 : 1] = Double.parseDouble(line.group(3));
        }
        return totals;
    }

    /** Mean microseconds per command of each stage between two scrapes (stages without commands left out). */
    static Map<String, Long> stageMeansUs(final Map<String, double[]> before, final Map<String, double[]> after) {
        final Map<String, Long> means = new TreeMap<>();
        after.forEach((stage, total) -> {
            final double[] earlier = before.getOrDefault(stage, new double[2]);
            final double count = total[0] - earlier[0];
            if (count > 0) {
                means.put(stage, Math.round((total[1] - earlier[1]) / count * 1e6));
            }
        });
        return means;
    }

    private static Phase phase(final ExecutorService executor, final List<Worker> pool, final Load load,
        final long durationMs) throws InterruptedException {
        final long startNs = System.nanoTime();
        final long endNs = startNs + TimeUnit.MILLISECONDS.toNanos(durationMs);
        final List<Future<long[]>> running = new ArrayList<>();
        final Histogram total = new Histogram(HIGHEST_LATENCY_NS, 3);
        for (final Worker worker : pool) {
            running.add(executor.submit(() -> worker.loop(load, endNs)));
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

    /** What a phase's workers send. */
    private enum Load {
        ORDERS, PING, MIXED
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
        private long sent;

        Worker(final Options options, final int index) {
            this.options = options;
            this.index = index;
            this.secret = options.secret().getBytes(StandardCharsets.UTF_8);
        }

        /** Sends until {@code endNs}; returns {answered 200, failed}. */
        long[] loop(final Load load, final long endNs) {
            latencyNs.reset();
            long ok = 0;
            long failed = 0;
            while (System.nanoTime() - endNs < 0) {
                final boolean order = load == Load.ORDERS || load == Load.MIXED && ++sent % PING_EVERY != 0;
                final HttpRequest request = order ? order() : ping();
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
     * [--seconds 10] [--warmup-seconds 10] [--warmup-max-seconds 180] [--metrics http://admin-host:port/metrics]
     * [--rounds 1]}.
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
            Long.parseLong(given.getOrDefault("--warmup-seconds", "10")) * 1_000,
            Long.parseLong(given.getOrDefault("--warmup-max-seconds", "180")) * 1_000, given.get("--metrics"),
            Integer.parseInt(given.getOrDefault("--rounds", "1")));
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
