package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * An engine with BTC (scale 8), USDT (scale 6) and the BTCUSDT market, driven with auto-incrementing command ids.
 * After every command it audits the whole state and checks the incremental digest against a recomputed one, so
 * every test also proves that no command breaks an invariant.
 */
final class EngineFixture {
    static final long CLIENT = 7;
    static final int BTC = 1;
    static final int USDT = 2;
    static final int MARKET = 1;
    static final long TICK = 10_000;
    static final long LOT = 10_000;
    /** One whole BTC in minor units. */
    static final long BTC_UNIT = 100_000_000L;
    /** One whole USDT in minor units. */
    static final long USDT_UNIT = 1_000_000L;
    static final long PRICE_30K = 30_000 * USDT_UNIT;
    /** A review deadline a day after placement, the usual first look at a hold. */
    static final long HOLD_REVIEW_MS = 24L * 60 * 60 * 1000;
    static final String HOLD_TEXT = "We are reviewing a large deposit; ticket 42";
    /** The operator tests use to place holds; {@link #APPROVER} is the second pair of eyes. */
    static final long OPERATOR = 9;
    static final long APPROVER = 10;

    /** Runs one engine command with the command id and time the fixture chooses. */
    @FunctionalInterface
    interface Command {
        RejectReason run(Engine engine, long client, long commandId, long nowMs);
    }

    final RecordingEvents events;
    final Engine engine;
    private long nextCommandId = 1;
    private long nowMs = 1_700_000_000_000L;
    private boolean checkEveryReject;

    EngineFixture() {
        this(EngineCapacity.small());
    }

    EngineFixture(final EngineCapacity capacity) {
        this(capacity, true);
    }

    EngineFixture(final EngineCapacity capacity, final boolean listMarket) {
        events = new RecordingEvents();
        engine = new Engine(capacity, events);
        if (listMarket) {
            accept(exec((e, c, id, t) -> e.createAsset(c, id, t, BTC, "BTC", 8)));
            accept(exec((e, c, id, t) -> e.createAsset(c, id, t, USDT, "USDT", 6)));
            accept(exec((e, c, id, t) -> e.createMarket(c, id, t, MARKET, "BTCUSDT", BTC, USDT, TICK, LOT, 10_000,
                100_000_000_000L, 1_000_000, 10, 20)));
        }
    }

    /** Wraps an existing engine (e.g. a restored one) that records into {@code events}. */
    EngineFixture(final Engine engine, final RecordingEvents events, final long nextCommandId, final long nowMs) {
        this.engine = engine;
        this.events = events;
        this.nextCommandId = nextCommandId;
        this.nowMs = nowMs;
    }

    long nextCommandId() {
        return nextCommandId;
    }

    long nowMs() {
        return nowMs;
    }

    /** Makes every later command also check that a rejection changed nothing but the command memory. */
    void checkEveryReject() {
        checkEveryReject = true;
    }

    /** Runs a command with the next command id, then audits the engine. */
    RejectReason exec(final Command command) {
        final long id = nextCommandId++;
        nowMs += 1;
        final String before = checkEveryReject ? state() : null;
        final RejectReason reason = command.run(engine, CLIENT, id, nowMs);
        audit();
        if (checkEveryReject && reason.isReject()) {
            assertThat(state()).as("state after rejected %s", reason).isEqualTo(before);
            assertThat(events.lastResult().firstSeq()).isEqualTo(engine.lastEventSeq());
        }
        return reason;
    }

    /** Runs a command with an explicit client and command id, then audits the engine. */
    RejectReason execAs(final long client, final long commandId, final Command command) {
        nowMs += 1;
        final RejectReason reason = command.run(engine, client, commandId, nowMs);
        audit();
        return reason;
    }

    void audit() {
        engine.checkInvariants();
        assertThat(engine.digest()).isEqualTo(engine.recomputeDigest());
    }

    static void accept(final RejectReason reason) {
        assertThat(reason).isEqualTo(RejectReason.NONE);
    }

    /** The reference of the last command's result: the order, withdrawal or hold it created. */
    long lastReference() {
        return events.lastResult().reference();
    }

    // ---------------------------------------------------------------- shortcuts

    /** Lets the clock run {@code ms} before the next command. */
    void sleep(final long ms) {
        nowMs += ms;
    }

