package org.candor.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.candor.engine.Engine;
import org.candor.engine.Hold;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.Withdrawal;
import org.candor.engine.WithdrawalAddress;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalState;

/**
 * A seeded source of realistic and deliberately wrong commands for a {@link Universe}: deposits (some repeating a
 * recent deposit reference, as a restarted chain edge does), limit orders of
 * every time in force near a drifting mid price, market orders, cancels, reduces, moves, withdrawals, holds with
 * approvals, rejections, renewals and account blocks, limiter policies and mass actions, timer ticks that advance
 * time, halts, and a share of commands the engine must refuse (off tick, off lot, unknown order, someone else's
 * order, too big).
 *
 * <p>To aim cancels and moves at live orders it reads the engine's books and pending withdrawals and holds before
 * each command. The stream is therefore a function of the seed and of the engine's behaviour: the same seed against
 * engines that behave the same gives the same commands. Randomness is fine here; it never enters the engine.
 */
public final class CommandGenerator {
    private static final long OPERATOR = 7;
    /** The second pair of eyes: approves what {@link #OPERATOR} places, most of the time. */
    private static final long APPROVER = 8;
    private static final ReleaseCondition[] CONDITIONS = ReleaseCondition.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final HoldReason[] HOLD_REASONS = HoldReason.values();
    /** Where each market's mid price starts, in ticks, by its position in the universe. */
    private static final long[] START_TICKS = {100, 40, 50};

    private final Random random;
    /**
     * Draws which deposits are sent again or reuse a reference, apart from {@link #random}, so that adding them left
     * the rest of every seed's stream as it was.
     */
    private final Random refs;
    private final Universe universe;
    private final long[] midTicks;
    private final TreeMap<Long, Long> withdrawalOwners = new TreeMap<>();
    private final List<LiveOrder> live = new ArrayList<>();
    /** Orders seen on a book earlier that have since ended, newest last: their ids are stale, their slots reused. */
    private final List<LiveOrder> gone = new ArrayList<>();
    private final List<Long> pendingWithdrawals = new ArrayList<>();
    /** The state of each pending withdrawal, so most lifecycle commands take the step its state allows. */
    private final TreeMap<Long, WithdrawalState> withdrawalStates = new TreeMap<>();
    private final List<Long> activeHolds = new ArrayList<>();
    private final List<Long> pendingHolds = new ArrayList<>();
    private final List<Long> massActions = new ArrayList<>();
    private final TreeSet<Integer> halted = new TreeSet<>();
    private long lastWithdrawalRequester;
    /** Proposal ids looked up after each command; a stream proposes far fewer loosenings than this. */
    private static final long PROPOSAL_IDS_PROBED = 300;
    private final List<WithdrawalAddress> addresses = new ArrayList<>();
    private final List<Long> proposals = new ArrayList<>();
    /** The last deposit reference handed out; references are 1, 2, 3, ... unless repeated on purpose. */
    private long depositRef;
    /** A deposit sent again is one of this many most recent; a reference used again is one of as many. */
    private static final int RECENT_DEPOSITS = 64;
    private final List<Command.Deposit> recentDeposits = new ArrayList<>();

    public CommandGenerator(final long seed, final Universe universe) {
        this.random = new Random(seed);
        this.refs = new Random(~seed);
        this.universe = universe;
        this.midTicks = new long[universe.markets().size()];
        for (int i = 0; i < midTicks.length; i++) {
            midTicks[i] = START_TICKS[i % START_TICKS.length];
        }
    }

    /** The commands that list the universe and fund every user; they need no engine to choose. */
    public List<Command> setup() {
        final List<Command> commands = new ArrayList<>();
        for (final AssetTerms asset : universe.assets()) {
            commands.add(new Command.CreateAsset(asset));
        }
        for (final MarketTerms market : universe.markets()) {
            commands.add(new Command.CreateMarket(market));
        }
        for (final long userId : universe.userIds()) {
            commands.add(new Command.CreateUser(userId));
        }
        for (final long userId : universe.userIds()) {
            for (final AssetTerms asset : universe.assets()) {
                final long amount = isPoor(userId) ? 2_000 + random.nextInt(3_000)
                    : 500_000 + random.nextInt(500_000);
                commands.add(new Command.Deposit(userId, asset.assetId(), amount, ++depositRef));
            }
        }
        return commands;
    }

