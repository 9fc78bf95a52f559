package org.candor.chain;

/**
 * What the chain edge tells operators: situations that code must not resolve on its own. Each is raised once per
 * deposit or withdrawal. The wiring turns them into alerts (and, for an incident, into an operational hold).
 */
public interface ChainAlerts {
    /**
     * An incident: a deposit already credited is no longer where it was (a reorg deeper than the required
     * confirmations removed or moved its block). The user may have spent money that the chain took back; the
     * engine's credit is irreversible by design, so an operator decides (claw back, hold, absorb the loss).
     *
     * @param key the credited deposit
     * @param creditedHeight the block it was credited from
     * @param detail what was seen instead ("absent", "back in the mempool", "now at height 812")
     */
    void depositReversedAfterCredit(DepositKey key, long creditedHeight, String detail);

    /**
     * A broadcast withdrawal has not been mined for longer than the asset's stuck deadline. It is not failed: it
     * may still be mined, and failing it would return funds that might still leave. An operator bumps its fee,
     * replaces it, or waits.
     */
    void withdrawalStuck(long withdrawalId, int assetId, String txId, long broadcastAtMs, long nowMs);

    /** A withdrawal transaction lost its block to a reorg before it was confirmed; it is tracked again. */
    void withdrawalReorged(long withdrawalId, int assetId, String txId, long confirmationsLost);

    /** Alerts that go nowhere, for tools and tests that do not look at them. */
    ChainAlerts IGNORED = new ChainAlerts() {
        @Override
        public void depositReversedAfterCredit(final DepositKey key, final long creditedHeight, final String detail) {
        }

        @Override
        public void withdrawalStuck(final long withdrawalId, final int assetId, final String txId,
            final long broadcastAtMs, final long nowMs) {
        }

        @Override
        public void withdrawalReorged(final long withdrawalId, final int assetId, final String txId,
            final long confirmationsLost) {
        }
    };
}
