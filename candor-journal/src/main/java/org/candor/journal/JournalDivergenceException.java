package org.candor.journal;

import java.nio.file.Path;

/**
 * A replay after restart emitted an event different from the one the journal recorded under the same sequence
 * number: the engine is no longer deterministic over its own log (a release changed an outcome), or the journal
 * belongs to another history. The node must stop; a person decides which is right.
 */
public final class JournalDivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long seq;

    public JournalDivergenceException(final long seq, final Path dir) {
        super("reason=replay-diverged seq=" + seq + " journal=" + dir);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
