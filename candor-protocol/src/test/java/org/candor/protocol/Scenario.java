package org.candor.protocol;

import java.util.ArrayList;
import java.util.List;
import org.candor.engine.Hold;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;

/**
 * A realistic session on a BTC/USDT market that uses every command and makes the engine emit every kind of event:
 * listings, users, deposits, resting orders, a crossing order with trades and fees, a market buy, reduce, move,
 * cancels, self-trade prevention, a halt, withdrawals that complete, fail and are cancelled, holds placed, approved
 * (not by their placer), rejected, renewed, escalated and released by an operator and by their deadline, an
 * account block, the approval threshold, the blast-radius policy and a mass action, a resent command, and a few
 * rejections.
 *
 * <p>Units: BTC has scale 8 and USDT scale 6; prices are USDT minor units per whole BTC, quantities BTC minor units.
 */
final class Scenario {
    static final int BTC = 1;
    static final int USDT = 2;
    static final int MARKET = 1;
    static final long MAKER = 101;
    static final long TAKER = 102;
    static final long BUYER = 103;
    static final long OPERATOR = 77;
    static final long APPROVER = 78;
    static final long CLIENT = 5;
    static final long HOUR_MS = 3_600_000;

    private final Commands c;
    private final RecordingEvents recorded;
    private final List<RejectReason> results = new ArrayList<>();
    private long commandId;
    /** Added to every command's time, to jump over time locks and deadlines. */
    private long skewMs;

    private Scenario(final Commands commands, final RecordingEvents recorded) {
        this.c = commands;
        this.recorded = recorded;
    }

    /** Runs the scenario and returns every command's answer, in order. */
    static List<RejectReason> run(final Commands commands, final RecordingEvents recorded) {
        final Scenario s = new Scenario(commands, recorded);
        s.listAndFund();
        s.trade();
        s.manageOrders();
        s.moveMoney();
        s.holds();
        s.timePasses();
        return s.results;
    }

    private static long usdt(final long whole) {
        return whole * 1_000_000L;
    }

    private static long btcMinor(final long tenThousandths) {
        return tenThousandths * 10_000L;
    }

    private long next() {
        return ++commandId;
    }

    private long now() {
        return 1_700_000_000_000L + skewMs + commandId * 7;
    }

    private void add(final RejectReason reason) {
        results.add(reason);
    }

    private void listAndFund() {
        add(c.createAsset(CLIENT, next(), now(), BTC, "BTC", 8));
        add(c.createAsset(CLIENT, next(), now(), USDT, "USDT", 6));
        add(c.createMarket(CLIENT, next(), now(), MARKET, "BTCUSDT", BTC, USDT, 10_000, 10_000, 10_000,
            100_000_000_000L, 1_000_000, 10, 20));
        add(c.createUser(CLIENT, next(), now(), MAKER));
        add(c.createUser(CLIENT, next(), now(), TAKER));
        add(c.createUser(CLIENT, next(), now(), BUYER));
        // A resend of the last command: the engine answers with the original result, marked duplicate.
        add(c.createUser(CLIENT, commandId, now(), BUYER));
        add(c.deposit(CLIENT, next(), now(), MAKER, BTC, 200_000_000L, 9001));
        add(c.deposit(CLIENT, next(), now(), TAKER, USDT, usdt(100_000), 9002));
        add(c.deposit(CLIENT, next(), now(), BUYER, USDT, usdt(50_000), 9003));
        add(c.deposit(CLIENT, next(), now(), 999, USDT, usdt(1), 9004));
    }

    private void trade() {
        add(limit(MAKER, Side.SELL, TimeInForce.GTC, usdt(30_000), btcMinor(5_000), 1));
        add(limit(MAKER, Side.SELL, TimeInForce.GTC, usdt(30_100), btcMinor(3_000), 2));
        add(limit(TAKER, Side.BUY, TimeInForce.GTC, usdt(29_900), btcMinor(2_000), 7));
        // Crosses both asks: 0.5 BTC at 30,000 and 0.1 BTC at 30,100, paying maker and taker fees.
        add(limit(TAKER, Side.BUY, TimeInForce.IOC, usdt(30_100), btcMinor(6_000), 8));
        // Spends a quote budget against what is left at 30,100; the unspendable remainder expires.
        add(c.placeOrder(CLIENT, next(), now(), BUYER, MARKET, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
            usdt(1_000), 0, StpMode.NONE));
        add(limit(TAKER, Side.BUY, TimeInForce.POST_ONLY, usdt(30_100), btcMinor(100), 9));
        add(limit(TAKER, Side.BUY, TimeInForce.FOK, usdt(30_100), btcMinor(9_000), 10));
        add(c.placeOrder(CLIENT, next(), now(), MAKER, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            usdt(30_100), btcMinor(100), 0, 11, StpMode.EXPIRE_TAKER));
        add(c.placeOrder(CLIENT, next(), now(), MAKER, MARKET, null, OrderType.LIMIT, TimeInForce.GTC,
            usdt(30_100), btcMinor(100), 0, 12, StpMode.NONE));
        // A client order id as the client wrote it travels with the order; an invalid one is refused.
        add(c.placeOrder(CLIENT, next(), now(), TAKER, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
            usdt(29_000), btcMinor(100), 0, 13, StpMode.NONE, "x-grid.bot:42"));
        add(c.placeOrder(CLIENT, next(), now(), TAKER, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
            usdt(29_000), btcMinor(100), 0, 14, StpMode.NONE, "not a client order id"));
    }

