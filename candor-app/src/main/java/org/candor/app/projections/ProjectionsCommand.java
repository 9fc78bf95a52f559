package org.candor.app.projections;

import org.candor.app.ReconcileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code candor projections ...}: the PostgreSQL read model of a node's committed events. */
@Command(name = "projections", mixinStandardHelpOptions = true,
    description = "Project a node's committed events into PostgreSQL: rebuild from the journal, follow it live, "
        + "reconcile with an engine snapshot.",
    subcommands = {RebuildCommand.class, FollowCommand.class, ReconcileCommand.class})
public final class ProjectionsCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
