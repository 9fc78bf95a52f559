package org.candor.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.candor.engine.Engine;

/**
 * Runs the engine benchmark: warm-up runs, measured throughput runs, a latency run at full speed, a latency run at
 * a fixed rate of half the best measured throughput, the allocation of the measured loop, and the memory cost of a
 * resting order. Each run replays the same pre-generated commands into a fresh engine, after an unmeasured set-up
 * and prefill. Its last line is a key=value summary.
 */
final class EngineBenchmark {
    private static final long HISTOGRAM_MAX_NS = 10_000_000_000L;
    private static final int BYTES_PER_ORDER_SAMPLE = 1_000_000;
    private static final long JITTER_PROBE_NS = 2_000_000_000L;

    private final WorkloadSpec spec;
    private final int runs;
    private final int warmups;
    private final double pacedRate;
    private final PrintStream out;
    private final Progress progress;
    private Workload workload;

    EngineBenchmark(final WorkloadSpec spec, final int runs, final int warmups, final double pacedRate,
        final PrintStream out) {
        this.spec = spec;
        this.pacedRate = pacedRate;
        this.runs = runs;
        this.warmups = warmups;
        this.out = out;
        this.progress = new Progress(out);
    }

    void run() {
        out.println("candor bench engine");
        out.println("machine: " + MachineInfo.describe());
        out.println("workload: " + spec.describe());
        out.println("platform: " + PlatformJitter.measure(JITTER_PROBE_NS));
        final long generateStart = System.nanoTime();
        workload = Workload.generate(spec, progress);
        out.printf("generated in %d ms: prefill=%d measured=%d rejected_in_generation=%d%n",
            (System.nanoTime() - generateStart) / 1_000_000, workload.prefill, workload.total - workload.prefill,
            workload.rejected);
        if (workload.rejected > 0) {
            out.println("rejections in generation (reason@type): " + workload.rejectReasons);
        }
        out.printf("resting after generation: %d%n", workload.restingAtEnd);
        for (int i = 1; i <= warmups; i++) {
            out.printf("warm-up %d: %,.0f commands/s%n", i, throughputRun().throughput);
        }
        final double[] throughputs = new double[runs];
        RunResult last = null;
        for (int i = 0; i < runs; i++) {
            last = throughputRun();
            throughputs[i] = last.throughput;
            out.printf("run %d: %,.0f commands/s, %d trades, %d rejected, %.2f alloc bytes/command%n", i + 1,
                last.throughput, last.trades, last.rejects, last.allocBytesPerCommand);
        }
        Arrays.sort(throughputs);
        final double median = throughputs[runs / 2];
        final double best = throughputs[runs - 1];
        final Latency fullSpeed = latencyRun(0);
        final Histogram full = fullSpeed.service;
        print(String.format("latency at full speed (%,.0f commands/s with two clock reads per command)",
            fullSpeed.throughput), full);
        final double rate = pacedRate > 0 ? pacedRate : fullSpeed.throughput / 2;
        final Latency paced = latencyRun(rate);
        final Histogram half = paced.response;
        print(String.format("latency at a fixed %,.0f commands/s, from each command's scheduled time", rate), half);
        print(String.format("service time at a fixed %,.0f commands/s (each command alone)", rate), paced.service);
        final double bytesPerOrder = bytesPerRestingOrder();
        out.printf("memory: %.1f bytes per resting order (heap growth over %,d resting orders)%n", bytesPerOrder,
            spec.restingOrders() >= BYTES_PER_ORDER_SAMPLE ? spec.restingOrders() : BYTES_PER_ORDER_SAMPLE);
        out.printf("throughput_cmds_per_s=%.0f best_cmds_per_s=%.0f p50_ns=%d p99_ns=%d p999_ns=%d max_ns=%d "
            + "service_p99_ns=%d service_p999_ns=%d full_speed_p99_ns=%d rate_cmds_per_s=%.0f bytes_per_order=%.1f "
            + "alloc_bytes_per_cmd=%.2f "
            + "resting=%d markets=%d rejected=%d%n", median, best, half.getValueAtPercentile(50),
            half.getValueAtPercentile(99), half.getValueAtPercentile(99.9), half.getMaxValue(),
            paced.service.getValueAtPercentile(99), paced.service.getValueAtPercentile(99.9),
            full.getValueAtPercentile(99), rate, bytesPerOrder, last.allocBytesPerCommand, spec.restingOrders(),
            spec.markets(), last.rejects + workload.rejected);
    }

