package org.candor.engine;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;

/**
 * Reads the engine's snapshot format. Every length and count is checked against its bound before use, so a
 * corrupt or truncated snapshot fails loudly with {@link SnapshotFormatException} instead of allocating wildly or
 * restoring a wrong state.
 */
public final class SnapshotReader {
    private static final int STRING_BYTES_MAX = 4096;
    private final DirectBuffer buffer;
    private final int limit;
    private int position;

    public SnapshotReader(final DirectBuffer buffer, final int offset, final int length) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    boolean atEnd() {
        return position == limit;
    }

    long getLong() {
        require(Long.BYTES);
        final long value = buffer.getLong(position, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
        return value;
    }

    int getInt() {
        require(Integer.BYTES);
        final int value = buffer.getInt(position, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
        return value;
    }

    /** An int that must lie in [min, max]. */
    int getInt(final int min, final int max) {
        final int value = getInt();
        if (value < min || value > max) {
            throw new SnapshotFormatException("value=" + value + " outside [" + min + ", " + max + "]");
        }
        return value;
    }

    String getString() {
        final int length = getInt(-1, STRING_BYTES_MAX);
        if (length < 0) {
            return null;
        }
        require(length);
        final byte[] bytes = new byte[length];
        buffer.getBytes(position, bytes);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void require(final int bytes) {
        if (position + bytes > limit) {
            throw new SnapshotFormatException("truncated snapshot at position=" + position + " need=" + bytes);
        }
    }

    /** The snapshot cannot be restored: wrong magic, unknown version, corrupt or truncated content. */
    public static final class SnapshotFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SnapshotFormatException(final String message) {
            super(message);
        }
    }
}
