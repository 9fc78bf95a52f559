package org.candor.chain;

import java.util.List;

/**
 * One asset on one network, as the exchange needs it. Every amount is a {@code long} of minor units in the
 * exchange's scale for the asset (decision 0011): an adapter whose chain counts in finer units (wei for ETH at the
 * exchange's 8 decimals) converts, rounding deposits down and refusing withdrawals it cannot express.
 *
 * <p>Every call may throw {@link ChainUnavailableException}; callers keep their state and retry later. Calls are
 * synchronous and made from one thread (the poll loop): a real adapter must bound each call with a timeout and
 * turn the timeout into {@link ChainUnavailableException}, or one slow node would stall every asset.
 */
public interface ChainAdapter {
    /** The asset's code, for messages and alerts ("BTC"). */
    String assetCode();

    /** A new address that credits {@code userId}; the adapter remembers whose it is. */
    String newDepositAddress(long userId) throws ChainUnavailableException;

    /** The height of the tip block (the first block has height 1; 0 means no block yet). */
    long height() throws ChainUnavailableException;

    /**
     * Transfers to our addresses in blocks above {@code heightExclusive} in the current chain, plus those waiting in
     * the mempool, in chain order (height, then position), mempool last. A transfer that a reorg removed is simply
     * absent, or back in the mempool.
     */
    List<IncomingTransfer> incomingSince(long heightExclusive) throws ChainUnavailableException;

    /**
     * Signs and broadcasts a withdrawal and returns its transaction id and real fee. Idempotent by
     * {@code withdrawalId}, also across restarts of the caller: a second call for the same withdrawal returns the
     * first transaction (id and fee) and sends nothing. That is what makes a retry after a lost answer safe (the
     * call may fail after the transaction left), and it is the adapter's job because only the adapter (or the
     * wallet service behind it)
     * knows what it has signed.
     *
     * @throws ChainRejectedException when the withdrawal can never be sent (bad address, below the dust limit)
     */
    SentTransaction broadcast(long withdrawalId, String address, long amount, long fee)
        throws ChainUnavailableException, ChainRejectedException;

    /** The status of a transaction this adapter broadcast. */
    TxStatus status(String txId) throws ChainUnavailableException;

    /** The fee, in minor units of the asset, that should get a transaction mined in reasonable time now. */
    long estimateFee() throws ChainUnavailableException;

    /** Whether the chain is reachable; never throws. */
    ChainHealth health();
}