    /** Places an AMOUNT hold with the usual explanation and a review deadline a day ahead. */
    RejectReason hold(final long userId, final int assetId, final long amount, final HoldReason reason,
        final long operatorId) {
        return exec((e, c, id, t) -> e.placeHold(c, id, t, userId, assetId, amount, HoldKind.AMOUNT, reason,
            reason == HoldReason.WITHHELD_BY_LAW ? HoldPolicy.WITHHELD_BY_LAW_EXPLANATION : HOLD_TEXT, operatorId,
            t + HOLD_REVIEW_MS, reason == HoldReason.OPERATIONAL_INCIDENT ? ReleaseCondition.AUTO_RELEASE_AT_DEADLINE
                : ReleaseCondition.OPERATOR_RELEASE, 0, 0));
    }

    /** Lets holds of the asset take effect without a second operator, whatever their amount. */
    void holdsTakeEffectAtOnce(final int assetId) {
        policy((e, c, id, t) -> e.setHoldApprovalThreshold(c, id, t, assetId, Ledger.AMOUNT_MAX, OPERATOR));
    }

    /**
     * Runs a policy command by {@link #OPERATOR}; if it loosened the policy (a proposal), {@link #APPROVER} approves
     * it, so it is in force either way.
     */
    void policy(final Command command) {
        final long proposals = engine.policyChanges.proposalSeq();
        accept(exec(command));
        if (engine.policyChanges.proposalSeq() != proposals) {
            final long proposal = engine.policyChanges.proposalSeq();
            accept(exec((e, c, id, t) -> e.approvePolicyChange(c, id, t, proposal, APPROVER)));
        }
    }

    /**
     * The id of an address on the user's allow-list for the asset that is usable now, adding one (with the asset's
     * time lock set to 0 by two operators) the first time; 0 when the user or asset does not exist.
     */
    long address(final long userId, final int assetId) {
        if (!engine.userExists(userId) || !engine.assets.exists(assetId)) {
            return 0;
        }
        for (final WithdrawalAddress known : engine.withdrawalView().addressesOf(userId)) {
            if (known.assetId() == assetId && known.usableFromMs() <= nowMs) {
                return known.addressId();
            }
        }
        if (engine.withdrawalView().setting(assetId, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK) != 0) {
            policy((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, assetId, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK,
                0, OPERATOR));
        }
        final String text = "addr" + userId + "x" + assetId;
        accept(exec((e, c, id, t) -> e.addWithdrawalAddress(c, id, t, userId, assetId, text)));
        return lastReference();
    }

    /** A withdrawal request to the user's usable address (see {@link #address}), computed now. */
    Command withdrawal(final long userId, final int assetId, final long amount) {
        final long address = address(userId, assetId);
        return (e, c, id, t) -> e.requestWithdrawal(c, id, t, userId, assetId, amount, address);
    }

    RejectReason withdraw(final long userId, final int assetId, final long amount) {
        return exec(withdrawal(userId, assetId, amount));
    }

    RejectReason user(final long userId) {
        return exec((e, c, id, t) -> e.createUser(c, id, t, userId));
    }

    RejectReason deposit(final long userId, final int assetId, final long amount) {
        return exec((e, c, id, t) -> e.deposit(c, id, t, userId, assetId, amount, 900 + id));
    }

    /** Creates a user with the given BTC and USDT on deposit. */
    void funded(final long userId, final long btc, final long usdt) {
        accept(user(userId));
        if (btc > 0) {
            accept(deposit(userId, BTC, btc));
        }
        if (usdt > 0) {
            accept(deposit(userId, USDT, usdt));
        }
    }

    RejectReason place(final long userId, final Side side, final OrderType type, final TimeInForce tif,
        final long price, final long quantity, final long budget, final long clientOrderId, final StpMode stp) {
        return exec((e, c, id, t) -> e.placeOrder(c, id, t, userId, MARKET, side, type, tif, price, quantity, budget,
            clientOrderId, stp));
    }

    /** Places a limit order that must be accepted; returns its id. */
    long limit(final long userId, final Side side, final TimeInForce tif, final long price, final long quantity) {
        accept(place(userId, side, OrderType.LIMIT, tif, price, quantity, 0, 0, StpMode.NONE));
        return lastReference();
    }

    long buy(final long userId, final long price, final long quantity) {
        return limit(userId, Side.BUY, TimeInForce.GTC, price, quantity);
    }

    long sell(final long userId, final long price, final long quantity) {
        return limit(userId, Side.SELL, TimeInForce.GTC, price, quantity);
    }

