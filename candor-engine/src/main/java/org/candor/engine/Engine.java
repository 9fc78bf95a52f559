package org.candor.engine;

import java.util.List;
import java.util.function.LongSupplier;
import org.agrona.DirectBuffer;

/**
 * Candor's exchange state machine: assets, markets, users, the double-entry ledger, order books and matching,
 * deposits, withdrawals and holds. It is pure: no I/O, threads, clock, randomness or logging. Every command carries
 * the caller's client id, a command id that increases per client, and a timestamp (cluster time, epoch
 * milliseconds); every command emits its events to the {@link EngineEvents} sink and ends with one
 * {@code commandResult}. The same commands therefore give the same events and the same {@link #digest()} on every
 * replica, every replay and every version that keeps the semantics.
 *
 * <p>Rejections are values: a rejected command returns its {@link RejectReason}, emits only its result, and changes
 * nothing but the memory of command ids. A broken invariant throws {@link InvariantViolation} and the engine refuses
 * every command after it: better halted than wrong with money.
 *
 * <p>Not thread-safe: one thread owns an engine, as the cluster's service thread does.
 */
public final class Engine {
    /** The owner id of system accounts (custody, fees). User ids are positive. */
    public static final long SYSTEM_USER_ID = 0;
    /**
     * Order ids carry their store slot in this many low bits, so lookups need no hash map. 2^22 slots is twice the
     * largest order capacity the default configuration allows; the 41 bits above count orders for 70 years at
     * 1,000 orders a second.
     */
    public static final int ORDER_SLOT_BITS = 22;

    final EngineCapacity capacity;
    final Emitter emitter;
    final Digest digest = new Digest();
    final Users users;
    final Assets assets;
    final Ledger ledger;
    final OrderStore orders;
    final ClientOrderIndex clientOrders;
    final Market[] markets;
    final Trading trading;
    final Funds funds;
    final WithdrawalPolicy withdrawalPolicy;
    final WithdrawalAddresses addresses;
    final Velocity velocity;
    final Withdrawals withdrawals;
    final BlastRadius blastRadius;
    final Holds holds;
    final PolicyChanges policyChanges;
    final CommandMemory memory;
    private int marketCount;
    private boolean stopped;
    private long clientId;
    private long commandId;
    private long timestampMs;
    private long firstSeq;
    private RejectReason repeated;

    public Engine(final EngineCapacity capacity, final EngineEvents events) {
        this.capacity = capacity;
        this.emitter = new Emitter(events, 0);
        this.users = new Users(capacity.usersMax());
        this.assets = new Assets(capacity.assetsMax());
        this.ledger = new Ledger(capacity.accountsMax(), capacity.assetsMax(), users, emitter, digest);
        this.orders = new OrderStore(capacity.ordersMax());
        this.clientOrders = new ClientOrderIndex(1024);
        this.markets = new Market[capacity.marketsMax()];
        this.trading = new Trading(users, ledger, orders, clientOrders, markets, emitter, digest, capacity);
        this.funds = new Funds(users, ledger, emitter,
            new DepositMemory(capacity.depositRefsPerAsset(), capacity.assetsMax(), digest));
        this.withdrawalPolicy = new WithdrawalPolicy(capacity.assetsMax());
        this.addresses = new WithdrawalAddresses(users, emitter, digest);
        this.velocity = new Velocity(capacity.assetsMax(), digest);
        this.withdrawals = new Withdrawals(users, assets, ledger, emitter, digest, withdrawalPolicy, addresses,
            velocity, capacity);
        this.blastRadius = new BlastRadius(assets, ledger, emitter, digest);
        this.holds = new Holds(users, assets, ledger, emitter, digest, blastRadius, capacity);
        this.policyChanges = new PolicyChanges(assets, holds, blastRadius, withdrawalPolicy, emitter, digest);
        this.memory = new CommandMemory(capacity.clientsMax(), capacity.resultsPerClient());
    }

    // ---------------------------------------------------------------- listing and administration

    public RejectReason createAsset(final long client, final long command, final long nowMs, final int assetId,
        final String code, final int scale) {
        return run(client, command, nowMs, () -> assetId, () -> Admin.createAsset(this, assetId, code, scale));
    }

