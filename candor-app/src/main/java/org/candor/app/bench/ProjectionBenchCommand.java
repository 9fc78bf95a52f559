package org.candor.app.bench;

import java.util.concurrent.Callable;
import org.candor.readmodel.ProjectionBenchmark;
import org.candor.readmodel.ProjectionRebuild;
import org.candor.readmodel.Projector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor bench projection}: events/s projected into an embedded PostgreSQL from a generated workload. */
@Command(name = "projection", mixinStandardHelpOptions = true,
    description = "Project a generated workload's events into an embedded PostgreSQL; print events/s.")
final class ProjectionBenchCommand implements Callable<Integer> {
    @Option(names = "--commands", defaultValue = "100000", description = "Commands generated (default "
        + "${DEFAULT-VALUE}).")
    int commands;

    @Option(names = "--batch-commands", description = "Commands per transaction (default "
        + ProjectionRebuild.DEFAULT_COMMANDS_PER_BATCH + " for a rebuild, " + Projector.DEFAULT_COMMANDS_PER_BATCH
        + " with --follow).")
    Integer commandsPerBatch;

    @Option(names = "--follow", description = "Project through the live follow path (the gateway's loop: every "
        + "index kept, commit when caught up) instead of a rebuild; prints commit latency percentiles too.")
    boolean follow;

    @Override
    public Integer call() {
        final ProjectionBenchmark.Options defaults = follow ? ProjectionBenchmark.Options.followDefaults()
            : ProjectionBenchmark.Options.defaults();
        ProjectionBenchmark.run(new ProjectionBenchmark.Options(commands, defaults.users(),
            commandsPerBatch == null ? defaults.commandsPerBatch() : commandsPerBatch, defaults.seed(),
            defaults.endpoint(), defaults.schema(), follow), System.out);
        return 0;
    }
}
