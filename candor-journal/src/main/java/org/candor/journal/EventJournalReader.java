package org.candor.journal;

import static org.candor.journal.JournalFormat.END_OF_SEGMENT;
import static org.candor.journal.JournalFormat.FIRST_FRAME_OFFSET;
import static org.candor.journal.JournalFormat.FRAME_HEADER_BYTES;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.agrona.DirectBuffer;
import org.candor.engine.EngineEvents;
import org.candor.protocol.EventDecoder;
import org.candor.protocol.Messages;

/**
 * Follows a node's event journal from a sequence number on, live: once it has read everything written it returns
 * nothing until the writer adds more. Works from the node's own process or any other on the same machine (the
 * segments are shared memory-mapped files). A consumer that records the last sequence it processed and reopens from
 * there after a crash, here or on another node's journal (they hold the same events under the same numbers), sees
 * every event exactly once and in order.
 *
 * <p>Belongs to one thread. Reads never block; call {@link #poll} from the consumer's own loop with an idle
 * strategy.
 */
public final class EventJournalReader implements AutoCloseable {
    private final Path dir;
    private Segment segment;
    /** Offset of the next frame in the current segment. */
    private int position;
    /** Within the frame being read: the next event's offset and where the frame's payload ends. */
    private int eventOffset;
    private int frameEnd;
    private long nextSeq;
    private int currentOffset;
    private int currentLength;
    private EngineEvents decoderListener;
    private EventDecoder decoder;

    private EventJournalReader(final Path dir, final long afterSeq) {
        this.dir = dir;
        this.nextSeq = afterSeq + 1;
    }

    /**
     * A reader that delivers the events after {@code afterSeq} (0 for all). Fails later, on the first poll that
     * finds out, with {@link JournalGapException} if this journal does not hold them.
     */
    public static EventJournalReader open(final Path dir, final long afterSeq) {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("reason=negative-seq afterSeq=" + afterSeq);
        }
        return new EventJournalReader(dir, afterSeq);
    }

    /**
     * Decodes up to {@code eventLimit} events into {@code handler}, in sequence order; returns how many.
     *
     * @throws JournalGapException    if the next event is not in this journal
     * @throws JournalCorruptException if the journal's bytes are damaged
     */
    public int poll(final EngineEvents handler, final int eventLimit) {
        if (handler != decoderListener) {
            decoder = new EventDecoder(handler);
            decoderListener = handler;
        }
        int delivered = 0;
        while (delivered < eventLimit && advance()) {
            decoder.decode(segment.buffer, currentOffset, currentLength);
            delivered++;
        }
        return delivered;
    }

    /**
     * Moves to the next event, if it has been written. On true the encoded event is at {@link #buffer()},
     * {@link #offset()}, {@link #length()} until the next call.
     */
    public boolean advance() {
        while (true) {
            if (segment == null && !openFirstSegment()) {
                return false;
            }
            if (eventOffset < frameEnd) {
                if (nextEventInFrame()) {
                    return true;
                }
                continue;
            }
            final int length = segment.frameLength(position);
            if (length == 0) {
                return false;
            }
            if (length == END_OF_SEGMENT) {
                if (!openNextSegment()) {
                    return false;
                }
                continue;
            }
            enterFrame(length);
        }
    }

    private boolean nextEventInFrame() {
        final DirectBuffer buffer = segment.buffer;
        final int length = Messages.length(buffer, eventOffset, frameEnd);
        if (length < 0) {
            throw new JournalCorruptException("reason=bad-event offset=" + eventOffset + " path=" + segment.path);
        }
        final long seq = Messages.eventSeq(buffer, eventOffset);
        final int offset = eventOffset;
        eventOffset += length;
        if (seq < nextSeq) {
            return false;
        }
        if (seq != nextSeq) {
            throw new JournalCorruptException("reason=seq-out-of-order seq=" + seq + " expectedSeq=" + nextSeq
                + " path=" + segment.path);
        }
        currentOffset = offset;
        currentLength = length;
        nextSeq++;
        return true;
    }

    private void enterFrame(final int length) {
        final long frameFirst = segment.frameFirstSeq(position);
        if (frameFirst > nextSeq) {
            throw new JournalGapException(nextSeq, frameFirst);
        }
        if (segment.frameLastSeq(position) >= nextSeq) {
            if (!segment.frameSound(position, length, frameFirst)) {
                throw new JournalCorruptException("reason=bad-frame position=" + position + " path="
                    + segment.path);
            }
            eventOffset = position + FRAME_HEADER_BYTES;
            frameEnd = position + length;
        }
        position += JournalFormat.align(length);
    }

    private boolean openFirstSegment() {
        final long[] seqs = JournalFormat.segmentFirstSeqs(dir);
        if (seqs.length == 0) {
            return false;
        }
        int at = -1;
        for (int i = 0; i < seqs.length && seqs[i] <= nextSeq; i++) {
            at = i;
        }
        if (at < 0) {
            throw new JournalGapException(nextSeq, seqs[0]);
        }
        enterSegment(seqs[at]);
        return true;
    }

    /** The writer creates the next segment before it marks the end of this one, so it is normally there. */
    private boolean openNextSegment() {
        final long next = JournalFormat.nextSegment(JournalFormat.segmentFirstSeqs(dir), segment.firstSeq);
        if (next < 0) {
            return false;
        }
        if (next > nextSeq) {
            throw new JournalGapException(nextSeq, next);
        }
        segment.close();
        segment = null;
        enterSegment(next);
        return true;
    }

    private void enterSegment(final long firstSeq) {
        segment = Segment.map(JournalFormat.segmentPath(dir, firstSeq), FileChannel.MapMode.READ_ONLY);
        position = FIRST_FRAME_OFFSET;
        eventOffset = 0;
        frameEnd = 0;
    }

    /** The sequence of the last event delivered (or of the {@code afterSeq} opened with). */
    public long lastSeq() {
        return nextSeq - 1;
    }

    public DirectBuffer buffer() {
        return segment.buffer;
    }

    public int offset() {
        return currentOffset;
    }

    public int length() {
        return currentLength;
    }

    @Override
    public void close() {
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }
}