    /** Lists a market; see {@link MarketSpec} for the units and the exactness rule its terms must meet. */
    public RejectReason createMarket(final long client, final long command, final long nowMs, final int marketId,
        final String symbol, final int baseAssetId, final int quoteAssetId, final long tickSize, final long lotSize,
        final long minQuantity, final long maxQuantity, final long minNotional, final int makerFeeBps,
        final int takerFeeBps) {
        return run(client, command, nowMs, () -> marketId, () -> Admin.createMarket(this, marketId, symbol,
            baseAssetId, quoteAssetId, tickSize, lotSize, minQuantity, maxQuantity, minNotional, makerFeeBps,
            takerFeeBps));
    }

    /** Halts or resumes a market. A halted market rejects new orders and moves; cancels and reduces still work. */
    public RejectReason setMarketStatus(final long client, final long command, final long nowMs, final int marketId,
        final MarketStatus status) {
        return run(client, command, nowMs, () -> marketId, () -> Admin.setMarketStatus(this, marketId, status));
    }

    public RejectReason createUser(final long client, final long command, final long nowMs, final long userId) {
        return run(client, command, nowMs, () -> userId, () -> Admin.createUser(this, userId));
    }

    // ---------------------------------------------------------------- money in, money out, holds

    /** Credits a confirmed deposit (custody to available), once per asset and depositRef: see {@link Funds}. */
    public RejectReason deposit(final long client, final long command, final long nowMs, final long userId,
        final int assetId, final long amount, final long depositRef) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final RejectReason known = user == Users.NONE ? RejectReason.UNKNOWN_USER : knownAsset(assetId);
            return end(known != RejectReason.NONE ? known : funds.deposit(user, assetId, amount, depositRef),
                depositRef);
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /**
     * Requests a withdrawal to the user's allow-listed address {@code addressId}, checked in full now (decision 0010).
     * The reference is the withdrawal id, or the cause of WITHDRAWALS_PAUSED, ADDRESS_TIME_LOCKED, velocity limits
     */
    public RejectReason requestWithdrawal(final long client, final long command, final long nowMs, final long userId,
        final int assetId, final long amount, final long addressId) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final RejectReason known = user == Users.NONE ? RejectReason.UNKNOWN_USER : knownAsset(assetId);
            if (known != RejectReason.NONE) {
                return end(known, 0);
            }
            final long block = holds.blockingHold(user);
            return block != 0 ? end(RejectReason.ACCOUNT_BLOCKED, block)
                : end(withdrawals.request(user, assetId, amount, addressId, nowMs), withdrawals.lastReference());
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** An operator approves a withdrawal above its asset's approval threshold; it is ready for broadcast. */
    public RejectReason approveWithdrawal(final long client, final long command, final long nowMs,
        final long withdrawalId, final long operatorId) {
        return run(client, command, nowMs, withdrawals::lastReference,
            () -> withdrawals.approve(withdrawalId, operatorId, nowMs));
    }

    /** An operator turns down a withdrawal awaiting approval, with a justification; its funds return. */
    public RejectReason rejectWithdrawal(final long client, final long command, final long nowMs,
        final long withdrawalId, final long operatorId, final String justification) {
        return run(client, command, nowMs, withdrawals::lastReference,
            () -> withdrawals.reject(withdrawalId, operatorId, justification));
    }

    /** The chain edge claims a withdrawal ready to send (SENDING) before broadcasting; no cancel after that. */
    public RejectReason claimWithdrawal(final long client, final long command, final long nowMs,
        final long withdrawalId) {
        return run(client, command, nowMs, withdrawals::lastReference, () -> withdrawals.claim(withdrawalId, nowMs));
    }

    /** The chain edge sent the claimed withdrawal as {@code txRef}, paying network fee {@code fee} out of it. */
    public RejectReason markWithdrawalBroadcast(final long client, final long command, final long nowMs,
        final long withdrawalId, final String txRef, final long fee) {
        return run(client, command, nowMs, withdrawals::lastReference,
            () -> withdrawals.broadcast(withdrawalId, txRef, fee, nowMs));
    }

    /** The broadcast transaction confirmed (CONFIRMED): the funds leave the ledger for custody. */
    public RejectReason completeWithdrawal(final long client, final long command, final long nowMs,
        final long withdrawalId) {
        return run(client, command, nowMs, withdrawals::lastReference, () -> withdrawals.confirm(withdrawalId));
    }

