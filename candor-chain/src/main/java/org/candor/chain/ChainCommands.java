package org.candor.chain;

/**
 * What the chain edge asks of the exchange: the engine commands it needs. The lead wiring implements it with the
 * cluster client (deposit, and the withdrawal commands).
 *
 * <p>Calls are made from the poll thread and must not block on the cluster: an implementation queues the command
 * and lets the client's resend deliver it. Every call may be repeated after a restart of the chain edge (it
 * resumes from what the engine knows), so the engine side must treat a repeat as a no-op: a deposit is keyed by
 * {@link DepositKey}, a withdrawal's claim, broadcast, confirmation and failure by its withdrawal id and state.
 */
public interface ChainCommands {
    /**
     * Ask the engine to claim a withdrawal ready to send (it moves to SENDING and its owner can no longer cancel
     * it). The edge broadcasts only after the wiring reports the claim applied ({@link WithdrawalProcessor#claimed});
     * a claim the engine refuses (the owner cancelled first, the asset is paused) is simply never reported, and the
     * edge asks again after a minute until the withdrawal is claimed or the wiring reports it ended.
     */
    void claim(long withdrawalId);

    /** Credit a deposit that has the asset's required confirmations; called once per {@link DepositKey}. */
    void creditDeposit(ChainDeposit deposit);

    /** The withdrawal's transaction left: {@code txId} on chain, {@code fee} in the asset's minor units. */
    void broadcast(long withdrawalId, String txId, long fee);

    /** The withdrawal's transaction has the asset's required confirmations: the money has left for good. */
    void confirmed(long withdrawalId);

    /** The withdrawal can never complete (rejected, dropped, failed on chain): its funds go back to the user. */
    void failed(long withdrawalId, String reason);
}
