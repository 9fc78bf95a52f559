package org.candor.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.app.projections.DatabaseOptions;
import org.candor.engine.Engine;
import org.candor.engine.IgnoringEvents;
import org.candor.readmodel.ReadModelDatabase;
import org.candor.readmodel.Reconciliation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checks the read model against the engine: for every account, the sum of its statement lines and its last running
 * balance must equal the engine's balance, and the read model must be at the engine's sequence. The engine comes
 * from a snapshot file: the one a member writes when it stops with {@code --snapshot-on-stop}, after
 * {@code projections follow} has caught up with that member's journal.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Compare the read model's statements with an engine snapshot, account by account.")
public final class ReconcileCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "The node's directory.")
    Path dir;

    @Option(names = "--snapshot", description = "Engine snapshot file (default <dir>/" + NodeCommand.STOP_SNAPSHOT_FILE
        + ", written by candor node --snapshot-on-stop).")
    Path snapshot;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    private final PrintStream out;

    ReconcileCommand() {
        this(System.out);
    }

    ReconcileCommand(final PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        final Path file = snapshot != null ? snapshot : dir.resolve(NodeCommand.STOP_SNAPSHOT_FILE);
        if (!Files.isRegularFile(file)) {
            System.err.println("candor projections reconcile: reason=no-snapshot file=" + file);
            return 2;
        }
        final byte[] bytes = Files.readAllBytes(file);
        // The capacity of `candor node`, which holds every smaller engine's snapshot (the demo's included).
        final Engine engine = Engine.restore(NodeCommand.CAPACITY, new IgnoringEvents() {
        }, new UnsafeBuffer(bytes), 0, bytes.length);
        final Reconciliation.Report report;
        try (ReadModelDatabase db = database.open(dir)) {
            report = Reconciliation.run(db, engine::balance, engine.lastEventSeq());
        }
        for (final Reconciliation.Difference difference : report.differences()) {
            out.printf("difference user=%d asset=%d bucket=%s statement_sum=%d last_balance=%d engine=%d%n",
                difference.userId(), difference.assetId(), difference.bucket(), difference.statementSum(),
                difference.lastBalance(), difference.engine());
        }
        out.printf("accounts=%d differences=%d projected_seq=%d engine_seq=%d balanced=%b%n",
            report.accountsChecked(), report.differences().size(), report.projectedSeq(), report.engineSeq(),
            report.balanced());
        return report.balanced() ? 0 : 1;
    }
}
