package org.candor.app.bench;

import java.util.concurrent.Callable;
import org.candor.gateway.ViewsReplayBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor bench views}: how fast a starting gateway replays a journal into its views. */
@Command(name = "views", mixinStandardHelpOptions = true,
    description = "Write a generated workload's journal, replay it into a gateway's views as a gateway start does; "
        + "print events/s.")
final class ViewsBenchCommand implements Callable<Integer> {
    @Option(names = "--commands", defaultValue = "1000000", description = "Commands generated (default "
        + "${DEFAULT-VALUE}).")
    int commands;

    @Option(names = "--users", defaultValue = "1000", description = "Funded users placing them (default "
        + "${DEFAULT-VALUE}).")
    int users;

    @Override
    public Integer call() {
        ViewsReplayBenchmark.run(new ViewsReplayBenchmark.Options(commands, users,
            ViewsReplayBenchmark.Options.defaults().seed()), System.out);
        return 0;
    }
}