    /**
     * With three users or more the last one is poor: small deposits, so its orders, moves, withdrawals and holds
     * regularly run into insufficient funds, which rich users never do.
     */
    private boolean isPoor(final long userId) {
        final List<Long> users = universe.userIds();
        return users.size() >= 3 && users.get(users.size() - 1) == userId;
    }

    /** The next command, chosen after looking at the engine's current books, withdrawals and holds. */
    public Command next(final Engine engine) {
        observe(engine);
        drift();
        if (!halted.isEmpty() && random.nextInt(10) == 0) {
            return new Command.SetMarketStatus(halted.first(), MarketStatus.TRADING);
        }
        final int roll = random.nextInt(1000);
        if (roll < 70) {
            return deposit();
        } else if (roll < 470) {
            return limitOrder(pickMarket());
        } else if (roll < 500) {
            return marketBuy(pickMarket());
        } else if (roll < 530) {
            return marketSell(pickMarket());
        } else if (roll < 640) {
            return cancel();
        } else if (roll < 660) {
            return new Command.CancelAll(pickUser(), pickMarket().marketId());
        } else if (roll < 710) {
            return reduce();
        } else if (roll < 790) {
            return move();
        } else if (roll < 860) {
            return withdrawal();
        } else if (roll < 935) {
            return hold();
        } else if (roll < 950) {
            return new Command.AdvanceTime(1 + random.nextInt(300));
        } else if (roll < 960) {
            return marketStatus();
        }
        return invalid();
    }

    private void observe(final Engine engine) {
        final List<LiveOrder> before = new ArrayList<>(live);
        live.clear();
        for (final MarketTerms market : universe.markets()) {
            for (final Side side : Side.values()) {
                engine.forEachBookOrder(market.marketId(), side, (orderId, userId, price, remaining, clientOrderId) ->
                    live.add(new LiveOrder(orderId, userId, market, side, price, remaining, clientOrderId)));
            }
            if (engine.marketStatus(market.marketId()) == MarketStatus.HALTED) {
                halted.add(market.marketId());
            } else {
                halted.remove(market.marketId());
            }
        }
        rememberGone(before);
        pendingWithdrawals.clear();
        withdrawalStates.clear();
        for (final Withdrawal withdrawal : engine.pendingWithdrawals()) {
            pendingWithdrawals.add(withdrawal.withdrawalId());
            withdrawalStates.put(withdrawal.withdrawalId(), withdrawal.state());
            withdrawalOwners.putIfAbsent(withdrawal.withdrawalId(), lastWithdrawalRequester);
        }
        withdrawalOwners.keySet().retainAll(pendingWithdrawals);
        addresses.clear();
        for (final long userId : universe.userIds()) {
            addresses.addAll(engine.withdrawalView().addressesOf(userId));
        }
        proposals.clear();
        for (long id = 1; id <= PROPOSAL_IDS_PROBED; id++) {
            if (engine.withdrawalView().policyChange(id) != null) {
                proposals.add(id);
            }
        }
        activeHolds.clear();
        pendingHolds.clear();
        for (final Hold hold : engine.holds()) {
            (hold.inForce() ? activeHolds : pendingHolds).add(hold.holdId());
        }
    }

    private void rememberGone(final List<LiveOrder> before) {
        final TreeSet<Long> liveIds = new TreeSet<>();
        for (final LiveOrder order : live) {
            liveIds.add(order.orderId());
        }
        for (final LiveOrder order : before) {
            if (!liveIds.contains(order.orderId())) {
                gone.add(order);
            }
        }
        while (gone.size() > 32) {
            gone.remove(0);
        }
    }

    /** Each market's mid price walks a tick at a time, within half and twice its start. */
    private void drift() {
        for (int i = 0; i < midTicks.length; i++) {
            if (random.nextInt(4) == 0) {
                final long start = START_TICKS[i % START_TICKS.length];
                midTicks[i] = Math.max(start / 2, Math.min(start * 2, midTicks[i] + random.nextInt(3) - 1));
            }
        }
    }

