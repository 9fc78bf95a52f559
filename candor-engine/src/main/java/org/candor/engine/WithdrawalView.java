package org.candor.engine;

import java.util.List;

/**
 * Queries about withdrawals and the policies around them: live withdrawals, allow-lists, per-asset settings, pauses,
 * pending policy changes and the blast-radius policy in force. A read-only window on the engine's state, for the
 * same thread that owns the engine.
 */
public final class WithdrawalView {
    private final Engine engine;

    WithdrawalView(final Engine engine) {
        this.engine = engine;
    }

    /** A live withdrawal, or null (unknown or ended). */
    public Withdrawal withdrawal(final long withdrawalId) {
        return engine.withdrawals.get(withdrawalId);
    }

    /** See {@link Engine#withdrawalQueuePosition}. */
    public int queuePosition(final long withdrawalId) {
        return engine.withdrawals.queuePosition(withdrawalId);
    }

    /** An address on an allow-list, or null (unknown or removed). */
    public WithdrawalAddress address(final long addressId) {
        return engine.addresses.get(addressId);
    }

    /** A user's allow-listed addresses, in id order. */
    public List<WithdrawalAddress> addressesOf(final long userId) {
        return engine.addresses.of(userId);
    }

    /** The value of one per-asset withdrawal setting (its default until an operator set it); 0 if not one. */
    public long setting(final int assetId, final PolicyKind kind) {
        if (!engine.assets.exists(assetId) || kind == null || !kind.isWithdrawalSetting()) {
            return 0;
        }
        return engine.withdrawalPolicy.get(kind, assetId);
    }

    /** Whether new withdrawals of the asset are paused. */
    public boolean paused(final int assetId) {
        return engine.assets.exists(assetId) && engine.withdrawalPolicy.isPaused(assetId);
    }

    /** A pending policy loosening, or null (unknown, approved or expired). */
    public PolicyChange policyChange(final long proposalId) {
        return engine.policyChanges.get(proposalId);
    }

    /** The blast-radius limiter's accounts per window. */
    public int blastRadiusAccountsMax() {
        return engine.blastRadius.accountsMax();
    }

    public int blastRadiusShareBpsMax() {
        return engine.blastRadius.shareBpsMax();
    }

    /** The blast-radius limiter's window; 0 when it is off. */
    public long blastRadiusWindowMs() {
        return engine.blastRadius.windowMs();
    }
}
