package org.candor.engine;

/**
 * Everything the engine says, in order. Each call is one event with the engine's next sequence number, so a
 * consumer that remembers the last sequence it saw can resume without gaps or duplicates. The same commands always
 * produce the same calls with the same arguments.
 *
 * <p>Units: amounts are minor units of their asset; prices are quote minor units per one whole base unit; quantities
 * are base minor units. Ids are the engine's (orders, trades, withdrawals, holds) or the caller's (users, assets,
 * markets, client order ids, deposit references).
 *
 * <p>Every command ends with exactly one {@link #commandResult}. Events of a command come before its result. Time
 * makes batches of its own: when review deadlines fall due, at {@link Engine#advanceTime} or at the start of a
 * command whose timestamp reaches them, their events form a system batch that ends with a {@code commandResult}
 * whose client id and command id are 0 and whose timestamp is the time that fired them; a command's own events
 * follow after it. So every batch of events ends with a {@code commandResult} that carries the time.
 * Implementations must not call back into the engine and must not keep the {@code String} arguments' identity.
 */
public interface EngineEvents {

    /**
     * The outcome of one command. For a duplicate (a resend of a command already applied) nothing else is emitted
     * and the original outcome is repeated with {@code duplicate} set.
     *
     * @param reference the id the command created (order, withdrawal, hold), or 0; for an ACCOUNT_BLOCKED
     *                  rejection the id of the blocking hold; for a system batch the number of deadlines fired
     * @param firstSeq  the sequence of the first event the original command emitted
     */
    void commandResult(long seq, long clientId, long commandId, long timestampMs, RejectReason reason,
        long reference, long firstSeq, boolean duplicate);

    void assetCreated(long seq, int assetId, String code, int scale);

    void marketCreated(long seq, int marketId, String symbol, int baseAssetId, int quoteAssetId, long tickSize,
        long lotSize, long minQuantity, long maxQuantity, long minNotional, int makerFeeBps, int takerFeeBps);

    void marketStatusChanged(long seq, int marketId, MarketStatus status);

    void userCreated(long seq, long userId);

    /**
     * One double-entry movement of {@code amount} from one account to another. System accounts have user id
     * {@link Engine#SYSTEM_USER_ID} and bucket CUSTODY or FEES.
     */
    void ledgerEntry(long seq, int assetId, long fromUserId, Bucket fromBucket, long toUserId, Bucket toBucket,
        long amount, LedgerCause cause, long reference);

    void depositCredited(long seq, long userId, int assetId, long amount, long depositRef);

    /**
     * A withdrawal was requested and passed every check; its amount moves to WITHDRAWING (a ledger entry follows).
     *
     * @param addressId the allow-listed address it goes to
     * @param state     REQUESTED, or AWAITING_APPROVAL when the amount is above the asset's approval threshold
     */
    void withdrawalRequested(long seq, long withdrawalId, long userId, int assetId, long amount, long addressId,
        WithdrawalState state);

    /**
     * A withdrawal ended in {@code state}: CONFIRMED (its funds leave the ledger) or FAILED, CANCELLED or REJECTED
     * (its funds return to available); a ledger entry follows. The steps between request and end have events of
     * their own that name who acted ({@link #withdrawalApproved}, {@link #withdrawalBroadcast}).
     */
    void withdrawalStateChanged(long seq, long withdrawalId, WithdrawalState state);

    /**
     * An operator placed a hold. {@code state} is ACTIVE when it took effect at once (a HELD ledger entry follows
     * for an AMOUNT hold) or PENDING_APPROVAL when it waits for a second operator and restricts nothing yet.
     *
     * @param assetId     the restricted asset, or {@link Hold#NO_ASSET} for an ACCOUNT_BLOCK
     * @param amount      the restricted amount; 0 for an ACCOUNT_BLOCK
     * @param explanation the public explanation the user is shown
     * @param operatorId  the operator who placed it
     * @param ticketRef   the operators' ticket, or 0
     * @param massActionId the approved mass action it belongs to, or 0
     */
    void holdPlaced(long seq, long holdId, long userId, int assetId, long amount, HoldKind kind, HoldReason reason,
        String explanation, long operatorId, long reviewDeadlineMs, ReleaseCondition releaseCondition,
        long ticketRef, long massActionId, HoldState state);

    /** A second operator approved a pending hold; it is ACTIVE now (a HELD ledger entry follows for an amount). */
    void holdApproved(long seq, long holdId, long operatorId);

    /**
     * A pending hold was turned down and never restricted anything. {@code automatic} when its review deadline
     * passed before anyone approved it; {@code operatorId} is then 0.
     */
    void holdRejected(long seq, long holdId, long operatorId, boolean automatic, String justification);

    /**
     * A hold in force ended; its funds return to available. {@code automatic} when an AUTO_RELEASE_AT_DEADLINE hold
     * reached its review deadline; {@code operatorId} is then 0.
     */
    void holdReleased(long seq, long holdId, long operatorId, boolean automatic);

    /**
     * An active hold passed its review deadline without a renewal and stays in force: the user is to be told that
     * the review is overdue, and an operator must release or renew it.
     */
    void holdEscalated(long seq, long holdId, long userId, long reviewDeadlineMs);

    /** An operator gave a hold in force a new review deadline; it is ACTIVE again and {@code renewals} counts. */
    void holdRenewed(long seq, long holdId, long operatorId, long reviewDeadlineMs, int renewals,
        String justification);

    /** Holds of the asset above {@code thresholdAmount} now need a second operator's approval. */
    void holdApprovalThresholdSet(long seq, int assetId, long thresholdAmount, long operatorId);

