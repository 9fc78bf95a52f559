package org.candor.app.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor bench engine}: the engine alone, in one thread, on a seeded exchange-core style workload. */
@Command(name = "engine", mixinStandardHelpOptions = true,
    description = "Drive the engine in one thread with a seeded workload; print throughput, latency percentiles "
        + "(full speed and at half the maximum rate), allocation and bytes per resting order.")
final class EngineBenchCommand implements Callable<Integer> {
    @Option(names = "--large", description = "Prefill 1,000,000 resting orders instead of 1,000.")
    boolean large;

    @Option(names = "--markets", description = "Number of markets (default ${DEFAULT-VALUE}).", defaultValue = "1")
    int markets;

    @Option(names = "--users", description = "Number of users (default ${DEFAULT-VALUE}).", defaultValue = "1000")
    int users;

    @Option(names = "--commands", description = "Measured commands per run (default ${DEFAULT-VALUE}).",
        defaultValue = "3000000")
    int commands;

    @Option(names = "--runs", description = "Measured runs after warm-up (default ${DEFAULT-VALUE}).",
        defaultValue = "3")
    int runs;

    @Option(names = "--warmups", description = "Warm-up runs (default ${DEFAULT-VALUE}).", defaultValue = "2")
    int warmups;

    @Option(names = "--rate", description = "Fixed rate for the paced latency run, commands/s (default: half the "
        + "full-speed rate of the timed loop).", defaultValue = "0")
    double rate;

    @Option(names = "--seed", description = "Workload seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Override
    public Integer call() {
        final int resting = large ? 1_000_000 : 1_000;
        final WorkloadSpec spec = new WorkloadSpec(users, markets, resting, commands, seed, large ? 5_000 : 250);
        new EngineBenchmark(spec, runs, warmups, rate, System.out).run();
        return 0;
    }
}
