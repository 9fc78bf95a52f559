package org.candor.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.candor.cluster.ClusterMembers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor cluster-local}: a cluster of three (or five) {@code candor node} child processes on loopback, for
 * development and demonstrations. It prints the ingress endpoints clients connect to and stops every member on
 * Ctrl-C or SIGTERM.
 */
@Command(name = "cluster-local", mixinStandardHelpOptions = true,
    description = "Run a 3- or 5-member cluster on loopback as child processes until Ctrl-C.")
final class ClusterLocalCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "3", description = "Members: 3 or 5 (default 3).")
    int nodes;

    @Option(names = "--dir", description = "Root directory, one node-N directory per member (default: a new "
        + "temporary directory).")
    Path dir;

    @Option(names = "--port-base", defaultValue = "30000", description = "Port base (default 30000); member N "
        + "uses 5 ports from port-base + 5 N.")
    int portBase;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        final Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("candor-cluster-");
        final ClusterMembers members = new ClusterMembers(nodes, portBase);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
             LocalCluster cluster = new LocalCluster(root, members, List.of())) {
            cluster.startAll();
            out.printf("cluster-local nodes=%d dir=%s%n", nodes, root);
            out.printf("ingress=%s%n", members.ingressEndpoints());
            out.println("logs: " + root.resolve("node-N.log") + "; status: " + root.resolve("node-N")
                .resolve(NodeCommand.STATUS_FILE) + "; Ctrl-C stops every member.");
            out.flush();
            barrier.await();
            out.println("cluster-local stopping");
        }
        return 0;
    }
}
