package org.candor.app.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor bench cluster}: the engine benchmark's workload end to end through an embedded cluster of one or
 * three nodes.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Send the engine benchmark's workload through an embedded cluster node and a client; print "
        + "committed commands/s and latency percentiles.")
final class ClusterBenchCommand implements Callable<Integer> {
    @Option(names = "--commands", description = "Measured commands per run (default ${DEFAULT-VALUE}).",
        defaultValue = "1000000")
    int commands;

    @Option(names = "--window", description = "Commands in flight (default ${DEFAULT-VALUE}).",
        defaultValue = "4096")
    int window;

    @Option(names = "--runs", description = "Measured runs after one warm-up (default ${DEFAULT-VALUE}).",
        defaultValue = "2")
    int runs;

    @Option(names = "--nodes", description = "Cluster members, all in this process: 1 or 3 (default "
        + "${DEFAULT-VALUE}).", defaultValue = "1")
    int nodes;

    @Option(names = "--seed", description = "Workload seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Override
    public Integer call() {
        final WorkloadSpec spec = new WorkloadSpec(1_000, 1, 1_000, commands, seed, 250);
        if (nodes != 1 && nodes != 3) {
            System.err.println("candor bench cluster: reason=nodes-not-1-or-3 nodes=" + nodes);
            return 2;
        }
        new ClusterBenchmark(spec, nodes, window, runs, System.out).run();
        return 0;
    }
}
