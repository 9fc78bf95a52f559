package org.candor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor chaos}: fault-injection experiments against a local cluster; each prints what it measured. */
@Command(name = "chaos", mixinStandardHelpOptions = true, subcommands = ChaosCommand.Failover.class,
    description = "Fault-injection experiments against a local cluster of child processes.")
final class ChaosCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * {@code candor chaos failover}: kill -9 the leader of a three-node cluster K times under load. The last line
     * is {@code acknowledged=N applied=N lost=0 duplicated=0 failover_ms_max=M}; the exit code is 1 if any
     * acknowledged command is missing or doubled, or the members disagree.
     */
    @Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Kill -9 the leader of a three-node cluster K times under load; audit every acknowledged "
            + "command against the final state.")
    static final class Failover implements Callable<Integer> {
        @Option(names = "--nodes", defaultValue = "3", description = "Members: 3, or 1 for the single node, which "
            + "is restarted at once after each kill (default 3).")
        int nodes;

        @Option(names = "--kills", defaultValue = "3", description = "Leaders to kill, one at a time (default 3).")
        int kills;

        @Option(names = "--rate", defaultValue = "2000", description = "Commands per second (default 2000).")
        int rate;

        @Option(names = "--steady-ms", defaultValue = "2000",
            description = "Load before the first kill and after each catch-up, ms (default 2000).")
        long steadyMs;

        @Option(names = "--dir", description = "Working directory, new or empty: the run starts a fresh cluster "
            + "(default: a new temporary directory, kept for its logs).")
        Path dir;

        @Option(names = "--port-base", defaultValue = "31000", description = "Port base (default 31000).")
        int portBase;

        @Override
        public Integer call() throws Exception {
            final Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("candor-chaos-");
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    System.err.println("candor chaos: reason=dir-not-empty dir=" + root);
                    return 2;
                }
            }
            if (nodes != 1 && nodes != 3) {
                System.err.println("candor chaos: reason=nodes-not-1-or-3 nodes=" + nodes);
                return 2;
            }
            System.out.printf("chaos failover nodes=%d kills=%d rate=%d dir=%s%n", nodes, kills, rate, root);
            final FailoverChaos.Outcome outcome = new FailoverChaos(new FailoverChaos.Settings(nodes, kills, rate,
                Duration.ofMillis(steadyMs), root, portBase), System.out).run();
            final long[] failovers = outcome.failoverMs().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("failover_ms=%s members_agree=%s%n", Arrays.toString(failovers),
                outcome.membersAgree());
            System.out.printf("acknowledged=%d applied=%d lost=%d duplicated=%d failover_ms_max=%d%n",
                outcome.audit().acknowledged(), outcome.audit().applied(), outcome.audit().lost(),
                outcome.audit().duplicated(), outcome.failoverMsMax());
            return outcome.clean() ? 0 : 1;
        }
    }
}