    /**
     * A deposit. One in twelve is a recent deposit sent again unchanged, as a chain edge re-sends the deposits of its
     * rescan window after a restart: refused while the asset remembers its reference, credited again once a tight
     * capacity forgot it. One in twenty-five takes a recent reference with new terms: refused in the same asset,
     * credited in another. One in fifty has a reference of 0 or below, which is never valid.
     */
    private Command deposit() {
        final long userId = pickUser();
        final long amount = random.nextInt(50) == 0 ? 0 : 1 + random.nextInt(isPoor(userId) ? 1_000 : 200_000);
        final int assetId = pickAsset();
        final int roll = refs.nextInt(300);
        if (roll < 25 && !recentDeposits.isEmpty()) {
            return recentDeposits.get(refs.nextInt(recentDeposits.size()));
        }
        final long ref;
        if (roll < 37 && depositRef > 0) {
            ref = depositRef - refs.nextInt((int) Math.min(depositRef, RECENT_DEPOSITS));
        } else if (roll < 43) {
            ref = -refs.nextInt(3);
        } else {
            ref = ++depositRef;
        }
        final Command.Deposit deposit = new Command.Deposit(userId, assetId, amount, ref);
        recentDeposits.add(deposit);
        if (recentDeposits.size() > RECENT_DEPOSITS) {
            recentDeposits.remove(0);
        }
        return deposit;
    }

    private Command limitOrder(final MarketTerms market) {
        final int roll = random.nextInt(100);
        final TimeInForce tif = roll < 60 ? TimeInForce.GTC : roll < 75 ? TimeInForce.IOC
            : roll < 87 ? TimeInForce.FOK : TimeInForce.POST_ONLY;
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long offset = random.nextInt(13) - 6 + (side == Side.BUY ? -1 : 1);
        final long ticks = Math.max(1, mid(market) + offset);
        final long lots = tif == TimeInForce.FOK && random.nextBoolean() ? 10 + random.nextInt(60) : lots();
        return Command.PlaceOrder.limit(pickUser(), market.marketId(), side, tif, ticks * market.tickSize(),
            lots * market.lotSize(), clientOrderId(), stp());
    }

    private Command marketBuy(final MarketTerms market) {
        final long budget = market.notional(mid(market) * market.tickSize(), lots() * market.lotSize())
            + random.nextInt(100);
        return Command.PlaceOrder.marketBuy(pickUser(), market.marketId(), budget, clientOrderId(), stp());
    }

    private Command marketSell(final MarketTerms market) {
        return Command.PlaceOrder.marketSell(pickUser(), market.marketId(), lots() * market.lotSize(),
            clientOrderId(), stp());
    }

    /** Mostly the owner cancelling by id or by client order id; sometimes a stranger, a stale id or a mismatch. */
    private Command cancel() {
        if (live.isEmpty()) {
            return new Command.CancelOrder(pickUser(), pickMarket().marketId(), 1 + random.nextInt(1 << 20), 0);
        }
        final int roll = random.nextInt(11);
        final LiveOrder order = roll == 10 && !gone.isEmpty() ? gone.get(random.nextInt(gone.size()))
            : live.get(random.nextInt(live.size()));
        final int marketId = order.market().marketId();
        if (roll < 6 || roll < 8 && order.clientOrderId() == 0) {
            return new Command.CancelOrder(order.userId(), marketId, order.orderId(), 0);
        } else if (roll < 8) {
            return new Command.CancelOrder(order.userId(), marketId, 0, order.clientOrderId());
        } else if (roll == 8) {
            return new Command.CancelOrder(otherUser(order.userId()), marketId, order.orderId(), 0);
        } else if (roll == 9) {
            return new Command.CancelOrder(order.userId(), marketId, order.orderId(), order.clientOrderId() + 1);
        }
        return new Command.CancelOrder(order.userId(), marketId, order.orderId(), 0);
    }

