package org.candor.app.bench;

import java.util.concurrent.Callable;
import org.candor.readmodel.ProjectionBenchmark;
import org.candor.readmodel.ProjectionRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor bench projection}: events/s projected into an embedded PostgreSQL from a generated workload. */
@Command(name = "projection", mixinStandardHelpOptions = true,
    description = "Project a generated workload's events into an embedded PostgreSQL; print events/s.")
final class ProjectionBenchCommand implements Callable<Integer> {
    @Option(names = "--commands", defaultValue = "100000", description = "Commands generated (default "
        + "${DEFAULT-VALUE}).")
    int commands;

    @Option(names = "--batch-commands", defaultValue = "" + ProjectionRebuild.DEFAULT_COMMANDS_PER_BATCH,
        description = "Commands per transaction (default ${DEFAULT-VALUE}).")
    int commandsPerBatch;

    @Override
    public Integer call() {
        final ProjectionBenchmark.Options defaults = ProjectionBenchmark.Options.defaults();
        ProjectionBenchmark.run(new ProjectionBenchmark.Options(commands, defaults.users(), commandsPerBatch,
            defaults.seed(), defaults.endpoint(), defaults.schema()), System.out);
        return 0;
    }
}
