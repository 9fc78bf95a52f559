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
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/** One mapped segment file and the frame checks its writer and readers share. Belongs to one thread. */
final class Segment implements AutoCloseable {
    final Path path;
    final UnsafeBuffer buffer;
    final long firstSeq;
    private final MappedByteBuffer mapped;
    /** A second view of the mapping whose window the checksum moves, so checking a frame allocates nothing. */
    private final ByteBuffer window;
    private final CRC32C crc = new CRC32C();

    private Segment(final Path path, final MappedByteBuffer mapped) {
        this.path = path;
        this.mapped = mapped;
        this.window = mapped.duplicate();
        this.buffer = new UnsafeBuffer(mapped);
        this.firstSeq = JournalFormat.checkHeader(buffer, path);
    }

    /**
     * Creates a segment under a temporary name and renames it when its header is written, so a reader never maps
     * a segment without one.
     */
    static Segment create(final Path path, final int segmentBytes, final long firstSeq) {
        final Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        final MappedByteBuffer mapped = IoUtil.mapNewFile(temporary.toFile(), segmentBytes, false);
        final UnsafeBuffer header = new UnsafeBuffer(mapped);
        header.putInt(JournalFormat.MAGIC_OFFSET, JournalFormat.MAGIC);
        header.putInt(JournalFormat.VERSION_OFFSET, JournalFormat.VERSION);
        header.putLong(JournalFormat.SEGMENT_LENGTH_OFFSET, segmentBytes);
        header.putLong(JournalFormat.FIRST_SEQ_OFFSET, firstSeq);
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            IoUtil.unmap(mapped);
            throw new UncheckedIOException("reason=segment-create-failed path=" + path, e);
        }
        return new Segment(path, mapped);
    }

    static Segment map(final Path path, final FileChannel.MapMode mode) {
        return new Segment(path, IoUtil.mapExistingFile(path.toFile(), mode, "journal segment"));
    }

    /** The frame length word at {@code position}, read with acquire semantics: 0 until the frame is whole. */
    int frameLength(final int position) {
        if (position > buffer.capacity() - END_MARKER_BYTES) {
            throw new JournalCorruptException("reason=frame-past-end position=" + position + " path=" + path);
        }
        return buffer.getIntVolatile(position + FRAME_LENGTH_OFFSET);
    }

    long frameFirstSeq(final int position) {
        return buffer.getLong(position + FRAME_FIRST_SEQ_OFFSET);
    }

    long frameLastSeq(final int position) {
        return buffer.getLong(position + FRAME_LAST_SEQ_OFFSET);
    }

    /**
     * Whether the frame at {@code position}, of the length its word says, is whole and sound: in bounds, with the
     * payload checksum it was written with, and numbered from {@code expectedFirstSeq}.
     */
    boolean frameSound(final int position, final int length, final long expectedFirstSeq) {
        if (length < FRAME_HEADER_BYTES || length > buffer.capacity() - END_MARKER_BYTES - position) {
            return false;
        }
        if (frameFirstSeq(position) != expectedFirstSeq || frameLastSeq(position) < expectedFirstSeq) {
            return false;
        }
        return checksum(position + FRAME_HEADER_BYTES, length - FRAME_HEADER_BYTES)
            == buffer.getInt(position + FRAME_CHECKSUM_OFFSET);
    }

    int checksum(final int offset, final int length) {
        crc.reset();
        window.clear();
        window.position(offset).limit(offset + length);
        crc.update(window);
        return (int) crc.getValue();
    }

    /** Where the sound frames of this segment end, and the last sequence they hold. */
    record End(int position, long lastSeq, boolean marked) {
    }

    /**
     * Scans the frames from the start. A frame that is not sound ends the scan: after a machine crash the tail of
     * a mapped file may hold a frame whose bytes reached the disk only in part.
     */
    End scan() {
        int position = FIRST_FRAME_OFFSET;
        long lastSeq = firstSeq - 1;
        while (true) {
            final int length = frameLength(position);
            if (length == END_OF_SEGMENT) {
                return new End(position, lastSeq, true);
            }
            if (length == 0 || !frameSound(position, length, lastSeq + 1)) {
                return new End(position, lastSeq, false);
            }
            lastSeq = frameLastSeq(position);
            position += JournalFormat.align(length);
        }
    }

    @Override
    public void close() {
        IoUtil.unmap(mapped);
    }
}