    private Command reduce() {
        if (live.isEmpty()) {
            return new Command.ReduceOrder(pickUser(), pickMarket().marketId(), 0, 100);
        }
        final LiveOrder order = live.get(random.nextInt(live.size()));
        final long lot = order.market().lotSize();
        final long lots = 1 + random.nextInt((int) Math.min(100, order.remaining() / lot + 1));
        final long reduceBy = random.nextInt(20) == 0 ? lots * lot + 1 : lots * lot;
        return new Command.ReduceOrder(order.userId(), order.market().marketId(), order.orderId(), reduceBy);
    }

    /**
     * Moves an order a few ticks either way, often across the spread, so moved orders trade as takers; now and
     * then far up, which sweeps the book and asks a buyer for a large extra reserve.
     */
    private Command move() {
        if (live.isEmpty()) {
            return new Command.MoveOrder(pickUser(), pickMarket().marketId(), 1, 100);
        }
        final LiveOrder order = random.nextInt(20) == 0 && !gone.isEmpty() ? gone.get(random.nextInt(gone.size()))
            : live.get(random.nextInt(live.size()));
        final MarketTerms market = order.market();
        final long near = order.price() / market.tickSize() + random.nextInt(15) - 7;
        final long ticks = Math.max(1, random.nextInt(40) == 0 ? near * 3 : near);
        final long price = random.nextInt(25) == 0 ? ticks * market.tickSize() + 1 : ticks * market.tickSize();
        final long userId = random.nextInt(25) == 0 ? otherUser(order.userId()) : order.userId();
        return new Command.MoveOrder(userId, market.marketId(), order.orderId(), price);
    }

    /**
     * The withdrawal lifecycle: allow-listing addresses, the time lock and the approval threshold changed (a
     * loosening is a proposal that the second operator, now and then the proposer, approves), requests to known and
     * unknown addresses, then per withdrawal most often the step its state allows (approve, claim, broadcast,
     * complete) and otherwise any step: claim, broadcast, completion, failure, an operator's rejection, and
     * cancellation by the owner and now and then by someone else.
     */
    private Command withdrawal() {
        final int roll = random.nextInt(20);
        if (roll < 2) {
            return new Command.AddWithdrawalAddress(pickUser(), pickAsset(), random.nextInt(15) == 0 ? "bad address"
                : "addr" + random.nextInt(40));
        } else if (roll < 3) {
            if (random.nextBoolean()) {
                final long[] thresholds = {0, 50_000, ReferenceWithdrawals.NO_LIMIT};
                return new Command.SetWithdrawalPolicy(pickAsset(), PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD,
                    thresholds[random.nextInt(thresholds.length)], OPERATOR);
            }
            final long[] locks = {0, 50, 300, 24 * 3_600_000L};
            return new Command.SetWithdrawalPolicy(pickAsset(), PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK,
                locks[random.nextInt(locks.length)], OPERATOR);
        } else if (roll < 4) {
            final long proposal = proposals.isEmpty() || random.nextInt(10) == 0 ? 1 + random.nextInt(20)
                : proposals.get(random.nextInt(proposals.size()));
            return new Command.ApprovePolicyChange(proposal, random.nextInt(6) == 0 ? OPERATOR : APPROVER);
        } else if (roll < 10 || pendingWithdrawals.isEmpty()) {
            return request();
        }
        final long withdrawalId = random.nextInt(20) == 0 ? 10_000 + random.nextInt(100)
            : pendingWithdrawals.get(random.nextInt(pendingWithdrawals.size()));
        if (roll < 12) {
            return nextStep(withdrawalId, withdrawalStates.get(withdrawalId));
        } else if (roll < 13) {
            return new Command.ClaimWithdrawal(withdrawalId);
        } else if (roll < 14) {
            return broadcast(withdrawalId);
        } else if (roll < 15) {
            return new Command.CompleteWithdrawal(withdrawalId);
        } else if (roll < 16) {
            final WithdrawalFailure[] reasons = WithdrawalFailure.values();
            return new Command.FailWithdrawal(withdrawalId, reasons[random.nextInt(reasons.length)]);
        } else if (roll < 17) {
            return new Command.RejectWithdrawal(withdrawalId, random.nextInt(10) == 0 ? 0 : OPERATOR,
                random.nextInt(10) == 0 ? " " : "Destination flagged");
        }
        final long owner = withdrawalOwners.getOrDefault(withdrawalId, pickUser());
        return new Command.CancelWithdrawal(random.nextInt(5) == 0 ? otherUser(owner) : owner, withdrawalId);
    }

