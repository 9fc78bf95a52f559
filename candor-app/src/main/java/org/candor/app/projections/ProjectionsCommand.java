package org.candor.app.projections;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code candor projections ...}: the PostgreSQL read model of a node's committed events. */
@Command(name = "projections", mixinStandardHelpOptions = true,
    description = "Project a node's committed events into PostgreSQL: rebuild from the journal, or follow it live.",
    subcommands = {RebuildCommand.class, FollowCommand.class})
public final class ProjectionsCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
