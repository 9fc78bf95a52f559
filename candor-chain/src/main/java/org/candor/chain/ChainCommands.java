package org.candor.chain;

/**
 * What the chain edge asks of the exchange: the engine commands it needs. The lead wiring implements it with the
 * cluster client (deposit, and the withdrawal commands).
 *
 * <p>Calls are made from the poll thread and must not block on the cluster: an implementation queues the command
 * and lets the client's resend deliver it. Every call may be repeated after a restart of the chain edge (it
 * resumes from what the engine knows), and Candor's engine refuses a repeat with a stable code and changes nothing:
 * a deposit by its reference, which the wiring derives from the {@link DepositKey} (DEPOSIT_ALREADY_CREDITED while
 * it is among the asset's 65,536 most recent references), a withdrawal's claim, broadcast, confirmation and failure
 * by its withdrawal id and state. A wiring reads such a refusal as done, not as a failure to alert on.
 */
public interface ChainCommands {
    /**
     * Ask the engine to claim a withdrawal ready to send (it moves to SENDING and its owner can no longer cancel
     * it). The edge broadcasts only after the wiring reports the claim applied ({@link WithdrawalProcessor#claimed});
     * a claim the engine refuses (the owner cancelled first, the asset is paused) is simply never reported, and the
     * edge asks again after a minute until the withdrawal is claimed or the wiring reports it ended.
     */
    void claim(long withdrawalId);

    /**
     * Credit a deposit that has the asset's required confirmations; called once per {@link DepositKey} in a run, and
     * again after a restart that did not resume with the key (the engine refuses it then as already credited). The
     * engine's deposit reference must be derived from the key, positive and the same in every run.
     */
    void creditDeposit(ChainDeposit deposit);

    /** The withdrawal's transaction left: {@code txId} on chain, {@code fee} in the asset's minor units. */
    void broadcast(long withdrawalId, String txId, long fee);

    /** The withdrawal's transaction has the asset's required confirmations: the money has left for good. */
    void confirmed(long withdrawalId);

    /** The withdrawal can never complete (rejected, dropped, failed on chain): its funds go back to the user. */
    void failed(long withdrawalId, String reason);
}