    /** The command that moves a withdrawal on from its state; an unknown one is claimed (and refused). */
    private Command nextStep(final long withdrawalId, final WithdrawalState state) {
        if (state == null) {
            return new Command.ClaimWithdrawal(withdrawalId);
        }
        return switch (state) {
            case AWAITING_APPROVAL -> new Command.ApproveWithdrawal(withdrawalId, random.nextInt(10) == 0 ? 0
                : APPROVER);
            case SENDING -> broadcast(withdrawalId);
            case BROADCAST -> new Command.CompleteWithdrawal(withdrawalId);
            default -> new Command.ClaimWithdrawal(withdrawalId);
        };
    }

    private Command broadcast(final long withdrawalId) {
        return new Command.MarkWithdrawalBroadcast(withdrawalId, random.nextInt(20) == 0 ? "" : "0xtx"
            + random.nextInt(20), random.nextInt(3) == 0 ? 0 : random.nextInt(50));
    }

    /** A request to one of the user's addresses for the asset, now and then to someone else's or to none. */
    private Command request() {
        final long amount = random.nextInt(30) == 0 ? 0 : 1 + random.nextInt(100_000);
        if (addresses.isEmpty() || random.nextInt(10) == 0) {
            lastWithdrawalRequester = pickUser();
            return new Command.RequestWithdrawal(lastWithdrawalRequester, pickAsset(), amount, random.nextInt(5));
        }
        final WithdrawalAddress to = addresses.get(random.nextInt(addresses.size()));
        lastWithdrawalRequester = random.nextInt(15) == 0 ? otherUser(to.userId()) : to.userId();
        return new Command.RequestWithdrawal(lastWithdrawalRequester, to.assetId(), amount, to.addressId());
    }

    /**
     * Hold commands as operators send them: placements of amounts and account blocks with deadlines a few hundred
     * milliseconds ahead (so they fall due within the stream), approvals mostly by the second operator and now and
     * then by the placer, rejections, releases, renewals, thresholds, blast-radius policies and mass actions, with
     * a share of bad terms the engine must refuse.
     */
    private Command hold() {
        final int roll = random.nextInt(100);
        if (roll < 36) {
            return placeHold(roll >= 30);
        } else if (roll < 56) {
            return new Command.ApproveHold(pickHold(pendingHolds), random.nextInt(8) == 0 ? OPERATOR : APPROVER);
        } else if (roll < 62) {
            return new Command.RejectHold(pickHold(pendingHolds), APPROVER, random.nextInt(10) == 0 ? "" : "No basis");
        } else if (roll < 77) {
            return new Command.ReleaseHold(pickHold(random.nextInt(8) == 0 ? pendingHolds : activeHolds), OPERATOR);
        } else if (roll < 85) {
            return new Command.RenewHold(pickHold(activeHolds), APPROVER, deadlineAfter(), "Still under review");
        } else if (roll < 90) {
            final long[] thresholds = {0, 1_000, 20_000, 1L << 62, -1};
            return new Command.SetHoldApprovalThreshold(pickAsset(), thresholds[random.nextInt(thresholds.length)],
                OPERATOR);
        } else if (roll < 94) {
            final long window = random.nextInt(3) == 0 ? 0 : 50 + random.nextInt(450);
            return new Command.SetBlastRadiusPolicy(random.nextInt(6), 500 * random.nextInt(7) - 1 + random.nextInt(2),
                window, OPERATOR);
        } else if (roll < 97 || massActions.isEmpty()) {
            final long actionId = random.nextInt(10) == 0 && !massActions.isEmpty() ? massActions.get(0)
                : massActions.size() + 1;
            massActions.add(actionId);
            return new Command.ProposeMassAction(actionId, OPERATOR, 1 + random.nextInt(3), "Incident response");
        }
        return new Command.ApproveMassAction(massActions.get(random.nextInt(massActions.size())),
            random.nextInt(6) == 0 ? OPERATOR : APPROVER);
    }

