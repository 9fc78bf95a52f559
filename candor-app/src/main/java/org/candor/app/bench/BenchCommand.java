package org.candor.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code candor bench ...}: benchmark programs that print throughput and latency percentiles. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
    subcommands = {EngineBenchCommand.class, ClusterBenchCommand.class, ProjectionBenchCommand.class,
        ApiBenchCommand.class, ViewsBenchCommand.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
