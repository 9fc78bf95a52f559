package org.candor.readmodel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.candor.engine.Engine;

/**
 * {@code candor bench projection}: generates a seeded trading session on a real engine, keeps its events SBE-encoded
 * in memory, then projects them into PostgreSQL (decode, batch, COPY, commit) as a rebuild would, and prints the
 * rate. The last line is a key=value summary. By default it starts an embedded server in a fresh temporary
 * directory; pass a PostgreSQL endpoint to measure an external one (the schema is emptied first).
 */
public final class ProjectionBenchmark {
    /** How many commands, users and commands per batch, from which seed, against which database. */
    /**
     * @param follow project through the live follow path ({@link FollowBenchmark}) instead of a rebuild
     */
    public record Options(int commands, int users, int commandsPerBatch, long seed, PostgresEndpoint endpoint,
        String schema, boolean follow) {
        public static Options defaults() {
            return new Options(100_000, 1_000, ProjectionRebuild.DEFAULT_COMMANDS_PER_BATCH, 42, null,
                "bench_projection", false);
        }

        /** The live follow path's defaults: the gateway's batch size. */
        public static Options followDefaults() {
            return new Options(100_000, 1_000, Projector.DEFAULT_COMMANDS_PER_BATCH, 42, null, "bench_projection",
                true);
        }
    }

    /** What one run measured. */
    public record Result(long commands, long events, long rows, long elapsedMs, double eventsPerSecond,
        boolean balanced) {
    }

    private ProjectionBenchmark() {
    }

    public static void main(final String[] args) {
        Options options = Options.defaults();
        if (args.length > 0) {
            options = new Options(Integer.parseInt(args[0]), options.users(), args.length > 1
                ? Integer.parseInt(args[1]) : options.commandsPerBatch(), options.seed(), options.endpoint(),
                options.schema(), options.follow());
        }
        run(options, System.out);
    }

    public static Result run(final Options options, final PrintStream out) {
        out.println("candor bench projection");
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
            + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB");
        final EncodedEventLog log = new EncodedEventLog();
        final long generateStart = System.nanoTime();
        final BenchmarkWorkload workload = new BenchmarkWorkload(options.seed(), options.users(), log.appender());
        workload.setup();
        workload.run(options.commands());
        final Engine engine = workload.engine();
        out.printf(Locale.ROOT, "generated %d events (%d MB encoded) in %d ms%n", log.events(), log.bytes() >> 20,
            (System.nanoTime() - generateStart) / 1_000_000);
        final Path directory = options.endpoint() == null
            ? EmbeddedPostgresSettings.newReachableDirectory("candor-bench-projection-") : null;
        try (ReadModelDatabase database = open(options, directory)) {
            if (options.follow()) {
                return follow(options, database, log, engine, out);
            }
            final ProjectionRebuild.Result warmUp = ProjectionRebuild.rebuild(database, log.fromStart(),
                options.commandsPerBatch());
            out.printf(Locale.ROOT, "warm-up: %d events in %d ms%n", warmUp.events(), warmUp.elapsedMs());
            final long jvmCpuStart = ProcessCpu.jvmMs();
            final long postgresCpuStart = ProcessCpu.postgresMs();
            final ProjectionRebuild.Result rebuild = ProjectionRebuild.rebuild(database, log.fromStart(),
                options.commandsPerBatch());
            final long jvmCpuMs = ProcessCpu.jvmMs() - jvmCpuStart;
            final long postgresCpuMs = ProcessCpu.postgresMs() - postgresCpuStart;
            final double rate = rebuild.events() * 1000.0 / Math.max(1, rebuild.elapsedMs());
            final long rows = rows(database);
            final Reconciliation.Report report = Reconciliation.run(database, engine::balance, engine.lastEventSeq());
            out.printf(Locale.ROOT, "projected %d events into %d rows in %d ms: %.0f events/s, %.0f rows/s%n",
                rebuild.events(), rows, rebuild.elapsedMs(), rate, rows * 1000.0 / Math.max(1, rebuild.elapsedMs()));
            out.printf(Locale.ROOT, "cpu: projector jvm %d ms, postgres %d ms: %.0f events per cpu-second%n",
                jvmCpuMs, postgresCpuMs, rebuild.events() * 1000.0 / Math.max(1, jvmCpuMs + postgresCpuMs));
            out.printf(Locale.ROOT, "reconciliation: %d accounts, %d differences%n", report.accountsChecked(),
                report.differences().size());
            out.printf(Locale.ROOT, "events_per_s=%.0f events=%d rows=%d elapsed_ms=%d commands=%d users=%d "
                + "commands_per_batch=%d balanced=%b%n", rate, rebuild.events(), rows, rebuild.elapsedMs(),
                options.commands(), options.users(), options.commandsPerBatch(), report.balanced());
            return new Result(options.commands(), rebuild.events(), rows, rebuild.elapsedMs(), rate,
                report.balanced());
        } finally {
            if (directory != null) {
                FileTree.delete(directory);
            }
        }
    }

