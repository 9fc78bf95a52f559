package org.candor.engine;

/**
 * A broken invariant: the engine's state is no longer trustworthy, so it stops. Better halted than wrong with
 * money. After this is thrown the engine refuses every further command; the node must be restored from a snapshot
 * and the journal by a person who has understood the cause.
 */
public final class InvariantViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvariantViolation(final String message) {
        super(message);
    }
}
