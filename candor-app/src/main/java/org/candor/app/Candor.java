package org.candor.app;

import org.candor.app.admin.AdminCommand;
import org.candor.app.bench.BenchCommand;
import org.candor.app.projections.ProjectionsCommand;
import org.candor.app.serve.GatewayCommand;
import org.candor.app.serve.OperatorsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code candor} command line. Wiring only: each subcommand lives in its own class. */
@Command(name = "candor", mixinStandardHelpOptions = true, version = "candor 0.1.0",
    description = "Candor: an exchange that cannot silently freeze your money.",
    subcommands = {DemoCommand.class, BenchCommand.class, NodeCommand.class, ClusterLocalCommand.class,
        ChaosCommand.class, ClientTokenCommand.class, EventsCommand.class,
        ProjectionsCommand.class, AdminCommand.class, GatewayCommand.class, OperatorsCommand.class})
public final class Candor implements Runnable {

    public static void main(final String[] args) {
        System.exit(new CommandLine(new Candor()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
