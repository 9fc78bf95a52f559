package org.candor.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records every command and alert the chain edge emits, in order, as readable lines and typed lists. */
final class Recorder implements ChainCommands, ChainAlerts {
    final List<String> lines = new ArrayList<>();
    final List<ChainDeposit> credits = new ArrayList<>();
    final List<DepositKey> reversed = new ArrayList<>();
    final List<Long> broadcasts = new ArrayList<>();
    final List<Long> confirmed = new ArrayList<>();
    final List<Long> failed = new ArrayList<>();
    final List<Long> stuck = new ArrayList<>();
    final List<Long> reorged = new ArrayList<>();
    final Map<Long, SentTransaction> sent = new HashMap<>();
    final List<Long> claims = new ArrayList<>();
    /** The processor whose claims this recorder applies at once, like an engine that answers in the same call. */
    private WithdrawalProcessor acknowledged;

    /** Applies every claim of {@code processor} at once (tests of the chain side, not of the claim race). */
    WithdrawalProcessor acknowledging(final WithdrawalProcessor processor) {
        acknowledged = processor;
        return processor;
    }

    @Override
    public void claim(final long withdrawalId) {
        claims.add(withdrawalId);
        if (acknowledged != null) {
            acknowledged.claimed(withdrawalId);
        }
    }

    @Override
    public void creditDeposit(final ChainDeposit deposit) {
        credits.add(deposit);
        lines.add("credit " + deposit.key().txId() + ":" + deposit.key().outputIndex() + " user=" + deposit.userId()
            + " amount=" + deposit.amount() + " confirmations=" + deposit.confirmations());
    }

    @Override
    public void broadcast(final long withdrawalId, final String txId, final long fee) {
        broadcasts.add(withdrawalId);
        sent.put(withdrawalId, new SentTransaction(txId, fee));
        lines.add("broadcast " + withdrawalId + " tx=" + txId + " fee=" + fee);
    }

    @Override
    public void confirmed(final long withdrawalId) {
        confirmed.add(withdrawalId);
        lines.add("confirmed " + withdrawalId);
    }

    @Override
    public void failed(final long withdrawalId, final String reason) {
        failed.add(withdrawalId);
        lines.add("failed " + withdrawalId + " " + reason);
    }

    @Override
    public void depositReversedAfterCredit(final DepositKey key, final long creditedHeight, final String detail) {
        reversed.add(key);
        lines.add("reversed " + key.txId() + ":" + key.outputIndex() + " height=" + creditedHeight + " " + detail);
    }

    @Override
    public void withdrawalStuck(final long withdrawalId, final int assetId, final String txId,
        final long broadcastAtMs, final long nowMs) {
        stuck.add(withdrawalId);
        lines.add("stuck " + withdrawalId + " since=" + broadcastAtMs + " now=" + nowMs);
    }

    @Override
    public void withdrawalReorged(final long withdrawalId, final int assetId, final String txId,
        final long confirmationsLost) {
        reorged.add(withdrawalId);
        lines.add("reorged " + withdrawalId + " lost=" + confirmationsLost);
    }

    List<DepositKey> creditedKeys() {
        return credits.stream().map(ChainDeposit::key).toList();
    }
}
