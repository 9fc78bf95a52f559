package org.candor.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;

/**
 * The in-flight withdrawals of one asset, with that asset's adapter and backoff. A lane whose chain is down waits
 * out its backoff alone: the other lanes do not notice.
 */
final class WithdrawalLane {
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
        if (backoff.waiting(nowMs) || withdrawals.isEmpty()) {
            return;
        }
        try {
            for (final InFlightWithdrawal withdrawal : new ArrayList<>(withdrawals.values())) {
                if (withdrawal.broadcast()) {
                    track(withdrawal, nowMs);
                } else {
                    send(withdrawal, nowMs);
                }
            }
        } catch (final ChainUnavailableException e) {
            backoff.failed(nowMs);
            return;
        }
        backoff.succeeded();
    }

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
