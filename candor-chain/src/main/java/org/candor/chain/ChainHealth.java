package org.candor.chain;

import java.util.Objects;

/**
 * Whether an adapter can reach its chain. Asking never throws: it is what a status page and an operator read.
 *
 * @param up true when calls are expected to succeed
 * @param reason why it is down; empty when up
 */
public record ChainHealth(boolean up, String reason) {
    public ChainHealth {
        Objects.requireNonNull(reason, "reason");
    }

    public static ChainHealth healthy() {
        return new ChainHealth(true, "");
    }

    public static ChainHealth down(final String reason) {
        return new ChainHealth(false, reason);
    }
}
