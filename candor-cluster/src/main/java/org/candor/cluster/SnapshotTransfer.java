package org.candor.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.ImageFragmentAssembler;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Moves the engine's snapshot bytes into and out of the cluster's snapshot recording. A snapshot can be far larger
 * than the largest message a publication accepts (its term length / 8), so it travels as a small header message
 * (magic, format, total length) followed by chunks. The reader checks the header and refuses a stream that ends
 * early or carries more than announced: a node must never start from a partial snapshot.
 */
final class SnapshotTransfer {
    /** "CNDR": marks a Candor engine snapshot stream, so another service's snapshot is refused at once. */
    static final int MAGIC = 0x43_4E_44_52;
    /** Version of this framing (not of the engine's format, which versions itself inside the bytes). */
    static final int FRAMING_VERSION = 1;
    static final int HEADER_LENGTH = 2 * Integer.BYTES + Long.BYTES;
    /**
     * Largest chunk. 64 KiB is half the largest message of a 1 MiB IPC term (the snapshot channel's), so a chunk
     * always fits, while keeping the message count of a 100 MB snapshot near 1,600.
     */
    static final int CHUNK_BYTES_MAX = 64 * 1024;
    /** Fragments taken per poll of the snapshot image: enough to move a chunk per poll without hogging. */
    static final int FRAGMENTS_PER_POLL = 64;

    private SnapshotTransfer() {
    }

    /** Offers the snapshot, blocking (with {@code idle}) through back-pressure; fails if the publication closes. */
    static void write(final ExclusivePublication publication, final DirectBuffer snapshot, final int length,
        final IdleStrategy idle) {
        final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
        header.putInt(0, MAGIC, ByteOrder.LITTLE_ENDIAN);
        header.putInt(Integer.BYTES, FRAMING_VERSION, ByteOrder.LITTLE_ENDIAN);
        header.putLong(2 * Integer.BYTES, length, ByteOrder.LITTLE_ENDIAN);
        offer(publication, header, 0, HEADER_LENGTH, idle);
        final int chunk = Math.min(CHUNK_BYTES_MAX, publication.maxMessageLength());
        for (int position = 0; position < length; position += chunk) {
            offer(publication, snapshot, position, Math.min(chunk, length - position), idle);
        }
    }

    private static void offer(final ExclusivePublication publication, final DirectBuffer buffer, final int offset,
        final int length, final IdleStrategy idle) {
        idle.reset();
        while (true) {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0) {
                return;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new IllegalStateException("reason=snapshot-publication-failed result=" + result);
            }
            idle.idle();
        }
    }

    /** Reads a whole snapshot from {@code image}; the bytes are at offset 0 of the returned reader's buffer. */
    static Loaded read(final Image image, final IdleStrategy idle) {
        final Loaded loaded = new Loaded();
        final ImageFragmentAssembler assembler = new ImageFragmentAssembler(loaded);
        idle.reset();
        while (!loaded.complete()) {
            final int fragments = image.poll(assembler, FRAGMENTS_PER_POLL);
            if (fragments == 0) {
                if (image.isEndOfStream() || image.isClosed()) {
                    throw new IllegalStateException("reason=snapshot-truncated received=" + loaded.received
                        + " expected=" + loaded.expected);
                }
                idle.idle();
            } else {
                idle.reset();
            }
        }
        return loaded;
    }

    /** The snapshot bytes as they arrive; complete once the announced length has been received. */
    static final class Loaded implements FragmentHandler {
        private final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(CHUNK_BYTES_MAX);
        private long expected = -1;
        private int received;

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header) {
            if (expected < 0) {
                readHeader(buffer, offset, length);
                return;
            }
            if (received + (long) length > expected) {
                throw new IllegalStateException("reason=snapshot-overrun received=" + received + " chunk=" + length
                    + " expected=" + expected);
            }
            bytes.putBytes(received, buffer, offset, length);
            received += length;
        }

        private void readHeader(final DirectBuffer buffer, final int offset, final int length) {
            final int magic = length == HEADER_LENGTH ? buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN) : 0;
            final int version = length == HEADER_LENGTH ? buffer.getInt(offset + Integer.BYTES,
                ByteOrder.LITTLE_ENDIAN) : 0;
            if (magic != MAGIC || version != FRAMING_VERSION) {
                throw new IllegalStateException("reason=snapshot-header-unreadable length=" + length + " magic="
                    + magic + " version=" + version);
            }
            final long total = buffer.getLong(offset + 2 * Integer.BYTES, ByteOrder.LITTLE_ENDIAN);
            if (total < 0 || total > Integer.MAX_VALUE - CHUNK_BYTES_MAX) {
                throw new IllegalStateException("reason=snapshot-length-invalid length=" + total);
            }
            expected = total;
        }

        boolean complete() {
            return expected >= 0 && received == expected;
        }

        DirectBuffer buffer() {
            return bytes;
        }

        int length() {
            return received;
        }
    }
}
