package org.candor.readmodel;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.EngineEvents;
import org.candor.protocol.EventDecoder;
import org.candor.protocol.EventEncoder;

/**
 * Engine events kept in memory in their SBE encoding, each behind its length: the journal's format without the
 * file. The benchmark projects from it, so the measured path decodes every event as the live projector will.
 */
public final class EncodedEventLog {
    /** The log's size bound: one array, indexed by int. */
    public static final int BYTES_MAX = Integer.MAX_VALUE - 1_024;
    private static final int INITIAL_BYTES = 1 << 20;

    private final ExpandableArrayBuffer log = new ExpandableArrayBuffer(INITIAL_BYTES);
    private int length;
    private long events;

    /** An engine sink that appends every event to this log. */
    public EngineEvents appender() {
        return new EventEncoder(this::append);
    }

    private void append(final DirectBuffer buffer, final int offset, final int eventLength) {
        if ((long) length + Integer.BYTES + eventLength > BYTES_MAX) {
            throw new IllegalStateException("event log full: bytes=" + length + " max=" + BYTES_MAX);
        }
        log.putInt(length, eventLength);
        log.putBytes(length + Integer.BYTES, buffer, offset, eventLength);
        length += Integer.BYTES + eventLength;
        events++;
    }

    public long events() {
        return events;
    }

    public int bytes() {
        return length;
    }

    /** A source that reads the log from its first event. */
    public EventSource fromStart() {
        final UnsafeBuffer view = new UnsafeBuffer(log.byteArray(), 0, length);
        return new EventSource() {
            private int position;
            private EngineEvents decoding;
            private EventDecoder decoder;

            @Override
            public int poll(final EngineEvents handler, final int limit) {
                if (handler != decoding) {
                    decoding = handler;
                    decoder = new EventDecoder(handler);
                }
                int delivered = 0;
                while (delivered < limit && position < view.capacity()) {
                    final int eventLength = view.getInt(position);
                    decoder.decode(view, position + Integer.BYTES, eventLength);
                    position += Integer.BYTES + eventLength;
                    delivered++;
                }
                return delivered;
            }
        };
    }
}