    private Command placeHold(final boolean block) {
        final HoldReason reason = HOLD_REASONS[random.nextInt(HOLD_REASONS.length)];
        final String explanation = random.nextInt(25) == 0 ? " " : reason == HoldReason.WITHHELD_BY_LAW
            && random.nextInt(10) != 0 ? HoldPolicy.WITHHELD_BY_LAW_EXPLANATION : "Review of " + reason;
        final ReleaseCondition condition = reason == HoldReason.OPERATIONAL_INCIDENT && random.nextInt(10) != 0
            ? ReleaseCondition.AUTO_RELEASE_AT_DEADLINE : CONDITIONS[random.nextInt(CONDITIONS.length)];
        final long massActionId = random.nextInt(8) == 0 ? random.nextInt(massActions.size() + 2) : 0;
        final long operator = random.nextInt(30) == 0 ? 0 : OPERATOR;
        if (block) {
            return new Command.PlaceHold(pickUser(), Hold.NO_ASSET, 0, HoldKind.ACCOUNT_BLOCK, reason, explanation,
                operator, deadlineAfter(), condition, random.nextInt(100), massActionId);
        }
        final long amount = random.nextInt(30) == 0 ? 0 : 1 + random.nextInt(50_000);
        return new Command.PlaceHold(pickUser(), pickAsset(), amount, HoldKind.AMOUNT, reason, explanation, operator,
            deadlineAfter(), condition, 0, massActionId);
    }

    /** Mostly a few hundred milliseconds ahead, so deadlines fall due within a stream; sometimes out of bounds. */
    private long deadlineAfter() {
        final int roll = random.nextInt(40);
        return roll == 0 ? 0 : roll == 1 ? HoldPolicy.REVIEW_AHEAD_MS_MAX + 1 : 1 + random.nextInt(400);
    }

    /** A hold from the list, or now and then an id no hold has. */
    private long pickHold(final List<Long> holds) {
        return holds.isEmpty() || random.nextInt(20) == 0 ? 10_000 + random.nextInt(10)
            : holds.get(random.nextInt(holds.size()));
    }

    /** Halts a market now and then (or resumes one already trading); {@link #next} resumes halted ones soon. */
    private Command marketStatus() {
        final MarketTerms market = pickMarket();
        return new Command.SetMarketStatus(market.marketId(),
            random.nextInt(3) == 0 ? MarketStatus.TRADING : MarketStatus.HALTED);
    }

    /** Commands the engine must refuse, each for one clear reason. */
    private Command invalid() {
        return random.nextBoolean() ? invalidOrder() : invalidOther();
    }

    private Command invalidOrder() {
        final MarketTerms market = pickMarket();
        final long price = mid(market) * market.tickSize();
        final long quantity = lots() * market.lotSize();
        final long userId = pickUser();
        final int marketId = market.marketId();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        switch (random.nextInt(10)) {
            case 0:
                return Command.PlaceOrder.limit(userId, marketId, side, TimeInForce.GTC, price + 1, quantity, 0,
                    StpMode.NONE);
            case 1:
                return Command.PlaceOrder.limit(userId, marketId, side, TimeInForce.GTC, price, quantity + 1, 0,
                    StpMode.NONE);
            case 2:
                return Command.PlaceOrder.limit(userId, marketId, Side.BUY, TimeInForce.GTC, price * 1000,
                    market.maxQuantity(), 0, StpMode.NONE);
            case 3:
                return Command.PlaceOrder.limit(userId, marketId, side, TimeInForce.IOC, price,
                    market.maxQuantity() + market.lotSize(), 0, StpMode.NONE);
            case 4:
                return new Command.PlaceOrder(userId, marketId, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0,
                    quantity, 0, 0, StpMode.NONE);
            case 5:
                return new Command.PlaceOrder(userId, marketId, side, OrderType.MARKET, TimeInForce.FOK, 0,
                    side == Side.SELL ? quantity : 0, side == Side.BUY ? 10_000 : 0, 0, StpMode.NONE);
            case 6:
                return Command.PlaceOrder.limit(userId, marketId, side, TimeInForce.GTC, random.nextInt(2) * -price,
                    quantity, 0, StpMode.NONE);
            case 7:
                return Command.PlaceOrder.limit(userId, marketId, side, TimeInForce.GTC,
                    Long.MAX_VALUE / market.tickSize() / 2 * market.tickSize(), market.maxQuantity(), 0,
                    StpMode.NONE);
            case 8:
                return Command.PlaceOrder.marketBuy(userId, marketId, (1L << 62) + 1, 0, StpMode.NONE);
            default:
                return Command.PlaceOrder.limit(userId, marketId, Side.SELL, TimeInForce.GTC, price,
                    market.lotSize(), 0, StpMode.NONE);
        }
    }

