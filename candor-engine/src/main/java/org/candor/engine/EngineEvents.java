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
 * <p>Every command ends with exactly one {@link #commandResult}. Events of a command come before its result.
 * Implementations must not call back into the engine and must not keep the {@code String} arguments' identity.
 */
public interface EngineEvents {

    /**
     * The outcome of one command. For a duplicate (a resend of a command already applied) nothing else is emitted
     * and the original outcome is repeated with {@code duplicate} set.
     *
     * @param reference the id the command created (order, withdrawal, hold), or 0
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

    void withdrawalRequested(long seq, long withdrawalId, long userId, int assetId, long amount);

    void withdrawalStateChanged(long seq, long withdrawalId, WithdrawalState state);

    void holdPlaced(long seq, long holdId, long userId, int assetId, long amount, HoldReason reason,
        long operatorId);

    void holdReleased(long seq, long holdId, long operatorId);

    void orderAccepted(long seq, long orderId, long userId, int marketId, Side side, OrderType type,
        TimeInForce timeInForce, long price, long quantity, long quoteBudget, long clientOrderId, StpMode stpMode);

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
