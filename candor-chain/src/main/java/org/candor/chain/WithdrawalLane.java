package org.candor.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;

/**
 * The in-flight withdrawals of one asset, with that asset's adapter and backoff. A lane whose chain is down waits
 * out its backoff alone: the other lanes do not notice.
 */
final class WithdrawalLane {
    /**
     * How long a claim waits to be reported applied before it is asked for again. A claim is lost only with its
     * command, and refused only while the asset's withdrawals are paused (or the withdrawal ended, which the wiring
     * reports); a minute keeps a resumed asset moving without flooding the engine with repeats it refuses.
     */
    static final long CLAIM_RETRY_MS = 60_000;

    private final ChainAsset asset;
    private final ChainAdapter adapter;
    private final ChainCommands commands;
    private final ChainAlerts alerts;
    private final Backoff backoff = new Backoff();
    private final TreeMap<Long, InFlightWithdrawal> withdrawals = new TreeMap<>();

    WithdrawalLane(final ChainAsset asset, final ChainAdapter adapter, final ChainCommands commands,
        final ChainAlerts alerts) {
        this.asset = asset;
        this.adapter = adapter;
        this.commands = commands;
        this.alerts = alerts;
    }

    void add(final InFlightWithdrawal withdrawal) {
        withdrawals.put(withdrawal.withdrawal.withdrawalId(), withdrawal);
    }

    /** The engine applied the claim: the withdrawal may be broadcast from the next step on. */
    boolean claimed(final long withdrawalId) {
        final InFlightWithdrawal withdrawal = withdrawals.get(withdrawalId);
        if (withdrawal == null) {
            return false;
        }
        withdrawal.claimed = true;
        return true;
    }

    /** The engine ended the withdrawal (cancelled, rejected, failed or confirmed): nothing more is done for it. */
    boolean remove(final long withdrawalId) {
        return withdrawals.remove(withdrawalId) != null;
    }

    boolean contains(final long withdrawalId) {
        return withdrawals.containsKey(withdrawalId);
    }

    int size() {
        return withdrawals.size();
    }

    Collection<InFlightWithdrawal> withdrawals() {
        return withdrawals.values();
    }

    boolean waiting(final long nowMs) {
        return backoff.waiting(nowMs);
    }

    /**
     * Moves every withdrawal of the lane one step, in withdrawal id order. The first outage stops the lane until
     * its backoff passes; what was done before it stands, and what was not is retried, never lost.
     */
    void poll(final long nowMs) {
        // Claims need no chain: they are asked for even while the chain is down, so its withdrawals are ready (and
        // beyond their owners' cancel) when it comes back.
        for (final InFlightWithdrawal withdrawal : withdrawals.values()) {
            if (!withdrawal.claimed && (withdrawal.claimAskedAtMs == InFlightWithdrawal.UNKNOWN
                || nowMs - withdrawal.claimAskedAtMs >= CLAIM_RETRY_MS)) {
                withdrawal.claimAskedAtMs = nowMs;
                commands.claim(withdrawal.withdrawal.withdrawalId());
            }
        }
        if (backoff.waiting(nowMs) || withdrawals.isEmpty()) {
            return;
        }
        try {
            for (final InFlightWithdrawal withdrawal : new ArrayList<>(withdrawals.values())) {
                if (withdrawal.broadcast()) {
                    track(withdrawal, nowMs);
                } else if (withdrawal.claimed) {
                    send(withdrawal, nowMs);
                }
            }
        } catch (final ChainUnavailableException e) {
            backoff.failed(nowMs);
            return;
        }
        backoff.succeeded();
    }

    /**
     * Broadcasts a claimed withdrawal. Only claimed ones reach here, so no cancel can return funds this sends; after
     * a restart a claimed withdrawal is sent again and the adapter's idempotency by withdrawal id returns the first
     * transaction if it had left, so it is never paid twice.
     */
    private void send(final InFlightWithdrawal withdrawal, final long nowMs) throws ChainUnavailableException {
        final ApprovedWithdrawal approved = withdrawal.withdrawal;
        if (withdrawal.fee == InFlightWithdrawal.UNKNOWN) {
            // Estimated once and kept, so a retry after a lost answer asks for the same transaction.
            withdrawal.fee = adapter.estimateFee();
        }
        final SentTransaction sent;
        try {
            sent = adapter.broadcast(approved.withdrawalId(), approved.address(), approved.amount(), withdrawal.fee);
        } catch (final ChainRejectedException e) {
            withdrawals.remove(approved.withdrawalId());
            commands.failed(approved.withdrawalId(), e.reason());
            return;
        }
        withdrawal.txId = sent.txId();
        withdrawal.fee = sent.fee();
        withdrawal.broadcastAtMs = nowMs;
        commands.broadcast(approved.withdrawalId(), sent.txId(), sent.fee());
    }

    private void track(final InFlightWithdrawal withdrawal, final long nowMs) throws ChainUnavailableException {
        final long withdrawalId = withdrawal.withdrawal.withdrawalId();
        final TxStatus status = adapter.status(withdrawal.txId);
        switch (status.state()) {
            case MINED -> {
                if (status.confirmations() < withdrawal.confirmations) {
                    reorged(withdrawal);
                }
                withdrawal.confirmations = status.confirmations();
                if (status.confirmations() >= asset.confirmationsRequired()) {
                    withdrawals.remove(withdrawalId);
                    commands.confirmed(withdrawalId);
                }
            }
            case PENDING, REORGED_OUT -> {
                if (withdrawal.confirmations > 0) {
                    reorged(withdrawal);
                }
                withdrawal.confirmations = 0;
                if (!withdrawal.stuckReported && nowMs - withdrawal.broadcastAtMs >= asset.stuckAfterMs()) {
                    withdrawal.stuckReported = true;
                    alerts.withdrawalStuck(withdrawalId, asset.assetId(), withdrawal.txId, withdrawal.broadcastAtMs,
                        nowMs);
                }
            }
            case FAILED, DROPPED -> {
                withdrawals.remove(withdrawalId);
                commands.failed(withdrawalId, status.state().name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + status.reason());
            }
            default -> throw new IllegalStateException("state=" + status.state());
        }
    }

    private void reorged(final InFlightWithdrawal withdrawal) {
        alerts.withdrawalReorged(withdrawal.withdrawal.withdrawalId(), asset.assetId(), withdrawal.txId,
            withdrawal.confirmations);
    }
}
