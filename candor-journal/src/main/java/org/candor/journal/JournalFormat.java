package org.candor.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;

/**
 * The on-disk layout of the event journal, shared by its writer and readers.
 *
 * <p>A journal is a directory of segment files named by the sequence number of the first event they may hold,
 * zero-padded so names sort like numbers ({@code 00000000000000000001.events}). Each segment is a fixed-length file
 * mapped into memory: a header, then frames laid end to end from {@link #FIRST_FRAME_OFFSET}, each aligned to
 * {@link #FRAME_ALIGNMENT}. A frame is the events of one batch (usually one command):
 *
 * <pre>
 *   0  int  frame length, header included, before alignment; written last (release), so 0 means "not yet";
 *           {@link #END_OF_SEGMENT} means "continue in the next segment"
 *   4  int  CRC-32C of the payload
 *   8  long sequence of the first event in the payload
 *  16  long sequence of the last event in the payload
 *  24  payload: event messages of the protocol, end to end, consecutive sequence numbers
 * </pre>
 *
 * <p>Segments follow each other without a gap in sequence numbers, except where the node started from a snapshot
 * newer than its journal (a member rebuilt from another's snapshot): the next segment's name then says where the
 * journal resumes, and a reader that needs the missing events learns it with a {@link JournalGapException}.
 */
public final class JournalFormat {
    /** "CNDJ" little-endian: a file that does not start with it is not a segment. */
    public static final int MAGIC = 0x4A444E43;
    public static final int VERSION = 1;
    /** Header: magic (int), version (int), segment length (long), first sequence (long); padded. */
    public static final int SEGMENT_HEADER_BYTES = 64;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int SEGMENT_LENGTH_OFFSET = 8;
    public static final int FIRST_SEQ_OFFSET = 16;
    public static final int FIRST_FRAME_OFFSET = SEGMENT_HEADER_BYTES;

    public static final int FRAME_HEADER_BYTES = 24;
    public static final int FRAME_LENGTH_OFFSET = 0;
    public static final int FRAME_CHECKSUM_OFFSET = 4;
    public static final int FRAME_FIRST_SEQ_OFFSET = 8;
    public static final int FRAME_LAST_SEQ_OFFSET = 16;
    /** Frames start on 8-byte boundaries so the length word is read and written atomically. */
    public static final int FRAME_ALIGNMENT = 8;
    public static final int END_OF_SEGMENT = -1;
    /** Room kept at a segment's end for its end marker. */
    public static final int END_MARKER_BYTES = FRAME_ALIGNMENT;

    /**
     * Segment length unless configured: 128 MiB holds about a million events. Files are sparse until written, and
     * a segment is mapped whole, so this is also the address space each reader and the writer map per segment.
     */
    public static final int SEGMENT_BYTES_DEFAULT = 128 * 1024 * 1024;
    /** Smallest segment: room for several of the largest frames the cluster writes (16 KiB batches). */
    public static final int SEGMENT_BYTES_MIN = 64 * 1024;
    /** Largest segment: offsets in a mapped buffer are ints. */
    public static final int SEGMENT_BYTES_MAX = 1024 * 1024 * 1024;

    static final String SUFFIX = ".events";
    private static final int NAME_DIGITS = 20;

    private JournalFormat() {
    }

    /** The file of the segment whose first sequence is {@code firstSeq}. */
    public static Path segmentPath(final Path dir, final long firstSeq) {
        final String digits = Long.toString(firstSeq);
        return dir.resolve("0".repeat(NAME_DIGITS - digits.length()) + digits + SUFFIX);
    }

    /** First sequences of the segments in {@code dir}, ascending; empty if the directory does not exist. */
    public static long[] segmentFirstSeqs(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return new long[0];
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString())
                .filter(name -> name.length() == NAME_DIGITS + SUFFIX.length() && name.endsWith(SUFFIX))
                .mapToLong(name -> Long.parseLong(name.substring(0, NAME_DIGITS)))
                .sorted()
                .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("reason=journal-list-failed dir=" + dir, e);
        }
    }

    /** The first sequence of the earliest segment in {@code seqs} that starts after {@code firstSeq}, or -1. */
    static long nextSegment(final long[] seqs, final long firstSeq) {
        final int at = Arrays.binarySearch(seqs, firstSeq);
        final int next = at >= 0 ? at + 1 : -at - 1;
        return next < seqs.length ? seqs[next] : -1;
    }

    static int align(final int length) {
        return (length + FRAME_ALIGNMENT - 1) & -FRAME_ALIGNMENT;
    }

    /** Checks the header of a mapped segment; returns its first sequence. */
    static long checkHeader(final DirectBuffer segment, final Path path) {
        if (segment.capacity() < SEGMENT_BYTES_MIN || segment.getInt(MAGIC_OFFSET) != MAGIC) {
            throw new JournalCorruptException("reason=not-a-segment path=" + path);
        }
        final int version = segment.getInt(VERSION_OFFSET);
        if (version != VERSION) {
            throw new JournalCorruptException("reason=unsupported-version version=" + version + " path=" + path);
        }
        if (segment.getLong(SEGMENT_LENGTH_OFFSET) != segment.capacity()) {
            throw new JournalCorruptException("reason=length-mismatch path=" + path);
        }
        return segment.getLong(FIRST_SEQ_OFFSET);
    }
}
