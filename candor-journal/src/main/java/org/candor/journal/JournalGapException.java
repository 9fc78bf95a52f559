package org.candor.journal;

/**
 * The journal does not hold the events a reader asked for: they are older than its first segment, or fall in a gap
 * left where the node started from a snapshot newer than its journal. Another node's journal, or a rebuild from a
 * backup, has them; this one never will, so retrying here is pointless.
 */
public final class JournalGapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long wantedSeq;
    private final long resumesAtSeq;

    public JournalGapException(final long wantedSeq, final long resumesAtSeq) {
        super("reason=journal-gap wantedSeq=" + wantedSeq + " resumesAtSeq=" + resumesAtSeq);
        this.wantedSeq = wantedSeq;
        this.resumesAtSeq = resumesAtSeq;
    }

    /** The first sequence the reader needed. */
    public long wantedSeq() {
        return wantedSeq;
    }

    /** The first sequence this journal holds after the gap. */
    public long resumesAtSeq() {
        return resumesAtSeq;
    }
}