    /** The withdrawal could not be sent or its transaction failed (FAILED): its funds return to available. */
    public RejectReason failWithdrawal(final long client, final long command, final long nowMs,
        final long withdrawalId, final WithdrawalFailure reason) {
        return run(client, command, nowMs, withdrawals::lastReference, () -> withdrawals.fail(withdrawalId, reason));
    }

    /** The owner cancels a withdrawal before it is broadcast: its funds return to available. */
    public RejectReason cancelWithdrawal(final long client, final long command, final long nowMs, final long userId,
        final long withdrawalId) {
        return run(client, command, nowMs, withdrawals::lastReference, () -> {
            final int user = users.slotOf(userId);
            return user == Users.NONE ? RejectReason.UNKNOWN_USER : withdrawals.cancel(withdrawalId, user);
        });
    }

    /** Allow-lists {@code address} for the asset; usable after the asset's time lock. Reference: the address id. */
    public RejectReason addWithdrawalAddress(final long client, final long command, final long nowMs,
        final long userId, final int assetId, final String address) {
        return run(client, command, nowMs, addresses::lastReference, () -> {
            final int user = users.slotOf(userId);
            final RejectReason known = user == Users.NONE ? RejectReason.UNKNOWN_USER : knownAsset(assetId);
            return known != RejectReason.NONE ? known : addresses.add(user, assetId, address, nowMs,
                withdrawalPolicy.get(PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, assetId));
        });
    }

    /** Takes an address off the user's allow-list. */
    public RejectReason removeWithdrawalAddress(final long client, final long command, final long nowMs,
        final long userId, final long addressId) {
        return run(client, command, nowMs, addresses::lastReference, () -> {
            final int user = users.slotOf(userId);
            return user == Users.NONE ? RejectReason.UNKNOWN_USER : addresses.remove(user, addressId);
        });
    }

    /** Sets a per-asset withdrawal setting; a loosening becomes a proposal (reference: its id; else 0). */
    public RejectReason setWithdrawalPolicy(final long client, final long command, final long nowMs,
        final int assetId, final PolicyKind kind, final long value, final long operatorId) {
        return run(client, command, nowMs, policyChanges::lastReference,
            () -> policyChanges.setWithdrawalPolicy(assetId, kind, value,
            operatorId, nowMs));
    }

    /** Pauses new withdrawals of an asset with a reason and a public explanation; one operator suffices. */
    public RejectReason pauseWithdrawals(final long client, final long command, final long nowMs, final int assetId,
        final WithdrawalPauseReason reason, final String explanation, final long operatorId) {
        return run(client, command, nowMs, () -> assetId,
            () -> withdrawals.pause(assetId, reason, explanation, operatorId));
    }

    /** Resumes withdrawals of a paused asset. */
    public RejectReason resumeWithdrawals(final long client, final long command, final long nowMs,
        final int assetId, final long operatorId) {
        return run(client, command, nowMs, () -> assetId, () -> withdrawals.resume(assetId, operatorId));
    }

    /** A second operator, not the proposer, approves a pending policy loosening; it takes effect now. */
    public RejectReason approvePolicyChange(final long client, final long command, final long nowMs,
        final long proposalId, final long operatorId) {
        return run(client, command, nowMs, policyChanges::lastReference,
            () -> policyChanges.approve(proposalId, operatorId));
    }