    private void manageOrders() {
        add(limit(MAKER, Side.SELL, TimeInForce.GTC, usdt(31_000), btcMinor(2_000), 20));
        final long ask = recorded.lastReference();
        add(c.reduceOrder(CLIENT, next(), now(), MAKER, MARKET, ask, btcMinor(500)));
        add(c.moveOrder(CLIENT, next(), now(), MAKER, MARKET, ask, usdt(30_500)));
        add(c.cancelOrder(CLIENT, next(), now(), TAKER, MARKET, 0, 7));
        add(limit(MAKER, Side.SELL, TimeInForce.GTC, usdt(32_000), btcMinor(1_000), 21));
        add(c.cancelAllOrders(CLIENT, next(), now(), MAKER, MARKET));
        add(c.setMarketStatus(CLIENT, next(), now(), MARKET, MarketStatus.HALTED));
        add(limit(TAKER, Side.BUY, TimeInForce.GTC, usdt(29_000), btcMinor(100), 22));
        add(c.setMarketStatus(CLIENT, next(), now(), MARKET, MarketStatus.TRADING));
        add(c.cancelOrder(CLIENT, next(), now(), TAKER, MARKET, 12_345, 0));
    }

    /**
     * Addresses (one too young, one removed), a withdrawal above the approval threshold approved, broadcast and
     * confirmed, one failed, one cancelled, one rejected, a pause, the velocity limit, and one left to miss its
     * deadline when time passes.
     */
    private void moveMoney() {
        add(c.addWithdrawalAddress(CLIENT, next(), now(), MAKER, USDT, "0xMakerUsdtWallet"));
        final long makerAddress = recorded.lastReference();
        add(c.addWithdrawalAddress(CLIENT, next(), now(), TAKER, BTC, "bc1qtakerwallet"));
        final long takerAddress = recorded.lastReference();
        add(c.addWithdrawalAddress(CLIENT, next(), now(), BUYER, USDT, "0xBuyerWallet"));
        add(c.removeWithdrawalAddress(CLIENT, next(), now(), BUYER, recorded.lastReference()));
        add(c.requestWithdrawal(CLIENT, next(), now(), MAKER, USDT, usdt(1_000), makerAddress));
        skewMs += 25 * HOUR_MS;
        add(c.setWithdrawalPolicy(CLIENT, next(), now(), USDT, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD, usdt(500),
            OPERATOR));
        add(c.requestWithdrawal(CLIENT, next(), now(), MAKER, USDT, usdt(1_000), makerAddress));
        final long approved = recorded.lastReference();
        add(c.approveWithdrawal(CLIENT, next(), now(), approved, APPROVER));
        add(c.markWithdrawalBroadcast(CLIENT, next(), now(), approved, "0x5e1f", 2_000_000));
        add(c.claimWithdrawal(CLIENT, next(), now(), approved));
        add(c.cancelWithdrawal(CLIENT, next(), now(), MAKER, approved));
        add(c.markWithdrawalBroadcast(CLIENT, next(), now(), approved, "0x5e1f", 2_000_000));
        add(c.completeWithdrawal(CLIENT, next(), now(), approved));
        add(c.requestWithdrawal(CLIENT, next(), now(), TAKER, BTC, btcMinor(1_000), takerAddress));
        add(c.failWithdrawal(CLIENT, next(), now(), recorded.lastReference(), WithdrawalFailure.DROPPED));
        add(c.requestWithdrawal(CLIENT, next(), now(), TAKER, BTC, btcMinor(1_000), takerAddress));
        add(c.cancelWithdrawal(CLIENT, next(), now(), TAKER, recorded.lastReference()));
        add(c.requestWithdrawal(CLIENT, next(), now(), MAKER, USDT, usdt(600), makerAddress));
        add(c.rejectWithdrawal(CLIENT, next(), now(), recorded.lastReference(), OPERATOR, "Destination flagged"));
        add(c.pauseWithdrawals(CLIENT, next(), now(), BTC, WithdrawalPauseReason.NETWORK_INCIDENT,
            "Bitcoin node upgrade", OPERATOR));
        add(c.requestWithdrawal(CLIENT, next(), now(), TAKER, BTC, 10_000, takerAddress));
        add(c.resumeWithdrawals(CLIENT, next(), now(), BTC, OPERATOR));
        add(c.requestWithdrawal(CLIENT, next(), now(), MAKER, USDT, usdt(10_000_000), makerAddress));
        add(c.setWithdrawalPolicy(CLIENT, next(), now(), BTC, PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT,
            btcMinor(1_500), OPERATOR));
        add(c.requestWithdrawal(CLIENT, next(), now(), TAKER, BTC, btcMinor(2_000), takerAddress));
        add(c.requestWithdrawal(CLIENT, next(), now(), TAKER, BTC, btcMinor(500), takerAddress));
        add(c.requestWithdrawal(CLIENT, next(), now(), BUYER, USDT, usdt(1), 0));
    }

