package org.candor.journal;

import static org.candor.journal.JournalFormat.END_MARKER_BYTES;
import static org.candor.journal.JournalFormat.END_OF_SEGMENT;
import static org.candor.journal.JournalFormat.FIRST_FRAME_OFFSET;
import static org.candor.journal.JournalFormat.FRAME_CHECKSUM_OFFSET;
import static org.candor.journal.JournalFormat.FRAME_FIRST_SEQ_OFFSET;
import static org.candor.journal.JournalFormat.FRAME_HEADER_BYTES;
import static org.candor.journal.JournalFormat.FRAME_LAST_SEQ_OFFSET;
import static org.candor.journal.JournalFormat.FRAME_LENGTH_OFFSET;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agrona.DirectBuffer;
import org.candor.protocol.Messages;

/**
 * Appends the engine's events to a node's journal, on the thread that applies commands. Each append is one frame,
 * published to readers by writing its length last; nothing is flushed to disk per frame, because the journal is
 * derived data: the cluster's log is the durable record, and replaying it regenerates every event.
 *
 * <p>That replay is also checked. After a restart the engine resumes from its snapshot and the cluster replays the
 * log after it, so the engine emits again events the journal already holds. They are not written twice: each is
 * compared byte for byte with the journal's copy, and a difference stops the writer with
 * {@link JournalDivergenceException}. Same log in, same events out is a promise of the engine; this is where a
 * release that broke it is caught, before it writes a single different event.
 *
 * <p>On open, the writer continues after the last sound frame (a frame cut short by a machine crash is dropped) in a
 * new segment. If the engine starts from a snapshot newer than the journal, the new segment starts after the
 * snapshot and the events between are a gap that only another node's journal holds.
 */
public final class EventJournalWriter implements AutoCloseable {
    private final Path dir;
    private final int segmentBytes;
    private Segment segment;
    private int position;
    private long lastSeq;
    private EventJournalReader replay;
    private long replayUntilSeq;
    private long framesWritten;
    private long eventsReplayed;