    /** The blast-radius limiter's policy changed; a {@code windowMs} of 0 turns it off. */
    void blastRadiusPolicySet(long seq, int accountsMax, int shareBpsMax, long windowMs, long operatorId);

    void massActionProposed(long seq, long actionId, long operatorId, int accountsMax, String justification);

    /** A second operator approved the mass action; holds may name it now. */
    void massActionApproved(long seq, long actionId, long operatorId);

    /**
     * The user put an address on their withdrawal allow-list for one asset; withdrawals may go to it from
     * {@code usableFromMs} on (the asset's time lock after it was added).
     */
    void withdrawalAddressAdded(long seq, long userId, int assetId, long addressId, String address,
        long usableFromMs);

    /**
     * The user took an address off their allow-list; withdrawals already requested to it continue.
     */
    void withdrawalAddressRemoved(long seq, long userId, long addressId);

    /**
     * An operator approved a withdrawal that was AWAITING_APPROVAL; it is APPROVED and ready for broadcast.
     */
    void withdrawalApproved(long seq, long withdrawalId, long operatorId);

    /**
     * An operator turned down a withdrawal that was AWAITING_APPROVAL; a {@code withdrawalStateChanged} to REJECTED
     * and the return of its funds follow.
     */
    void withdrawalRejected(long seq, long withdrawalId, long operatorId, String justification);

    /**
     * The chain processor sent the withdrawal's transaction {@code txRef}; {@code fee} is the network fee taken out of
     * its amount on chain. It is BROADCAST: its owner can no longer cancel it.
     */
    void withdrawalBroadcast(long seq, long withdrawalId, String txRef, long fee);

    /**
     * The chain processor reports the withdrawal failed; a {@code withdrawalStateChanged} to FAILED and the return of
     * its funds follow.
     */
    void withdrawalFailed(long seq, long withdrawalId, WithdrawalFailure reason);

    /**
     * A withdrawal stayed in {@code state} past its service-level deadline. Emitted once per entry into a state, from
     * time (a system batch), and the withdrawal stays where it is: operators are to look at it.
     */
    void withdrawalSlaMissed(long seq, long withdrawalId, long userId, WithdrawalState state, long deadlineMs);

    /**
     * A per-asset withdrawal setting took effect ({@code kind} is a withdrawal setting). {@code operatorId} is the
     * operator who set it, or for a loosening the second operator who approved it.
     */
    void withdrawalPolicySet(long seq, int assetId, PolicyKind kind, long value, long operatorId);

    /**
     * An operator paused new withdrawals of the asset, with a reason and a public explanation.
     */
    void withdrawalsPaused(long seq, int assetId, WithdrawalPauseReason reason, String explanation, long operatorId);

    /**
     * An operator resumed withdrawals of the asset.
     */
    void withdrawalsResumed(long seq, int assetId, long operatorId);

    /**
     * An operator asked to loosen a policy; it takes effect only when a different operator approves it before
     * {@code expiresAtMs}. For BLAST_RADIUS the asset is {@link Hold#NO_ASSET} and the proposed policy is
     * ({@code accountsMax}, {@code shareBpsMax}, window {@code value} ms); otherwise {@code value} is the new
     * setting of the asset and the two ints are 0.
     */
    void policyChangeProposed(long seq, long proposalId, PolicyKind kind, int assetId, long value, int accountsMax,
        int shareBpsMax, long operatorId, long expiresAtMs);

    /**
     * A second operator approved a proposed loosening; the event that sets the policy follows.
     */
    void policyChangeApproved(long seq, long proposalId, long operatorId);

    /**
     * A proposed loosening was not approved in time and is void.
     */
    void policyChangeExpired(long seq, long proposalId);

    /**
     * An approved mass action was not used up within its window; holds can no longer name it. {@code used} is how
     * many holds named it.
     */
    void massActionExpired(long seq, long actionId, int used);

    void orderAccepted(long seq, long orderId, long userId, int marketId, Side side, OrderType type,
        TimeInForce timeInForce, long price, long quantity, long quoteBudget, long clientOrderId, StpMode stpMode);

    /**
     * Right after {@link #orderAccepted} of an order placed with a client order label: {@code clientOrderId} as the
     * client wrote it (1..36 characters of {@code [.A-Z:/a-z0-9_-]}). An order placed without one has no such
     * event. {@code label} is valid during the call only (the engine passes on the command's bytes without copying
     * them): a listener that keeps it keeps {@code label.toString()}.
     */
    void orderLabelled(long seq, long orderId, long userId, long clientOrderId, CharSequence label);

    /**
     * One execution between a resting maker and a taker.
     *
     * @param quoteAmount    price times quantity, in quote minor units, before fees
     * @param makerFee       charged to the maker in the asset the maker received
     * @param takerFee       charged to the taker in the asset the taker received
     * @param makerRemaining the maker's open quantity after this trade
     * @param takerRemaining the taker's open quantity after this trade (for a market buy, 0 when its budget is
     *                       spent)
     */
    void trade(long seq, long tradeId, int marketId, long price, long quantity, long quoteAmount, long makerOrderId,
        long takerOrderId, long makerUserId, long takerUserId, Side takerSide, long makerFee, long takerFee,
        long makerRemaining, long takerRemaining);

    /** The order now rests on the book at {@code price} with {@code remaining} open quantity. */
    void orderRested(long seq, long orderId, long price, long remaining);

    void orderReduced(long seq, long orderId, long remaining);

    /** The resting order left its place in the queue for a new price; trades or a new rest follow. */
    void orderMoved(long seq, long orderId, long oldPrice, long newPrice);

    /** The order is finished; {@code remaining} is its quantity that never executed. */
    void orderDone(long seq, long orderId, OrderEndReason reason, long remaining);
}
