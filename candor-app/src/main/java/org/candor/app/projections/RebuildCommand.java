package org.candor.app.projections;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.candor.journal.EventJournalReader;
import org.candor.journal.JournalFormat;
import org.candor.readmodel.ProjectionRebuild;
import org.candor.readmodel.ReadModelDatabase;
import org.candor.readmodel.TableDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Drops the projections and projects the node's whole journal again, with progress: what to run after a change to
 * the projections' schema, or to check that the live projection equals a fresh one (compare the digests).
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = "Empty the projections and project the node's whole journal again; prints progress and a digest.")
public final class RebuildCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "The node's directory (journal in <dir>/events).")
    Path dir;

    @Option(names = "--batch-commands", defaultValue = "" + ProjectionRebuild.DEFAULT_COMMANDS_PER_BATCH,
        description = "Commands per transaction (default ${DEFAULT-VALUE}).")
    int commandsPerBatch;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    private final PrintStream out;

    RebuildCommand() {
        this(System.out);
    }

    public RebuildCommand(final PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        final Path journal = dir.resolve("events");
        if (!Files.isDirectory(journal)) {
            System.err.println("candor projections rebuild: reason=no-journal dir=" + journal);
            return 2;
        }
        final long target = lastSegmentSeq(journal);
        out.printf("rebuilding projections from %s%n", journal);
        try (ReadModelDatabase db = database.open(dir);
             EventJournalReader reader = EventJournalReader.open(journal, 0)) {
            final ProgressSource source = new ProgressSource(reader, target, out);
            final ProjectionRebuild.Result result = ProjectionRebuild.rebuild(db, source, commandsPerBatch);
            source.report(System.nanoTime());
            final double perSecond = result.events() * 1000.0 / Math.max(1, result.elapsedMs());
            out.printf(Locale.ROOT, "events=%d last_seq=%d elapsed_ms=%d events_per_s=%.0f digest=%s%n",
                result.events(), result.lastSeq(), result.elapsedMs(), perSecond, TableDigest.of(db).total());
        }
        return 0;
    }

    /** A lower bound of the journal's last sequence (its last segment's start), for the progress percentage. */
    private static long lastSegmentSeq(final Path journal) {
        final long[] seqs = JournalFormat.segmentFirstSeqs(journal);
        return seqs.length == 0 ? 0 : seqs[seqs.length - 1];
    }
}