    private record RunResult(double throughput, long trades, long rejects, double allocBytesPerCommand) {
    }

    private Engine freshEngine(final BenchEvents events) {
        final Engine engine = new Engine(Workload.capacity(spec), events);
        final long firstId = workload.setUp(engine) + 1;
        workload.apply(engine, 0, workload.prefill, firstId);
        return engine;
    }

    private RunResult throughputRun() {
        final BenchEvents events = new BenchEvents();
        final Engine engine = freshEngine(events);
        final long firstId = workload.firstCommandId;
        final long tradesBefore = events.trades;
        final long rejectsBefore = events.rejects;
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long allocBefore = threads.getCurrentThreadAllocatedBytes();
        final long start = System.nanoTime();
        workload.apply(engine, workload.prefill, workload.total, firstId);
        final long elapsed = System.nanoTime() - start;
        final long allocated = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        final int measured = workload.total - workload.prefill;
        if (events.checksum == 42) {
            out.println("checksum coincidence");
        }
        return new RunResult(measured * 1e9 / elapsed, events.trades - tradesBefore, events.rejects - rejectsBefore,
            (double) allocated / measured);
    }

    /**
     * Per-command latency. At full speed ({@code rate == 0}) each command is timed alone. At a fixed rate, commands
     * are released on a schedule and {@code response} measures from each command's scheduled time to its end, so a
     * stall delays every command queued behind it (no coordinated omission); {@code service} is the command's own
     * execution time. The fixed rate defaults to half of what this timed loop reaches at full speed, since timing
     * each command costs two clock reads (about 30 ns each on a virtual machine) that the throughput runs do not pay.
     */
    private Latency latencyRun(final double rate) {
        final BenchEvents events = new BenchEvents();
        final Engine engine = freshEngine(events);
        final long firstId = workload.firstCommandId;
        final Histogram response = new Histogram(HISTOGRAM_MAX_NS, 3);
        final Histogram service = new Histogram(HISTOGRAM_MAX_NS, 3);
        final double intervalNs = rate > 0 ? 1e9 / rate : 0;
        final long start = System.nanoTime();
        for (int i = workload.prefill; i < workload.total; i++) {
            long began = System.nanoTime();
            final long scheduled = rate > 0 ? start + (long) ((i - workload.prefill) * intervalNs) : began;
            while (began < scheduled) {
                Thread.onSpinWait();
                began = System.nanoTime();
            }
            workload.applyOne(engine, i, firstId + i);
            final long ended = System.nanoTime();
            response.recordValue(Math.min(HISTOGRAM_MAX_NS, ended - scheduled));
            service.recordValue(Math.min(HISTOGRAM_MAX_NS, ended - began));
        }
        final int measured = workload.total - workload.prefill;
        return new Latency(response, service, measured * 1e9 / (System.nanoTime() - start));
    }

    private record Latency(Histogram response, Histogram service, double throughput) {
    }

    /** Heap growth per resting order when a fresh engine is prefilled with about a million orders. */
    private double bytesPerRestingOrder() {
        final WorkloadSpec sample = spec.restingOrders() >= BYTES_PER_ORDER_SAMPLE ? spec
            : new WorkloadSpec(spec.users(), spec.markets(), BYTES_PER_ORDER_SAMPLE, 0, spec.seed(),
                spec.priceRangeTicks() * 20);
        final Workload w = sample == spec ? workload : Workload.generate(sample, progress);
        final Engine engine = new Engine(Workload.capacity(sample), new BenchEvents());
        final long firstId = w.setUp(engine) + 1;
        final long before = usedHeapAfterGc();
        w.apply(engine, 0, w.prefill, firstId);
        final long after = usedHeapAfterGc();
        long resting = 0;
        for (long u = 1; u <= sample.users(); u++) {
            resting += engine.openOrderCount(u);
        }
        return (double) (after - before) / resting;
    }

    private static long usedHeapAfterGc() {
        final Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private void print(final String title, final Histogram h) {
        out.printf("%s: p50=%d ns p99=%d ns p99.9=%d ns max=%d ns (%,d commands)%n", title,
            h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
            h.getTotalCount());
    }
}
