package org.candor.journal;

/** The journal's bytes are not what its writer wrote: a bad header, a frame out of bounds, a checksum mismatch. */
public final class JournalCorruptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalCorruptException(final String message) {
        super(message);
    }
}
