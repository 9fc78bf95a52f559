package org.candor.journal;

import java.nio.file.Path;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.protocol.EventEncoder;
import org.candor.testkit.RecordingEvents;
import org.candor.testkit.Universe;
import org.candor.testkit.Workload;

/**
 * An engine whose events go, command by command, into a journal writer: the way the cluster service writes them.
 * The events every test expects come from running the same workload into a {@link RecordingEvents}.
 */
final class JournalFixture {
    static final EngineCapacity CAPACITY = EngineCapacity.small();
    static final int SMALL_SEGMENT = JournalFormat.SEGMENT_BYTES_MIN;

    final Workload workload;
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[1 << 20]);
    private int batchLength;
    private Engine engine;
    private int applied;

    JournalFixture(final long seed, final int commands) {
        this.workload = Workload.generate(seed, Universe.standard(8, 2), CAPACITY, commands);
        this.engine = new Engine(CAPACITY, new EventEncoder((buffer, offset, length) -> {
            batch.putBytes(batchLength, buffer, offset, length);
            batchLength += length;
        }));
    }

    /** Applies commands up to {@code to} (exclusive), appending each command's events to {@code writer}. */
    void applyUntil(final int to, final EventJournalWriter writer) {
        for (; applied < to; applied++) {
            batchLength = 0;
            Workload.apply(engine, workload.commands().get(applied), applied + 1);
            writer.append(batch, 0, batchLength);
        }
    }

    void applyAll(final EventJournalWriter writer) {
        applyUntil(workload.size(), writer);
    }

    /** Starts again from an empty engine, as a node does that restarts with no snapshot. */
    void restartEngine() {
        engine = new Engine(CAPACITY, new EventEncoder((buffer, offset, length) -> {
            batch.putBytes(batchLength, buffer, offset, length);
            batchLength += length;
        }));
        applied = 0;
    }

    long engineLastSeq() {
        return engine.lastEventSeq();
    }

    List<RecordingEvents.Event> expectedEvents() {
        final RecordingEvents events = new RecordingEvents();
        workload.run(CAPACITY, events);
        return events.events();
    }

    static List<RecordingEvents.Event> readAll(final Path dir, final long afterSeq) {
        final RecordingEvents events = new RecordingEvents();
        try (EventJournalReader reader = EventJournalReader.open(dir, afterSeq)) {
            while (reader.poll(events, 1000) > 0) {
                // Keep reading until everything written has been delivered.
            }
        }
        return events.events();
    }
}