    private Command invalidOther() {
        final MarketTerms market = pickMarket();
        final long price = mid(market) * market.tickSize();
        final long userId = pickUser();
        switch (random.nextInt(7)) {
            case 0:
                return new Command.CancelOrder(userId, market.marketId(), 12_345, 0);
            case 1:
                return Command.PlaceOrder.limit(999, market.marketId(), Side.BUY, TimeInForce.GTC, price,
                    market.minQuantity(), 0, StpMode.NONE);
            case 2:
                return new Command.MoveOrder(userId, universe.markets().size() + 3, 1, price);
            case 3:
                return new Command.Deposit(userId, pickAsset(), 1L << 62, ++depositRef);
            case 4:
                return new Command.PlaceHold(userId, universe.assets().size() + 2, 100, HoldKind.AMOUNT,
                    HoldReason.COURT_ORDER, "Court order", OPERATOR, 100, ReleaseCondition.OPERATOR_RELEASE, 0, 0);
            case 5:
                return new Command.RequestWithdrawal(userId, pickAsset(), 1L << 61,
                    addresses.isEmpty() ? 0 : addresses.get(0).addressId());
            default:
                return cancelByClientOrderIdInAnotherMarket(userId);
        }
    }

    /** Client order ids are per user across markets, but a cancel by one must name the order's own market. */
    private Command cancelByClientOrderIdInAnotherMarket(final long userId) {
        for (final LiveOrder order : live) {
            if (order.clientOrderId() != 0) {
                final int other = (universe.markets().indexOf(order.market()) + 1) % universe.markets().size();
                return new Command.CancelOrder(order.userId(), universe.markets().get(other).marketId(), 0,
                    order.clientOrderId());
            }
        }
        return new Command.CancelOrder(userId, pickMarket().marketId(), 0, 41);
    }

    private long mid(final MarketTerms market) {
        return midTicks[universe.markets().indexOf(market)];
    }

    /** Mostly small orders, sometimes large ones that sweep several levels. */
    private long lots() {
        return random.nextInt(8) == 0 ? 20 + random.nextInt(60) : 1 + random.nextInt(20);
    }

    /** Half the orders carry a client order id from a small range, so duplicates happen and are refused. */
    private long clientOrderId() {
        return random.nextBoolean() ? 0 : 1 + random.nextInt(40);
    }

    private StpMode stp() {
        return random.nextBoolean() ? StpMode.NONE : STP_MODES[random.nextInt(STP_MODES.length)];
    }

    private MarketTerms pickMarket() {
        return universe.markets().get(random.nextInt(universe.markets().size()));
    }

    /**
     * A third of the commands come from the first two users, the busy market makers, so a user's own resting
     * orders are often in its way and self-trade prevention is really exercised.
     */
    private long pickUser() {
        final List<Long> users = universe.userIds();
        if (random.nextInt(3) == 0) {
            return users.get(random.nextInt(Math.min(2, users.size())));
        }
        return users.get(random.nextInt(users.size()));
    }

    private long otherUser(final long userId) {
        final List<Long> users = universe.userIds();
        return users.get((users.indexOf(userId) + 1 + random.nextInt(Math.max(1, users.size() - 1))) % users.size());
    }

    private int pickAsset() {
        return universe.assets().get(random.nextInt(universe.assets().size())).assetId();
    }

    /** A resting order as the generator saw it on the engine's book. */
    private record LiveOrder(long orderId, long userId, MarketTerms market, Side side, long price, long remaining,
        long clientOrderId) {
    }
}