    /** A warm-up follow, then a measured one, both from empty tables through the live path. */
    private static Result follow(final Options options, final ReadModelDatabase database, final EncodedEventLog log,
        final Engine engine, final PrintStream out) {
        out.println("mode: follow (the live path: polls of " + FollowBenchmark.POLL_EVENTS_MAX + " events, "
            + options.commandsPerBatch() + " commands per batch, every index maintained)");
        final FollowBenchmark.Result warmUp = FollowBenchmark.run(database, log.fromStart(),
            options.commandsPerBatch(), out);
        out.printf(Locale.ROOT, "warm-up: %d events in %d ms%n", warmUp.events(), warmUp.elapsedMs());
        final long jvmCpuStart = ProcessCpu.jvmMs();
        final long postgresCpuStart = ProcessCpu.postgresMs();
        final FollowBenchmark.Result run = FollowBenchmark.run(database, log.fromStart(), options.commandsPerBatch(),
            out);
        final long jvmCpuMs = ProcessCpu.jvmMs() - jvmCpuStart;
        final long postgresCpuMs = ProcessCpu.postgresMs() - postgresCpuStart;
        final long rows = rows(database);
        final Reconciliation.Report report = Reconciliation.run(database, engine::balance, engine.lastEventSeq());
        out.printf(Locale.ROOT, "followed %d events into %d rows in %d ms: %.0f events/s%n", run.events(), rows,
            run.elapsedMs(), run.eventsPerSecond());
        out.printf(Locale.ROOT, "handed over to committed, per event: p50 %d us, p99 %d us, p99.9 %d us, max %d us%n",
            run.p50Us(), run.p99Us(), run.p999Us(), run.maxUs());
        out.printf(Locale.ROOT, "cpu: projector jvm %d ms, postgres %d ms: %.0f events per cpu-second%n", jvmCpuMs,
            postgresCpuMs, run.events() * 1000.0 / Math.max(1, jvmCpuMs + postgresCpuMs));
        out.printf(Locale.ROOT, "reconciliation: %d accounts, %d differences%n", report.accountsChecked(),
            report.differences().size());
        out.printf(Locale.ROOT, "mode=follow events_per_s=%.0f events=%d rows=%d elapsed_ms=%d p50_us=%d p99_us=%d "
            + "p999_us=%d max_us=%d commands=%d users=%d commands_per_batch=%d balanced=%b%n", run.eventsPerSecond(),
            run.events(), rows, run.elapsedMs(), run.p50Us(), run.p99Us(), run.p999Us(), run.maxUs(),
            options.commands(), options.users(), options.commandsPerBatch(), report.balanced());
        return new Result(options.commands(), run.events(), rows, run.elapsedMs(), run.eventsPerSecond(),
            report.balanced());
    }

    private static ReadModelDatabase open(final Options options, final Path directory) {
        if (directory != null) {
            return ReadModelDatabase.embedded(EmbeddedPostgresSettings.in(directory), options.schema());
        }
        return ReadModelDatabase.connect(options.endpoint(), options.schema(), ReadModelDatabase.DEFAULT_POOL_SIZE);
    }

    private static long rows(final ReadModelDatabase database) {
        long rows = 0;
        for (final Table table : Tables.PROJECTIONS) {
            rows += TableStats.count(database, table.name());
        }
        return rows;
    }
}
