package org.candor.chain;

/**
 * The chain refused a withdrawal for good (a malformed address, an amount below the dust limit): retrying the same
 * request can never succeed, so the withdrawal fails and its funds return to the user. Distinct from
 * {@link ChainUnavailableException}, which means "not now" and must never fail a withdrawal.
 */
public final class ChainRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public ChainRejectedException(final String reason) {
        super("broadcast rejected reason=" + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
