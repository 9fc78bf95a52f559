package org.candor.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.agrona.IoUtil;
import org.candor.engine.Engine;
import org.candor.journal.EventJournalReader;
import org.candor.testkit.RecordingEvents;

/** Test helpers around embedded nodes: distinct ports, in-process queries, waiting for a condition. */
final class Nodes {
    /**
     * Port bases: spread by process id over 10,000-19,000 so concurrent builds on one machine rarely meet, and a
     * fresh range per node within a run (a run takes under 100 ports) so a port still in TIME_WAIT is never reused.
     * Below Linux's ephemeral range (32,768 and up), where clients' egress ports come from, and apart from the other
     * fixed ranges (docs/OPERATIONS.md, Ports).
     */
    private static final AtomicInteger NEXT_PORT_BASE =
        new AtomicInteger(10_000 + (int) (ProcessHandle.current().pid() % 90) * 100);

    private Nodes() {
    }

    static int portBase() {
        return portBase(1);
    }

    /** A port base with room for {@code members} members. */
    static int portBase(final int members) {
        return NEXT_PORT_BASE.getAndAdd(members * EmbeddedNode.PORTS_PER_NODE);
    }

    /** Reads the engine on the node's service thread. */
    static <T> T query(final EmbeddedNode node, final Function<Engine, T> reader) throws Exception {
        return node.service().query(reader).get(10, TimeUnit.SECONDS);
    }

    /** Reads a number from the engine on the node's service thread. */
    static long queryLong(final EmbeddedNode node, final ToLongFunction<Engine> reader) throws Exception {
        return query(node, reader::applyAsLong);
    }

    /** Deletes a directory tree, deepest entries first. */
    static void deleteRecursively(final Path root) {
        IoUtil.delete(root.toFile(), false);
    }

    static void await(final String what, final Duration timeout, final BooleanSupplier condition)
        throws InterruptedException {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * Every event in {@code node}'s journal after {@code afterSeq}, once the journal has caught up with the engine
     * (the service writes each command's events before it answers, but a query may run between two commands).
     */
    static List<RecordingEvents.Event> journal(final EmbeddedNode node, final long afterSeq) throws Exception {
        final long engineSeq = queryLong(node, Engine::lastEventSeq);
        await("journal of member " + node.memberId(), Duration.ofSeconds(10),
            () -> node.service().journalLastSeq() >= engineSeq);
        final RecordingEvents events = new RecordingEvents();
        try (EventJournalReader reader = EventJournalReader.open(node.eventJournalDir(), afterSeq)) {
            while (reader.poll(events, 1024) > 0) {
                // Read everything written so far.
            }
        }
        return events.events();
    }
}