    private EventJournalWriter(final Path dir, final int segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (creating if needed) the journal in {@code dir} for an engine whose last emitted event is
     * {@code engineLastSeq} (0 for a new engine, else the sequence its snapshot was taken at).
     */
    public static EventJournalWriter open(final Path dir, final int segmentBytes, final long engineLastSeq) {
        if (segmentBytes < JournalFormat.SEGMENT_BYTES_MIN || segmentBytes > JournalFormat.SEGMENT_BYTES_MAX
            || segmentBytes % JournalFormat.FRAME_ALIGNMENT != 0) {
            throw new IllegalArgumentException("reason=bad-segment-length segmentBytes=" + segmentBytes);
        }
        final EventJournalWriter writer = new EventJournalWriter(dir, segmentBytes);
        writer.recover(engineLastSeq);
        return writer;
    }

    private void recover(final long engineLastSeq) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("reason=journal-dir-failed dir=" + dir, e);
        }
        final long[] seqs = JournalFormat.segmentFirstSeqs(dir);
        if (seqs.length >= 2) {
            markEnd(seqs[seqs.length - 2]);
        }
        Segment last = null;
        Segment.End end = null;
        long held = 0;
        if (seqs.length > 0) {
            last = Segment.map(JournalFormat.segmentPath(dir, seqs[seqs.length - 1]), FileChannel.MapMode.READ_WRITE);
            end = last.scan();
            held = end.lastSeq();
        }
        final long next = Math.max(held, engineLastSeq) + 1;
        if (held > engineLastSeq) {
            replay = EventJournalReader.open(dir, Math.max(engineLastSeq, seqs[0] - 1));
            replayUntilSeq = held;
        }
        if (last != null && !end.marked() && end.lastSeq() == last.firstSeq - 1 && last.firstSeq == next) {
            segment = last;
        } else {
            segment = Segment.create(JournalFormat.segmentPath(dir, next), segmentBytes, next);
            if (last != null) {
                if (!end.marked()) {
                    last.buffer.putIntRelease(end.position() + FRAME_LENGTH_OFFSET, END_OF_SEGMENT);
                }
                last.close();
            }
        }
        position = FIRST_FRAME_OFFSET;
        lastSeq = next - 1;
    }

    /**
     * A crash between creating a segment and marking the end of the one before leaves the earlier one unmarked;
     * readers would wait at its end forever.
     */
    private void markEnd(final long firstSeq) {
        try (Segment earlier = Segment.map(JournalFormat.segmentPath(dir, firstSeq), FileChannel.MapMode.READ_WRITE)) {
            final Segment.End end = earlier.scan();
            if (!end.marked()) {
                earlier.buffer.putIntRelease(end.position() + FRAME_LENGTH_OFFSET, END_OF_SEGMENT);
            }
        }
    }

    /**
     * Appends the events in {@code length} bytes at {@code offset}: whole event messages with consecutive
     * sequence numbers. Events the journal already holds are checked against it instead of written.
     *
     * @throws JournalDivergenceException if a replayed event differs from the journal's copy
     * @throws IllegalStateException      if the events do not continue the journal
     */
    public void append(final DirectBuffer buffer, final int offset, final int length) {
        final int end = offset + length;
        int start = offset;
        while (start < end) {
            final int messageLength = messageLength(buffer, start, end);
            final long seq = Messages.eventSeq(buffer, start);
            if (seq > lastSeq) {
                break;
            }
            checkReplayed(buffer, start, messageLength, seq);
            start += messageLength;
        }
        if (start == end) {
            return;
        }
        final long first = Messages.eventSeq(buffer, start);
        final long last = lastSeqOf(buffer, start, end, first);
        final int frameLength = FRAME_HEADER_BYTES + end - start;
        if (FIRST_FRAME_OFFSET + JournalFormat.align(frameLength) + END_MARKER_BYTES > segmentBytes) {
            throw new IllegalArgumentException("reason=frame-larger-than-segment frameLength=" + frameLength);
        }
        if (position + JournalFormat.align(frameLength) + END_MARKER_BYTES > segmentBytes) {
            roll(first);
        }
        segment.buffer.putBytes(position + FRAME_HEADER_BYTES, buffer, start, end - start);
        segment.buffer.putLong(position + FRAME_FIRST_SEQ_OFFSET, first);
        segment.buffer.putLong(position + FRAME_LAST_SEQ_OFFSET, last);
        segment.buffer.putInt(position + FRAME_CHECKSUM_OFFSET,
            segment.checksum(position + FRAME_HEADER_BYTES, end - start));
        segment.buffer.putIntRelease(position + FRAME_LENGTH_OFFSET, frameLength);
        position += JournalFormat.align(frameLength);
        lastSeq = last;
        framesWritten++;
    }

    private static int messageLength(final DirectBuffer buffer, final int offset, final int end) {
        final int length = Messages.length(buffer, offset, end);
        if (length < 0) {
            throw new IllegalArgumentException("reason=not-an-event offset=" + offset);
        }
        return length;
    }

    /** The last sequence of the events from {@code offset}, checking they continue the journal one by one. */
    private long lastSeqOf(final DirectBuffer buffer, final int offset, final int end, final long first) {
        long expected = lastSeq + 1;
        int at = offset;
        while (at < end) {
            final int messageLength = messageLength(buffer, at, end);
            final long seq = Messages.eventSeq(buffer, at);
            if (seq != expected) {
                throw new IllegalStateException("reason=events-do-not-continue-journal seq=" + seq
                    + " expectedSeq=" + expected + " firstSeq=" + first);
            }
            expected++;
            at += messageLength;
        }
        return expected - 1;
    }

    private void checkReplayed(final DirectBuffer buffer, final int offset, final int length, final long seq) {
        if (replay == null || seq > replayUntilSeq || seq <= replay.lastSeq()) {
            return;
        }
        if (!replay.advance() || replay.lastSeq() != seq || replay.length() != length
            || !equalBytes(replay.buffer(), replay.offset(), buffer, offset, length)) {
            throw new JournalDivergenceException(seq, dir);
        }
        eventsReplayed++;
        if (seq == replayUntilSeq) {
            replay.close();
            replay = null;
        }
    }

    private static boolean equalBytes(final DirectBuffer a, final int aOffset, final DirectBuffer b, final int bOffset,
        final int length) {
        for (int i = 0; i < length; i++) {
            if (a.getByte(aOffset + i) != b.getByte(bOffset + i)) {
                return false;
            }
        }
        return true;
    }

    /** The next segment exists before this one's end is marked, so a reader never waits at a mark for nothing. */
    private void roll(final long firstSeq) {
        final Segment next = Segment.create(JournalFormat.segmentPath(dir, firstSeq), segmentBytes, firstSeq);
        segment.buffer.putIntRelease(position + FRAME_LENGTH_OFFSET, END_OF_SEGMENT);
        segment.close();
        segment = next;
        position = FIRST_FRAME_OFFSET;
    }

    /** The sequence of the last event the journal holds (or will hold after its gap, see {@link #open}). */
    public long lastSeq() {
        return lastSeq;
    }

    public long framesWritten() {
        return framesWritten;
    }

    /** Events emitted again by a replay after restart and found equal to the journal's copies. */
    public long eventsReplayed() {
        return eventsReplayed;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (replay != null) {
            replay.close();
            replay = null;
        }
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }
}