    RejectReason cancel(final long userId, final long orderId) {
        return exec((e, c, id, t) -> e.cancelOrder(c, id, t, userId, MARKET, orderId, 0));
    }

    RejectReason reduce(final long userId, final long orderId, final long reduceBy) {
        return exec((e, c, id, t) -> e.reduceOrder(c, id, t, userId, MARKET, orderId, reduceBy));
    }

    RejectReason move(final long userId, final long orderId, final long newPrice) {
        return exec((e, c, id, t) -> e.moveOrder(c, id, t, userId, MARKET, orderId, newPrice));
    }

    RejectReason halt(final MarketStatus status) {
        return exec((e, c, id, t) -> e.setMarketStatus(c, id, t, MARKET, status));
    }

    long balance(final long userId, final int assetId, final Bucket bucket) {
        return engine.balance(userId, assetId, bucket);
    }

    long available(final long userId, final int assetId) {
        return balance(userId, assetId, Bucket.AVAILABLE);
    }

    long inOrders(final long userId, final int assetId) {
        return balance(userId, assetId, Bucket.IN_ORDERS);
    }

    long fees(final int assetId) {
        return balance(Engine.SYSTEM_USER_ID, assetId, Bucket.FEES);
    }

    /** Asserts a user's four buckets in one asset: available, in orders, withdrawing, held. */
    void assertBuckets(final long userId, final int assetId, final long available, final long inOrders,
        final long withdrawing, final long held) {
        assertThat(new long[] {balance(userId, assetId, Bucket.AVAILABLE), balance(userId, assetId, Bucket.IN_ORDERS),
            balance(userId, assetId, Bucket.WITHDRAWING), balance(userId, assetId, Bucket.HELD)})
            .as("buckets of user %d asset %d", userId, assetId)
            .containsExactly(available, inOrders, withdrawing, held);
    }

    /** One side of the book as "orderId@price x remaining" in priority order. */
    List<String> book(final Side side) {
        final List<String> out = new ArrayList<>();
        engine.forEachBookOrder(MARKET, side, (orderId, userId, price, remaining, clientOrderId) ->
            out.add(orderId + "@" + price + "x" + remaining));
        return out;
    }

    /** The ids of one side's orders in priority order. */
    List<Long> bookIds(final Side side) {
        final List<Long> out = new ArrayList<>();
        engine.forEachBookOrder(MARKET, side, (orderId, userId, price, remaining, clientOrderId) -> out.add(orderId));
        return out;
    }

    /**
     * Every piece of state except the command-id memory and the event sequence, which every command advances:
     * the incremental digest, the id counters, the sizes of every store and both books.
     */
    String state() {
        final StringBuilder s = new StringBuilder();
        s.append(engine.digest.value()).append('|').append(engine.trading.orderSeq()).append('|')
            .append(engine.trading.restSeq()).append('|').append(engine.trading.tradeSeq()).append('|')
            .append(engine.withdrawals.withdrawalSeq()).append('|').append(engine.holds.holdSeq()).append('|')
            .append(engine.ledger.count()).append('|').append(engine.orders.used()).append('|')
            .append(engine.clientOrders.size()).append('|').append(engine.users.count()).append('|')
            .append(engine.assets.count()).append('|').append(engine.marketCount()).append('|')
            .append(book(Side.BUY)).append(book(Side.SELL));
        return s.toString();
    }

    /** Per asset, the sum of every user bucket, custody and fees: always zero in a double-entry ledger. */
    long ledgerSum(final int assetId) {
        long sum = engine.ledger.custody(assetId) + engine.ledger.fees(assetId);
        for (int account = 0; account < engine.ledger.count(); account++) {
            if (engine.ledger.assetOf(account) == assetId) {
                for (int b = 0; b < Bucket.USER_BUCKETS; b++) {
                    sum += engine.ledger.balance(account, Bucket.fromCode(b));
                }
            }
        }
        return sum;
    }

    /** Runs a command that must be rejected and asserts it changed nothing and emitted only its result. */
    void assertRejectedWithoutChange(final RejectReason expected, final Command command) {
        final String before = state();
        final long seqBefore = engine.lastEventSeq();
        events.clear();
        assertThat(exec(command)).isEqualTo(expected);
        assertThat(events.all).hasSize(1);
        assertThat(events.lastResult().reason()).isEqualTo(expected);
        assertThat(events.lastResult().reference()).isZero();
        assertThat(engine.lastEventSeq()).isEqualTo(seqBefore + 1);
        assertThat(state()).isEqualTo(before);
    }
}
