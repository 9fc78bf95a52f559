package org.candor.engine;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes the engine's snapshot format: little-endian fixed-width fields into an expandable buffer. The format is
 * versioned by {@link Snapshots#FORMAT_VERSION}; see {@code docs/decisions/0003-engine-snapshot-format.md} for why it
 * is hand-written rather than SBE.
 */
public final class SnapshotWriter {
    private final MutableDirectBuffer buffer;
    private int position;

    public SnapshotWriter() {
        this(new ExpandableArrayBuffer(1 << 16));
    }

    public SnapshotWriter(final MutableDirectBuffer buffer) {
        this.buffer = buffer;
    }

    public MutableDirectBuffer buffer() {
        return buffer;
    }

    /** Bytes written so far. */
    public int length() {
        return position;
    }

    void putLong(final long value) {
        buffer.putLong(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
    }

    void putInt(final int value) {
        buffer.putInt(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
    }

    void putString(final String value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        buffer.putBytes(position, bytes);
        position += bytes.length;
    }
}
