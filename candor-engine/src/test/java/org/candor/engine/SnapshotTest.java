package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.MARKET;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SnapshotTest {
    private static final EngineCapacity CAPACITY = EngineCapacity.small();

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture(CAPACITY);
        scenario(fx);
    }

    /** A bit of everything: resting orders on both sides, fills, client ids, a withdrawal, a hold, a second market. */
    private static void scenario(final EngineFixture fx) {
        fx.funded(1, 3 * BTC_UNIT, 0);
        fx.funded(2, 0, 200_000 * USDT_UNIT);
        fx.funded(3, BTC_UNIT, 50_000 * USDT_UNIT);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.createAsset(c, id, t, 3, "ETH", 8)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.createMarket(c, id, t, 2, "ETHUSDT", 3, USDT, 10_000,
            10_000, 10_000, 100_000_000_000L, 1_000_000, 10, 20)));
        fx.sell(1, PRICE_30K, 50_000_000);
        fx.sell(1, PRICE_30K + 10_000, 50_000_000);
        fx.sell(3, PRICE_30K, 20_000_000);
        EngineFixture.accept(fx.place(2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K - 50_000,
            30_000_000, 0, 77, StpMode.EXPIRE_MAKER));
        fx.buy(2, PRICE_30K, 60_000_000);
        fx.limit(3, Side.BUY, TimeInForce.POST_ONLY, PRICE_30K - 100_000, 10_000_000);
        final long toCancel = fx.buy(2, PRICE_30K - 200_000, 10_000_000);
        EngineFixture.accept(fx.cancel(2, toCancel));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, 2, 2, Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 2_000 * USDT_UNIT, BTC_UNIT, 0, 5, StpMode.NONE)));
        EngineFixture.accept(fx.withdraw(1, USDT, 1_000 * USDT_UNIT));
        EngineFixture.accept(fx.withdraw(3, BTC, 1_000));
        EngineFixture.accept(fx.hold(3, USDT, 5 * USDT_UNIT, HoldReason.USER_REQUEST, 9));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approveHold(c, id, t, 1, 10)));
        EngineFixture.accept(fx.hold(3, USDT, USDT_UNIT, HoldReason.COMPLIANCE_REVIEW, 9));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setHoldApprovalThreshold(c, id, t, BTC, 5_000, 9)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setBlastRadiusPolicy(c, id, t, 5, 2_000, 60_000, 9)));
        EngineFixture.accept(fx.hold(3, BTC, 1_000, HoldReason.OPERATIONAL_INCIDENT, 9));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.proposeMassAction(c, id, t, 70, 9, 3, "Sanctions list")));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approveMassAction(c, id, t, 70, 10)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeHold(c, id, t, 1, Hold.NO_ASSET, 0,
            HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, "Court order 7", 9, t + 3_600_000,
            ReleaseCondition.OPERATOR_RELEASE, 12, 70)));
        EngineFixture.accept(fx.execAs(55, 3, (e, c, id, t) -> e.createUser(c, id, t, 4)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setMarketStatus(c, id, t, 2, MarketStatus.HALTED)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.deposit(c, id, t, 3, BTC, 1_000, 77_000)));
    }

    /**
     * Commands applied after the snapshot, to the original and to the restored engine alike; the repeat of deposit
     * reference 77,000 is refused by both only if the snapshot carried the memory of it.
     */
    private static void moreCommands(final EngineFixture fx) {
        fx.buy(2, PRICE_30K + 10_000, 70_000_000);
        fx.sell(3, PRICE_30K - 100_000, 10_000_000);
        fx.exec((e, c, id, t) -> e.cancelOrder(c, id, t, 2, MARKET, 0, 77));
        fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, 1));
        fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, 1, "0xabc", 0));
        fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, 1));
        fx.exec((e, c, id, t) -> e.releaseHold(c, id, t, 1, 9));
        fx.exec((e, c, id, t) -> e.setMarketStatus(c, id, t, 2, MarketStatus.TRADING));
        fx.exec((e, c, id, t) -> e.cancelAllOrders(c, id, t, 2, 2));
        fx.buy(3, PRICE_30K - 10_000, 10_000_000);
        fx.execAs(55, 3, (e, c, id, t) -> e.createUser(c, id, t, 4));
        fx.execAs(55, 4, (e, c, id, t) -> e.createUser(c, id, t, 5));
        fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, 1, MARKET, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0,
            10_000_000, 0, 0, StpMode.NONE));
        fx.exec((e, c, id, t) -> e.approveHold(c, id, t, 4, 10));
        fx.exec((e, c, id, t) -> e.placeOrder(c, id, t, 1, MARKET, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0,
            10_000_000, 0, 0, StpMode.NONE));
        fx.sleep(EngineFixture.HOLD_REVIEW_MS / 2);
        fx.exec((e, c, id, t) -> e.createUser(c, id, t, 6));
        fx.engine.advanceTime(fx.nowMs() + EngineFixture.HOLD_REVIEW_MS);
        fx.exec((e, c, id, t) -> e.renewHold(c, id, t, 4, 10, t + 60_000, "Court extended the order"));
        fx.exec((e, c, id, t) -> e.deposit(c, id, t, 2, BTC, 1_000, 77_000));
        fx.exec((e, c, id, t) -> e.deposit(c, id, t, 3, BTC, 1_000, 77_001));
        fx.exec((e, c, id, t) -> e.deposit(c, id, t, 3, USDT, 1_000, 77_000));
    }

    private static byte[] snapshot(final Engine engine) {
        final SnapshotWriter out = new SnapshotWriter();
        engine.writeSnapshot(out);
        final byte[] bytes = new byte[out.length()];
        out.buffer().getBytes(0, bytes);
        return bytes;
    }

    private static Engine restore(final byte[] bytes, final RecordingEvents events) {
        return Engine.restore(CAPACITY, events, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static List<String> view(final EngineFixture f) {
        final List<String> out = new ArrayList<>();
        for (long user = 1; user <= 5; user++) {
            for (int asset = 1; asset <= 3; asset++) {
                for (final Bucket bucket : new Bucket[] {Bucket.AVAILABLE, Bucket.IN_ORDERS, Bucket.WITHDRAWING,
                    Bucket.HELD}) {
                    out.add(user + "/" + asset + "/" + bucket + "=" + f.balance(user, asset, bucket));
                }
            }
            out.add(user + " open=" + f.engine.openOrderCount(user));
        }
        for (int asset = 1; asset <= 3; asset++) {
            out.add("custody " + asset + "=" + f.balance(Engine.SYSTEM_USER_ID, asset, Bucket.CUSTODY));
            out.add("fees " + asset + "=" + f.fees(asset));
        }
        out.add("bids " + f.book(Side.BUY));
        out.add("asks " + f.book(Side.SELL));
        f.engine.forEachBookOrder(2, Side.BUY, (orderId, userId, price, remaining, clientOrderId) ->
            out.add("eth bid " + orderId + " " + userId + " " + price + " " + remaining + " " + clientOrderId));
        f.engine.pendingWithdrawals().forEach(w -> out.add("w " + w.withdrawalId() + " " + w.amount()));
        f.engine.holds().forEach(h -> out.add("h " + h.holdId() + " " + h.amount() + " " + h.state() + " "
            + h.reviewDeadlineMs() + " " + h.approvedBy()));
        out.add("next deadline " + f.engine.nextDeadlineMs());
        out.add("status " + f.engine.marketStatus(2));
        return out;
    }

    @Test
    void restoredEngineHasEqualDigestBalancesAndBooks() {
        final byte[] bytes = snapshot(fx.engine);
        final Engine restored = restore(bytes, new RecordingEvents());

        assertThat(restored.digest()).isEqualTo(fx.engine.digest());
        assertThat(restored.recomputeDigest()).isEqualTo(restored.digest());
        assertThat(restored.lastEventSeq()).isEqualTo(fx.engine.lastEventSeq());
        restored.checkInvariants();
        assertThat(view(new EngineFixture(restored, new RecordingEvents(), fx.nextCommandId(),
            fx.nowMs()))).isEqualTo(view(fx));
        assertThat(snapshot(restored)).isEqualTo(bytes);
    }

    @Test
    void restoredEngineContinuesWithIdenticalEvents() {
        final RecordingEvents restoredEvents = new RecordingEvents();
        final EngineFixture copy = new EngineFixture(restore(snapshot(fx.engine), restoredEvents), restoredEvents,
            fx.nextCommandId(), fx.nowMs());
        fx.events.clear();

        moreCommands(fx);
        moreCommands(copy);

        assertThat(fx.events.trades).isNotEmpty();
        assertThat(restoredEvents.all).isEqualTo(fx.events.all);
        assertThat(copy.engine.digest()).isEqualTo(fx.engine.digest());
        assertThat(view(copy)).isEqualTo(view(fx));
    }

    @Test
    void restoredEngineFiresTheSameDeadlinesOnce() {
        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = restore(snapshot(fx.engine), restoredEvents);
        fx.events.clear();
        final long later = fx.nowMs() + 2 * EngineFixture.HOLD_REVIEW_MS;

        assertThat(restored.nextDeadlineMs()).isEqualTo(fx.engine.nextDeadlineMs()).isLessThan(Long.MAX_VALUE);
        assertThat(restored.advanceTime(later)).isEqualTo(fx.engine.advanceTime(later)).isPositive();
        assertThat(restoredEvents.all).isEqualTo(fx.events.all);
        assertThat(restored.advanceTime(later)).isZero();
        assertThat(restored.digest()).isEqualTo(fx.engine.digest());
    }

    private static byte[] resource(final String name) throws java.io.IOException {
        try (java.io.InputStream in = SnapshotTest.class.getResourceAsStream("/snapshots/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void restoresAFormatOneSnapshotWithoutHolds() throws java.io.IOException {
        final RecordingEvents events = new RecordingEvents();
        final Engine restored = restore(resource("v1-no-holds.bin"), events);

        restored.checkInvariants();
        assertThat(restored.balance(1, USDT, Bucket.AVAILABLE)).isEqualTo(13_985_000_000L);
        assertThat(restored.balance(1, USDT, Bucket.WITHDRAWING)).isEqualTo(1_000_000_000L);
        assertThat(restored.balance(2, BTC, Bucket.AVAILABLE)).isEqualTo(49_900_000L);
        final Withdrawal old = restored.pendingWithdrawals().iterator().next();
        assertThat(old.state()).as("a format 1 withdrawal is restored as requested")
            .isEqualTo(WithdrawalState.REQUESTED);
        assertThat(restored.nextDeadlineMs()).as("with the default deadline of that state")
            .isEqualTo(old.requestedAtMs() + WithdrawalPolicy.SLA_REQUESTED_MS_DEFAULT);
        final EngineFixture continued = new EngineFixture(restored, events, 1_000, 1_800_000_000_000L);
        EngineFixture.accept(continued.hold(2, BTC, 1_000, HoldReason.COMPLIANCE_REVIEW, 9));
    }

    @Test
    void refusesAFormatOneSnapshotThatHoldsHolds() {
        assertThatThrownBy(() -> restore(resource("v1-with-hold.bin"), new RecordingEvents()))
            .isInstanceOf(SnapshotReader.SnapshotFormatException.class).hasMessageContaining("format 1");
    }

    @Test
    void resendAfterRestoreIsAnsweredFromTheRestoredMemory() {
        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = restore(snapshot(fx.engine), restoredEvents);

        restored.createUser(55, 3, 0, 4);

        assertThat(restoredEvents.lastResult().duplicate()).isTrue();
        assertThat(restoredEvents.lastResult().reason()).isEqualTo(RejectReason.NONE);
    }

    @Test
    void rejectsEveryTruncatedSnapshot() {
        final byte[] bytes = snapshot(fx.engine);
        for (int length = 0; length < bytes.length; length++) {
            final int cut = length;
            assertThatThrownBy(() -> Engine.restore(CAPACITY, new RecordingEvents(), new UnsafeBuffer(bytes), 0, cut))
                .as("truncated at %d of %d", cut, bytes.length)
                .isInstanceOf(SnapshotReader.SnapshotFormatException.class);
        }
    }

    @Test
    void rejectsWrongMagicVersionAndTrailingBytes() {
        final byte[] bytes = snapshot(fx.engine);
        final byte[] magic = bytes.clone();
        magic[0] ^= 1;
        final byte[] version = bytes.clone();
        version[8] = 9;
        final byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        final byte[] trailer = bytes.clone();
        trailer[bytes.length - 1] ^= 1;

        for (final byte[] corrupt : List.of(magic, version, longer, trailer)) {
            assertThatThrownBy(() -> restore(corrupt, new RecordingEvents()))
                .isInstanceOf(SnapshotReader.SnapshotFormatException.class);
        }
    }

    @Test
    @Timeout(120)
    void corruptedByteEitherFailsWithAFormatErrorOrRestoresAConsistentState() {
        final byte[] bytes = snapshot(fx.engine);
        final List<String> failures = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            for (final int flip : new int[] {0x01, 0x80, 0xFF}) {
                final byte[] corrupt = bytes.clone();
                corrupt[i] ^= (byte) flip;
                try {
                    restore(corrupt, new RecordingEvents());
                } catch (final SnapshotReader.SnapshotFormatException expected) {
                    continue;
                } catch (final RuntimeException e) {
                    failures.add("byte " + i + " flip " + flip + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