    /** Two days pass: the open withdrawal misses its deadline, the blast-radius proposal and the mass action expire. */
    private void timePasses() {
        skewMs += 48 * HOUR_MS;
        add(c.createUser(CLIENT, next(), now(), 104));
    }

    /** Deadlines lie a few commands ahead, since every command here is 7 ms after the one before. */
    private void holds() {
        add(c.setHoldApprovalThreshold(CLIENT, next(), now(), USDT, usdt(50), OPERATOR));
        final long raise = recorded.lastReference();
        add(c.approvePolicyChange(CLIENT, next(), now(), raise, OPERATOR));
        add(c.approvePolicyChange(CLIENT, next(), now(), raise, APPROVER));
        add(c.placeHold(CLIENT, next(), now(), BUYER, USDT, usdt(100), HoldKind.AMOUNT, HoldReason.COMPLIANCE_REVIEW,
            "Revue de conformité : dépôt élevé ✓", OPERATOR, now() + 1_000, ReleaseCondition.OPERATOR_RELEASE, 4242,
            0));
        final long pending = recorded.lastReference();
        add(c.approveHold(CLIENT, next(), now(), pending, OPERATOR));
        add(c.approveHold(CLIENT, next(), now(), pending, APPROVER));
        add(c.renewHold(CLIENT, next(), now(), pending, APPROVER, now() + 10, "Waiting for the user's documents"));
        add(c.placeHold(CLIENT, next(), now(), BUYER, USDT, usdt(10), HoldKind.AMOUNT,
            HoldReason.OPERATIONAL_INCIDENT, "Wallet maintenance", OPERATOR, now() + 3,
            ReleaseCondition.AUTO_RELEASE_AT_DEADLINE, 0, 0));
        add(c.placeHold(CLIENT, next(), now(), TAKER, Hold.NO_ASSET, 0, HoldKind.ACCOUNT_BLOCK,
            HoldReason.WITHHELD_BY_LAW, "Withheld by law", OPERATOR, now() + 100_000,
            ReleaseCondition.OPERATOR_RELEASE, 0, 0));
        add(c.rejectHold(CLIENT, next(), now(), recorded.lastReference(), APPROVER, "Not enough evidence"));
        add(c.placeHold(CLIENT, next(), now(), BUYER, USDT, usdt(10), HoldKind.AMOUNT, HoldReason.COURT_ORDER, " ",
            OPERATOR, now() + 1_000, ReleaseCondition.OPERATOR_RELEASE, 0, 0));
        // Tighter at once; the shorter window is a loosening that nobody approves, so it expires.
        add(c.setBlastRadiusPolicy(CLIENT, next(), now(), 15, 10_000, 3_600_000, OPERATOR));
        add(c.setBlastRadiusPolicy(CLIENT, next(), now(), 10, 5_000, 60_000, OPERATOR));
        add(c.proposeMassAction(CLIENT, next(), now(), 9, OPERATOR, 2, "Exchange-wide incident"));
        add(c.approveMassAction(CLIENT, next(), now(), 9, APPROVER));
        add(c.releaseHold(CLIENT, next(), now(), pending, OPERATOR));
        add(c.releaseHold(CLIENT, next(), now(), 424_242, OPERATOR));
    }

    private RejectReason limit(final long user, final Side side, final TimeInForce tif, final long price,
        final long quantity, final long clientOrderId) {
        return c.placeOrder(CLIENT, next(), now(), user, MARKET, side, OrderType.LIMIT, tif, price, quantity, 0,
            clientOrderId, StpMode.NONE);
    }
}