    /**
     * An operator restricts an AMOUNT of one asset or blocks a whole account (ACCOUNT_BLOCK: asset
     * {@link Hold#NO_ASSET}, amount 0), with a reason, a public explanation, a review deadline and what happens at
     * it. Account blocks and amounts above the asset's approval threshold wait for a second operator
     * ({@link #approveHold}); others take effect at once. The reference is the new hold id.
     */
    public RejectReason placeHold(final long client, final long command, final long nowMs, final long userId,
        final int assetId, final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            return end(user == Users.NONE ? RejectReason.UNKNOWN_USER : holds.place(user, assetId, amount, kind,
                reason, explanation, operatorId, nowMs, reviewDeadlineMs, releaseCondition, ticketRef, massActionId),
                holds.lastReference());
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** A second operator, not the one who placed it, approves a pending hold; it takes effect now. */
    public RejectReason approveHold(final long client, final long command, final long nowMs, final long holdId,
        final long operatorId) {
        return run(client, command, nowMs, holds::lastReference,
            () -> holds.approve(holdId, operatorId, nowMs));
    }

    /** An operator turns down a pending hold with a justification; it never restricted anything. */
    public RejectReason rejectHold(final long client, final long command, final long nowMs, final long holdId,
        final long operatorId, final String justification) {
        return run(client, command, nowMs, holds::lastReference,
            () -> holds.reject(holdId, operatorId, justification));
    }

    /** An operator releases a hold in force (ACTIVE or ESCALATED); held funds return to available. */
    public RejectReason releaseHold(final long client, final long command, final long nowMs, final long holdId,
        final long operatorId) {
        return run(client, command, nowMs, holds::lastReference,
            () -> holds.release(holdId, operatorId));
    }

    /** An operator gives a hold in force a new review deadline with a written justification; renewals count. */
    public RejectReason renewHold(final long client, final long command, final long nowMs, final long holdId,
        final long operatorId, final long newReviewDeadlineMs, final String justification) {
        return run(client, command, nowMs, holds::lastReference,
            () -> holds.renew(holdId, operatorId, newReviewDeadlineMs,
            justification, nowMs));
    }

    /**
     * Holds of the asset above {@code thresholdAmount} need a second operator; until set, every hold does. Lowering
     * it takes effect at once; raising it is a proposal that a second operator approves ({@link
     * #approvePolicyChange}), and the reference is then the proposal id (0 when applied at once).
     */
    public RejectReason setHoldApprovalThreshold(final long client, final long command, final long nowMs,
        final int assetId, final long thresholdAmount, final long operatorId) {
        return run(client, command, nowMs, policyChanges::lastReference,
            () -> policyChanges.setHoldApprovalThreshold(assetId, thresholdAmount,
            operatorId, nowMs));
    }

    /**
     * Sets the blast-radius limiter: at most {@code accountsMax} distinct accounts, and at most {@code shareBpsMax}
     * basis points of any asset's user balances, newly restricted per sliding window of {@code windowMs}; a window
     * of 0 turns the limiter off. It starts on (20 accounts an hour, no share limit). Tightening takes effect at
     * once; loosening (more accounts, a larger share, a shorter window, off) is a proposal for a second operator.
     */
    public RejectReason setBlastRadiusPolicy(final long client, final long command, final long nowMs,
        final int accountsMax, final int shareBpsMax, final long windowMs, final long operatorId) {
        return run(client, command, nowMs, policyChanges::lastReference,
            () -> policyChanges.setBlastRadiusPolicy(accountsMax, shareBpsMax,
            windowMs, operatorId, nowMs));
    }

    /** Proposes a mass action that may restrict up to {@code accountsMax} accounts beyond the blast-radius limit. */
    public RejectReason proposeMassAction(final long client, final long command, final long nowMs,
        final long actionId, final long operatorId, final int accountsMax, final String justification) {
        return run(client, command, nowMs, blastRadius::lastReference,
            () -> blastRadius.propose(actionId, operatorId, accountsMax,
            justification));
    }

    /** A second operator, not the proposer, approves a mass action; holds may name it from now on. */
    public RejectReason approveMassAction(final long client, final long command, final long nowMs,
        final long actionId, final long operatorId) {
        return run(client, command, nowMs, blastRadius::lastReference,
            () -> blastRadius.approve(actionId, operatorId, nowMs));
    }

    /**
     * Time passes: fires every deadline at or before {@code nowMs} (hold reviews, mass action and policy proposal
     * expiries, withdrawal service levels), earliest first, as a system
     * batch that ends with a {@code commandResult} of client 0 and command 0 carrying {@code nowMs} and, as its
     * reference, the number fired. Emits nothing when nothing is due. Returns the number fired. The cluster calls
     * it from a timer set at {@link #nextDeadlineMs()}; commands fire due deadlines themselves as well, so the
     * outcome never depends on when a timer arrives.
     */
    public int advanceTime(final long nowMs) {
        if (stopped) {
            throw new IllegalStateException("engine stopped after an invariant violation; restore and investigate");
        }
        return fireDeadlines(nowMs);
    }

    /** The earliest deadline still to fire, of any kind, or {@link Long#MAX_VALUE} when none is pending. */
    public long nextDeadlineMs() {
        return Math.min(Math.min(holds.nextDeadlineMs(), blastRadius.nextDeadlineMs()),
            Math.min(policyChanges.nextDeadlineMs(), withdrawals.nextDeadlineMs()));
    }

    // ---------------------------------------------------------------- orders

    /** Places an order without a client order label. */
    public RejectReason placeOrder(final long client, final long command, final long nowMs, final long userId,
        final int marketId, final Side side, final OrderType type, final TimeInForce timeInForce, final long price,
        final long quantity, final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        return placeOrder(client, command, nowMs, userId, marketId, side, type, timeInForce, price, quantity,
            quoteBudget, clientOrderId, stpMode, null);
    }

    /**
     * Places an order. LIMIT orders need a price and a quantity; MARKET sells need a quantity and MARKET buys a quote
     * budget (the other fields zero), both with IOC. A client order id of 0 means none; {@code label} (null: none) is
     * that id as the client wrote it, sent on in an order-labelled event. The result's reference is the new order id.
     */
    public RejectReason placeOrder(final long client, final long command, final long nowMs, final long userId,
        final int marketId, final Side side, final OrderType type, final TimeInForce timeInForce, final long price,
        final long quantity, final long quoteBudget, final long clientOrderId, final StpMode stpMode,
        final CharSequence label) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final Market market = market(marketId);
            RejectReason reason = knownUserAndMarket(user, market);
            if (reason == RejectReason.NONE && (side == null || type == null || timeInForce == null
                || stpMode == null || clientOrderId < 0 || !OrderRules.validLabel(label, clientOrderId))) {
                reason = RejectReason.INVALID_ARGUMENT;
            }
            final long block = reason == RejectReason.NONE ? holds.blockingHold(user) : 0;
            if (block != 0) {
                return end(RejectReason.ACCOUNT_BLOCKED, block);
            }
            if (reason == RejectReason.NONE) {
                reason = trading.place(user, market, side, type, timeInForce, price, quantity, quoteBudget,
                    clientOrderId, stpMode, label);
            }
            return end(reason, trading.lastOrderId());
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** Cancels an open order of the user, by order id, or by client order id when the order id is 0. */
    public RejectReason cancelOrder(final long client, final long command, final long nowMs, final long userId,
        final int marketId, final long orderId, final long clientOrderId) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final Market market = market(marketId);
            final RejectReason known = knownUserAndMarket(user, market);
            return end(known != RejectReason.NONE ? known : trading.cancel(user, market, orderId, clientOrderId),
                trading.lastOrderId());
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** Cancels every open order of the user in the market; the result's reference is how many were cancelled. */
    public RejectReason cancelAllOrders(final long client, final long command, final long nowMs, final long userId,
        final int marketId) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final Market market = market(marketId);
            final RejectReason known = knownUserAndMarket(user, market);
            return end(known, known != RejectReason.NONE ? 0 : trading.cancelAll(user, market));
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** Reduces an open order's quantity by {@code reduceBy} base minor units, keeping its priority. */
    public RejectReason reduceOrder(final long client, final long command, final long nowMs, final long userId,
        final int marketId, final long orderId, final long reduceBy) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final Market market = market(marketId);
            final RejectReason known = knownUserAndMarket(user, market);
            return end(known != RejectReason.NONE ? known : trading.reduce(user, market, orderId, reduceBy),
                orderId);
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** Moves an open order to a new price; it loses its priority and may trade if the new price crosses. */
    public RejectReason moveOrder(final long client, final long command, final long nowMs, final long userId,
        final int marketId, final long orderId, final long newPrice) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final int user = users.slotOf(userId);
            final Market market = market(marketId);
            final RejectReason known = knownUserAndMarket(user, market);
            final long block = known == RejectReason.NONE ? holds.blockingHold(user) : 0;
            if (block != 0) {
                return end(RejectReason.ACCOUNT_BLOCKED, block);
            }
            return end(known != RejectReason.NONE ? known : trading.move(user, market, orderId, newPrice), orderId);
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    // ---------------------------------------------------------------- command framing

    /** Runs one rare (not trading) command; {@code reference} reads what it acted on, or a rejection's cause. */
    private RejectReason run(final long client, final long command, final long nowMs, final LongSupplier reference,
        final HoldCommand action) {
        if (!begin(client, command, nowMs)) {
            return repeated;
        }
        try {
            final RejectReason reason = action.apply();
            return end(reason, reference.getAsLong());
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /** The body of a hold or limiter command, run between {@link #begin} and {@link #end}. */
    private interface HoldCommand {
        RejectReason apply();
    }

    /**
     * Fires due deadlines as a system batch; see {@link #advanceTime}. The four kinds are merged by time; at equal
     * times holds fire first, then mass actions, policy proposals and withdrawals, each kind by its own id order: a
     * total order, so every replica fires them identically.
     */
    private int fireDeadlines(final long nowMs) {
        if (nextDeadlineMs() > nowMs) {
            return 0;
        }
        try {
            final long batchFirstSeq = emitter.lastSeq() + 1;
            int fired = 0;
            for (long next = nextDeadlineMs(); next <= nowMs; next = nextDeadlineMs()) {
                if (holds.nextDeadlineMs() == next) {
                    holds.fireFirst();
                } else if (blastRadius.nextDeadlineMs() == next) {
                    blastRadius.fireFirst();
                } else if (policyChanges.nextDeadlineMs() == next) {
                    policyChanges.fireFirst();
                } else {
                    withdrawals.fireFirst();
                }
                fired++;
            }
            emitter.commandResult(0, 0, nowMs, RejectReason.NONE, fired, batchFirstSeq, false);
            return fired;
        } catch (RuntimeException e) {
            throw stop(e);
        }
    }

    /**
     * Starts a command. Review deadlines its timestamp has reached fire first, in their own batch, so that what a
     * command sees never depends on whether a timer arrived before it. Returns false when the command must not be
     * applied (a duplicate, a stale id, or no room for a new client); its result has then already been emitted and
     * is in {@link #repeated}.
     */
    private boolean begin(final long client, final long command, final long nowMs) {
        if (stopped) {
            throw new IllegalStateException("engine stopped after an invariant violation; restore and investigate");
        }
        fireDeadlines(nowMs);
        clientId = client;
        commandId = command;
        timestampMs = nowMs;
        firstSeq = emitter.lastSeq() + 1;
        final int check = command <= 0 ? CommandMemory.STALE : memory.check(client, command);
        if (check == CommandMemory.NEW) {
            return true;
        }
        if (check >= 0) {
            repeated = memory.reasonAt(check);
            emitter.commandResult(client, command, nowMs, repeated, memory.referenceAt(check),
                memory.firstSeqAt(check), true);
            return false;
        }
        repeated = check == CommandMemory.NO_CAPACITY ? RejectReason.CLIENTS_CAPACITY_REACHED
            : RejectReason.STALE_COMMAND_ID;
        emitter.commandResult(client, command, nowMs, repeated, 0, firstSeq, false);
        return false;
    }

    private RejectReason end(final RejectReason reason, final long reference) {
        // A rejection that names its cause (the blocking hold, the pause, the time lock, the limit, the deposit
        // already credited) carries it, so the user or the edge can read why; other rejections carry 0.
        final long resultReference = reason == RejectReason.NONE || reason.namesCause() ? reference : 0;
        memory.record(commandId, reason, resultReference, firstSeq);
        emitter.commandResult(clientId, commandId, timestampMs, reason, resultReference, firstSeq, false);
        return reason;
    }

    private RuntimeException stop(final RuntimeException cause) {
        stopped = true;
        return cause;
    }

    private RejectReason knownAsset(final int assetId) {
        return assets.exists(assetId) ? RejectReason.NONE : RejectReason.UNKNOWN_ASSET;
    }

    private static RejectReason knownUserAndMarket(final int userSlot, final Market market) {
        return userSlot == Users.NONE ? RejectReason.UNKNOWN_USER
            : market == null ? RejectReason.UNKNOWN_MARKET : RejectReason.NONE;
    }

    // ---------------------------------------------------------------- state: digest, audit, snapshot

    /**
     * The digest of the whole state: the incremental digest of every balance, order, hold, withdrawal, market,
     * asset and user, combined with the id counters, the event sequence and the command-id memory. Equal on every
     * replica after the same commands; equal after a snapshot is restored.
     */
    public long digest() {
        return combine(digest.value());
    }

    /** The same value as {@link #digest()}, rebuilt from scratch element by element (O(state)). */
    public long recomputeDigest() {
        return combine(new StateAudit(this).recomputeIncremental());
    }

    private long combine(final long incremental) {
        final long counters = Digest.hash(40, emitter.lastSeq(), trading.orderSeq(), trading.restSeq(),
            trading.tradeSeq(), withdrawals.withdrawalSeq(), holds.holdSeq());
        final long moreCounters = Digest.hash(41, addresses.addressSeq(), policyChanges.proposalSeq(), 0);
        return Digest.mix(incremental + Digest.mix(counters) + Digest.mix(moreCounters) + memory.hash());
    }

    /**
     * Checks every invariant from scratch: per asset all accounts sum to zero; no user bucket is negative;
     * IN_ORDERS, HELD and WITHDRAWING equal the open orders, active holds and pending withdrawals behind them;
     * books are sorted, uncrossed and in time priority; indices agree; the incremental digest is right. A
     * violation stops the engine.
     */
    public void checkInvariants() {
        try {
            new StateAudit(this).check();
        } catch (InvariantViolation e) {
            throw stop(e);
        }
    }

    /** Writes the whole state; {@link #restore} reads it back into an engine with an equal {@link #digest()}. */
    public void writeSnapshot(final SnapshotWriter out) {
        Snapshots.write(this, out);
    }

    /** An engine in the state of a snapshot, emitting to {@code events} from the snapshot's event sequence on. */
    public static Engine restore(final EngineCapacity capacity, final EngineEvents events,
        final DirectBuffer buffer, final int offset, final int length) {
        return Snapshots.read(capacity, events, buffer, offset, length);
    }

    // ---------------------------------------------------------------- queries

    /** The sequence number of the last event emitted. */
    public long lastEventSeq() {
        return emitter.lastSeq();
    }

    public boolean userExists(final long userId) {
        return users.slotOf(userId) != Users.NONE;
    }

    /** A user's balance in one bucket, or a system account's (user {@link #SYSTEM_USER_ID}, CUSTODY or FEES). */
    public long balance(final long userId, final int assetId, final Bucket bucket) {
        if (!assets.exists(assetId)) {
            return 0;
        }
        if (userId == SYSTEM_USER_ID) {
            return bucket == Bucket.CUSTODY ? ledger.custody(assetId)
                : bucket == Bucket.FEES ? ledger.fees(assetId) : 0;
        }
        final int user = users.slotOf(userId);
        final int account = user == Users.NONE || bucket.isSystem() ? Ledger.NONE : ledger.find(user, assetId);
        return account == Ledger.NONE ? 0 : ledger.balance(account, bucket);
    }

    public MarketStatus marketStatus(final int marketId) {
        final Market market = market(marketId);
        return market == null ? null : market.status();
    }

    public int openOrderCount(final long userId) {
        final int user = users.slotOf(userId);
        return user == Users.NONE ? 0 : users.openOrders(user);
    }

    /** Visits one side of a book in priority order (best price first, then time) without allocating. */
    public void forEachBookOrder(final int marketId, final Side side, final BookOrderVisitor visitor) {
        final Market market = market(marketId);
        if (market == null) {
            return;
        }
        final BookSide book = market.side(side);
        for (int level = book.levelCount() - 1; level >= 0; level--) {
            for (int slot = book.headAt(level); slot != OrderStore.NONE; slot = orders.next(slot)) {
                visitor.order(orders.id(slot), users.idOf(orders.userSlot(slot)),
                    orders.priceTicks(slot) * market.spec.tickSize, orders.remainingLots(slot) * market.spec.lotSize,
                    orders.clientOrderId(slot));
            }
        }
    }

    /** Visits up to {@code levelsMax} price levels of one side, best first: price, total quantity, order count. */
    public void forEachLevel(final int marketId, final Side side, final int levelsMax, final LevelVisitor visitor) {
        final Market market = market(marketId);
        if (market == null) {
            return;
        }
        final BookSide book = market.side(side);
        final int last = Math.max(0, book.levelCount() - levelsMax);
        for (int level = book.levelCount() - 1; level >= last; level--) {
            visitor.level(book.priceTicksAt(level) * market.spec.tickSize, book.lotsAt(level) * market.spec.lotSize,
                book.countAt(level));
        }
    }

    /** Open quantity of an open order, or -1 if the order is not open. */
    public long orderRemaining(final long orderId) {
        final int slot = orders.slotOf(orderId);
        return slot == OrderStore.NONE ? -1 : orders.remainingLots(slot) * markets[orders.market(slot)].spec.lotSize;
    }

    /** Price of an open order, or -1 if the order is not open. */
    public long orderPrice(final long orderId) {
        final int slot = orders.slotOf(orderId);
        return slot == OrderStore.NONE ? -1 : orders.priceTicks(slot) * markets[orders.market(slot)].spec.tickSize;
    }

    /** Live withdrawals (every state but the final ones), in id order. */
    public Iterable<Withdrawal> pendingWithdrawals() {
        return withdrawals.all();
    }

    /**
     * The 1-based position of a withdrawal in its asset's queue: among the withdrawals of the asset not yet
     * claimed for sending (REQUESTED, AWAITING_APPROVAL, APPROVED), in id order, which is the order of request. 0
     * when the withdrawal is unknown, ended, sending or broadcast.
     */
    public int withdrawalQueuePosition(final long withdrawalId) {
        return withdrawals.queuePosition(withdrawalId);
    }

    /** Live withdrawals, allow-lists, withdrawal settings, pauses and pending policy changes. */
    public WithdrawalView withdrawalView() {
        return new WithdrawalView(this);
    }

    /** Holds in force (ACTIVE or ESCALATED), in id order. */
    public List<Hold> activeHolds() {
        return holds.inForce();
    }

    /** Every hold the engine keeps: pending approval, active or escalated, in id order. */
    public Iterable<Hold> holds() {
        return holds.all();
    }

    /** A hold that is pending or in force, or null (unknown, released or rejected). */
    public Hold hold(final long holdId) {
        return holds.get(holdId);
    }

    /**
     * The holds that bear on a user's balance in one asset, in id order: its AMOUNT holds of that asset and every
     * ACCOUNT_BLOCK of the user, pending ones included (they restrict nothing yet but the user may see them coming).
     */
    public List<Hold> holdsOf(final long userId, final int assetId) {
        return holds.of(userId, assetId);
    }

    /** The amount a hold keeps in HELD now: its amount while an AMOUNT hold is in force, else 0. */
    public long heldAmount(final long holdId) {
        final Hold hold = holds.get(holdId);
        return hold == null ? 0 : hold.heldAmount();
    }

    /** How many WITHHELD_BY_LAW holds are in force: the state the law keeps from users is itself counted. */
    public int withheldByLawCount() {
        return holds.withheldByLawCount();
    }

    /** The id of an account block in force on the user (lowest first), or 0. */
    public long accountBlock(final long userId) {
        final int user = users.slotOf(userId);
        return user == Users.NONE ? 0 : holds.blockingHold(user);
    }

    /** The approval threshold of an asset's holds; 0 (the default) means every hold needs a second operator. */
    public long holdApprovalThreshold(final int assetId) {
        return assets.exists(assetId) ? holds.approvalThreshold(assetId) : 0;
    }

    /** A mass action by id, or null. */
    public MassAction massAction(final long actionId) {
        return blastRadius.massAction(actionId);
    }

    /** Receives one resting order; prices and quantities in minor units. */
    @FunctionalInterface
    public interface BookOrderVisitor {
        void order(long orderId, long userId, long price, long remaining, long clientOrderId);
    }

    /** Receives one price level; prices and quantities in minor units. */
    @FunctionalInterface
    public interface LevelVisitor {
        void level(long price, long quantity, int orders);
    }

    Market market(final int marketId) {
        return marketId >= 0 && marketId < markets.length ? markets[marketId] : null;
    }

    void addMarket(final Market market) {
        markets[market.spec.marketId] = market;
        marketCount++;
    }

    int marketCount() {
        return marketCount;
    }

    boolean isStopped() {
        return stopped;
    }
}
