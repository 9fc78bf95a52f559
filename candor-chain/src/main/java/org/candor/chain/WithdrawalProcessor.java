package org.candor.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends approved withdrawals on chain and reports how each ends, driven by {@link #poll(long)}.
 *
 * <p>Each withdrawal goes: ready ({@link #submit}) -> claimed (the edge asks the engine with
 * {@link ChainCommands#claim}; the wiring reports the engine's SENDING with {@link #claimed}) -> broadcast (reported
 * with its txId and fee) -> confirmed after the asset's required confirmations, or failed when the chain rejects,
 * drops or fails it (its funds then return to the user). The rules:
 * <ul>
 *   <li>No cancel after the money left: a withdrawal is broadcast only once the engine has claimed it, and a
 *       claimed withdrawal can no longer be cancelled by its owner. If the owner cancelled first, the claim is
 *       refused, never reported, and the wiring reports the end with {@link #ended}: nothing is sent.</li>
 *   <li>No double send: the processor broadcasts a withdrawal again only while it has no txId for it, and the
 *       adapter's broadcast is idempotent by withdrawal id, so a retry after a lost answer (or after a restart)
 *       gets the first transaction back.</li>
 *   <li>No loss: an outage fails nothing. The asset's lane waits (backoff from 1 s doubling to 60 s) and tries
 *       again; every withdrawal stays in flight.</li>
 *   <li>Isolation: each asset has its own lane and backoff; an asset whose chain is down delays only itself.</li>
 *   <li>Stuck is not failed: a transaction unmined after the asset's deadline is reported to operators once and
 *       still tracked, because it may yet be mined.</li>
 *   <li>A reorg before confirmation is tracked through: confirmations start again, and operators are told.</li>
 * </ul>
 * Restart, from the engine's state alone: {@link #submit} the withdrawals ready to send (REQUESTED at or below
 * their threshold, or APPROVED), {@link #resumeClaimed} those in SENDING (broadcast again: the adapter returns the
 * first transaction if it had left), and {@link #resume} those BROADCAST, with their txId.
 */
public final class WithdrawalProcessor {
    /** Withdrawals in flight at once, over all assets; the engine bounds its pending withdrawals too. */
    public static final int IN_FLIGHT_MAX = 100_000;

    /** The answer to {@link #submit} and {@link #resume}. */
    public enum Submitted {
        ACCEPTED,
        /** Already in flight: nothing changed (a repeat is harmless). */
        ALREADY_IN_FLIGHT,
        /** The asset has no adapter; the withdrawal stays pending in the engine and an operator must look. */
        NO_ADAPTER,
        /** {@link #IN_FLIGHT_MAX} reached; submit it again after some complete. */
        FULL
    }

    private final TreeMap<Integer, WithdrawalLane> lanes = new TreeMap<>();
    private final Map<Long, Integer> assetOf = new HashMap<>();

    public WithdrawalProcessor(final ChainRegistry registry, final ChainCommands commands, final ChainAlerts alerts) {
        for (final ChainRegistry.Entry entry : registry.entries()) {
            lanes.put(entry.asset().assetId(), new WithdrawalLane(entry.asset(), entry.adapter(), commands, alerts));
        }
    }

    /** Takes a withdrawal ready to send (REQUESTED or APPROVED in the engine); it is claimed before it is sent. */
    public Submitted submit(final ApprovedWithdrawal withdrawal) {
        return admit(new InFlightWithdrawal(withdrawal));
    }

    /** Takes back, after a restart, a withdrawal the engine has in SENDING: claimed, perhaps broadcast already. */
    public Submitted resumeClaimed(final ApprovedWithdrawal withdrawal) {
        final InFlightWithdrawal inFlight = new InFlightWithdrawal(withdrawal);
        inFlight.claimed = true;
        return admit(inFlight);
    }

    /**
     * The engine applied the claim of a withdrawal in flight (its {@code withdrawalStateChanged} to SENDING): it is
     * broadcast from the next poll on. False if it is not in flight here (a repeat, or one ended meanwhile).
     */
    public boolean claimed(final long withdrawalId) {
        final Integer assetId = assetOf.get(withdrawalId);
        return assetId != null && lanes.get(assetId).claimed(withdrawalId);
    }

    /**
     * The engine ended a withdrawal in flight (cancelled by its owner before the claim, rejected, or failed or
     * confirmed by anyone): the processor forgets it. A claim still unanswered for it is never followed by a
     * broadcast. False if it was not in flight here.
     */
    public boolean ended(final long withdrawalId) {
        final Integer assetId = assetOf.remove(withdrawalId);
        return assetId != null && lanes.get(assetId).remove(withdrawalId);
    }

    /** Takes back, after a restart, a withdrawal already broadcast as {@code txId} at {@code broadcastAtMs}. */
    public Submitted resume(final ApprovedWithdrawal withdrawal, final String txId, final long fee,
        final long broadcastAtMs) {
        final SentTransaction sent = new SentTransaction(txId, fee);
        final InFlightWithdrawal inFlight = new InFlightWithdrawal(withdrawal);
        inFlight.claimed = true;
        inFlight.txId = sent.txId();
        inFlight.fee = sent.fee();
        inFlight.broadcastAtMs = broadcastAtMs;
        return admit(inFlight);
    }

    private Submitted admit(final InFlightWithdrawal inFlight) {
        final long withdrawalId = inFlight.withdrawal.withdrawalId();
        if (assetOf.containsKey(withdrawalId)) {
            return Submitted.ALREADY_IN_FLIGHT;
        }
        final WithdrawalLane lane = lanes.get(inFlight.withdrawal.assetId());
        if (lane == null) {
            return Submitted.NO_ADAPTER;
        }
        if (assetOf.size() >= IN_FLIGHT_MAX) {
            return Submitted.FULL;
        }
        lane.add(inFlight);
        assetOf.put(withdrawalId, inFlight.withdrawal.assetId());
        return Submitted.ACCEPTED;
    }

    /** Moves every lane one step, in asset id order; reports go to {@link ChainCommands} as they happen. */
    public void poll(final long nowMs) {
        for (final WithdrawalLane lane : lanes.values()) {
            lane.poll(nowMs);
        }
        // Withdrawals that reached an end left their lane; forget their ids so the map stays bounded.
        assetOf.entrySet().removeIf(entry -> !lanes.get(entry.getValue()).contains(entry.getKey()));
    }

    /** Every withdrawal in flight, by asset id then withdrawal id. */
    public List<WithdrawalView> inFlight() {
        final List<WithdrawalView> views = new ArrayList<>();
        for (final WithdrawalLane lane : lanes.values()) {
            for (final InFlightWithdrawal withdrawal : lane.withdrawals()) {
                views.add(withdrawal.view());
            }
        }
        return views;
    }

    public int inFlightCount() {
        return assetOf.size();
    }

    /** Whether the asset's lane is waiting out a backoff after an outage. */
    public boolean backingOff(final int assetId, final long nowMs) {
        final WithdrawalLane lane = lanes.get(assetId);
        return lane != null && lane.waiting(nowMs);
    }
}
