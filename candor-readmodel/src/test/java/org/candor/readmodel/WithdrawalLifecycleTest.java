package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.EngineEvents;
import org.candor.engine.LedgerCause;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;
import org.candor.testkit.RecordingEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every step of a withdrawal's life reaches the read model: the state it is in (not "pending" until it ends), the
 * address, the approver or rejecter and their words, the transaction and its fee, the failure reason, missed
 * deadlines; one history row per state entered; addresses, policies and pauses. A projector restarted halfway
 * continues from what it loaded, and a rebuild gives the same tables.
 */
class WithdrawalLifecycleTest {
    private static final long USER = 7;
    private static final int BTC = 1;
    private static final int ETH = 2;
    private static final long DAY_MS = 86_400_000L;
    private static ReadModelDatabase database;
    private static final RecordingEvents RECORDING = new RecordingEvents();
    private static long command;
    private static Engine engine;
    private static long confirmed;
    private static long failed;
    private static long rejected;
    private static long cancelled;
    private static long late;
    private static long addressId;

    @BeforeAll
    static void project() {
        database = TestDatabases.freshSchema("t_withdrawal_life");
        final AtomicReference<EngineEvents> projection = new AtomicReference<>();
        engine = new Engine(Projections.CAPACITY, Tee.of(RECORDING, forwardingTo(projection)));
        try (Projector projector = Projector.open(database, 3)) {
            projection.set(projector);
            ok(engine.createAsset(1, ++command, 1_000, BTC, "BTC", 8));
            ok(engine.createAsset(1, ++command, 1_000, ETH, "ETH", 8));
            ok(engine.createUser(1, ++command, 1_000, USER));
            ok(engine.deposit(1, ++command, 1_000, USER, BTC, 1_000_000, 11));
            ok(engine.deposit(1, ++command, 1_000, USER, ETH, 1_000_000, 12));
            ok(engine.setWithdrawalPolicy(1, ++command, 1_000, BTC, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD, 1_000,
                900));
            ok(engine.addWithdrawalAddress(1, ++command, 2_000, USER, BTC, "bc1qlife"));
            addressId = RECORDING.ofKind(RecordingEvents.WithdrawalAddressAdded.class).get(0).addressId();
            final long t = 2_000 + DAY_MS;
            confirmed = request(t, 500);
            ok(engine.claimWithdrawal(1, ++command, t + 5, confirmed));
            ok(engine.markWithdrawalBroadcast(1, ++command, t + 10, confirmed, "0xconfirmed", 3));
            ok(engine.completeWithdrawal(1, ++command, t + 20, confirmed));
            failed = request(t + 30, 5_000);
            ok(engine.approveWithdrawal(1, ++command, t + 40, failed, 900));
            ok(engine.failWithdrawal(1, ++command, t + 50, failed, WithdrawalFailure.DROPPED));
            rejected = request(t + 60, 6_000);
            ok(engine.rejectWithdrawal(1, ++command, t + 70, rejected, 901, "not this amount"));
            cancelled = request(t + 80, 100);
            ok(engine.cancelWithdrawal(1, ++command, t + 90, USER, cancelled));
            late = request(t + 100, 200);
            ok(engine.pauseWithdrawals(1, ++command, t + 110, BTC, WithdrawalPauseReason.NETWORK_INCIDENT,
                "node upgrade", 900));
            ok(engine.resumeWithdrawals(1, ++command, t + 120, BTC, 901));
            assertThat(engine.advanceTime(t + DAY_MS)).isPositive();
        }
        // A new projector loads the live withdrawal and the address from the tables and goes on with them.
        try (Projector projector = Projector.open(database, 3)) {
            projection.set(projector);
            ok(engine.claimWithdrawal(1, ++command, 3 * DAY_MS - 1, late));
            ok(engine.markWithdrawalBroadcast(1, ++command, 3 * DAY_MS, late, "0xlate", 1));
            ok(engine.removeWithdrawalAddress(1, ++command, 3 * DAY_MS + 1, USER, addressId));
        }
    }

    /** Forwards every event to whichever projector is current, so one engine outlives a projector's restart. */
    private static EngineEvents forwardingTo(final AtomicReference<EngineEvents> target) {
        return (EngineEvents) Proxy.newProxyInstance(EngineEvents.class.getClassLoader(),
            new Class<?>[] {EngineEvents.class}, (proxy, method, args) -> {
                try {
                    return method.invoke(target.get(), args);
                } catch (final InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    @Test
    void eachWithdrawalIsInTheStateTheEngineLastPutItInWithWhoDecidedAndWhatTheChainSaid() {
        assertThat(Projections.rows(database, "SELECT withdrawal_id, state, state_name, address_id, amount, "
            + "COALESCE(approved_by, 0), COALESCE(rejected_by, 0), justification, tx_ref, fee, COALESCE(failure, -1) "
            + "FROM withdrawals ORDER BY withdrawal_id")).containsExactly(
                confirmed + " 1 CONFIRMED " + addressId + " 500 0 0  0xconfirmed 3 -1",
                failed + " 2 FAILED " + addressId + " 5000 900 0   0 " + WithdrawalFailure.DROPPED.code(),
                rejected + " 7 REJECTED " + addressId + " 6000 0 901 not this amount  0 -1",
                cancelled + " 3 CANCELLED " + addressId + " 100 0 0   0 -1",
                late + " 6 BROADCAST " + addressId + " 200 0 0  0xlate 1 -1");
        // The late one missed its REQUESTED deadline (30 minutes by default) once, then was broadcast.
        assertThat(Projections.rows(database, "SELECT sla_misses, last_sla_state, last_sla_deadline_ms FROM "
            + "withdrawals WHERE withdrawal_id = " + late)).containsExactly("1 " + WithdrawalState.REQUESTED.code()
                + " " + (2_000 + DAY_MS + 100 + 30 * 60_000));
        assertThat(Projections.count(database, "SELECT count(*) FROM withdrawals WHERE sla_misses > 0")).isOne();
    }

    @Test
    void theHistoryHasOneRowPerStateEnteredWithItsSequenceAndTime() {
        assertThat(Projections.rows(database, "SELECT state_name, COALESCE(operator_id, 0), detail FROM "
            + "withdrawal_events WHERE withdrawal_id = " + failed + " ORDER BY seq")).containsExactly(
                "AWAITING_APPROVAL 0 ", "APPROVED 900 ", "FAILED 0 DROPPED");
        assertThat(Projections.rows(database, "SELECT state_name, COALESCE(operator_id, 0), detail FROM "
            + "withdrawal_events WHERE withdrawal_id = " + rejected + " ORDER BY seq")).containsExactly(
                "AWAITING_APPROVAL 0 ", "REJECTED 901 not this amount");
        assertThat(Projections.rows(database, "SELECT state_name, detail, timestamp_ms - " + (2_000 + DAY_MS)
            + " FROM withdrawal_events WHERE withdrawal_id = " + confirmed + " ORDER BY seq")).containsExactly(
                "REQUESTED  0", "SENDING  5", "BROADCAST 0xconfirmed 10", "CONFIRMED  20");
        assertThat(Projections.rows(database, "SELECT state_name FROM withdrawal_events WHERE withdrawal_id = "
            + late + " ORDER BY seq")).containsExactly("REQUESTED", "SENDING", "BROADCAST");
        // Every history row is an event of the stream: its sequence names a withdrawal event of that id.
        assertThat(Projections.longs(database, "SELECT seq FROM withdrawal_events ORDER BY seq"))
            .allSatisfy(seq -> assertThat(seq).isBetween(1L, engine.lastEventSeq()));
    }

    @Test
    void addressesPoliciesAndPausesAreKeptWithWhoAndWhen() {
        assertThat(Projections.rows(database, "SELECT user_id, asset_id, address, usable_from_ms, added_ms, "
            + "removed_ms FROM withdrawal_addresses")).containsExactly(USER + " " + BTC + " bc1qlife "
                + (2_000 + DAY_MS) + " 2000 " + (3 * DAY_MS + 1));
        assertThat(Projections.rows(database, "SELECT asset_id, kind, value, operator_id, timestamp_ms FROM "
            + "withdrawal_policy_changes ORDER BY seq")).containsExactly(BTC + " "
                + PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD.code() + " 1000 900 1000");
        assertThat(Projections.rows(database, "SELECT asset_id, paused, COALESCE(reason, -1), explanation, "
            + "operator_id FROM withdrawal_pauses ORDER BY seq")).containsExactly(
                BTC + " t " + WithdrawalPauseReason.NETWORK_INCIDENT.code() + " node upgrade 900",
                BTC + " f -1  901");
    }

    @Test
    void theWalletHistoryFiltersByStateAssetAndTimeAndPagesByOffset() {
        final WalletHistory wallet = new WalletHistory(database);
        final List<WalletHistory.WithdrawalView> all = wallet.withdrawals(USER, WalletHistory.ALL_ASSETS, null,
            TimeRange.ALL, 0, 1_000);
        assertThat(all).extracting(WalletHistory.WithdrawalView::withdrawalId)
            .containsExactly(late, cancelled, rejected, failed, confirmed);
        assertThat(all.get(4).address()).isEqualTo("bc1qlife");
        assertThat(all.get(4).txRef()).isEqualTo("0xconfirmed");
        assertThat(all.get(3).failure()).isEqualTo(WithdrawalFailure.DROPPED);
        assertThat(all.get(2).justification()).isEqualTo("not this amount");
        assertThat(wallet.withdrawals(USER, WalletHistory.ALL_ASSETS, null, TimeRange.ALL, 1, 2))
            .extracting(WalletHistory.WithdrawalView::withdrawalId).containsExactly(cancelled, rejected);
        assertThat(wallet.withdrawals(USER, BTC, new int[] {WithdrawalState.CONFIRMED.code(),
            WithdrawalState.FAILED.code()}, TimeRange.ALL, 0, 10)).extracting(WalletHistory.WithdrawalView::state)
                .containsExactly(WithdrawalState.FAILED, WithdrawalState.CONFIRMED);
        assertThat(wallet.withdrawals(USER, ETH, null, TimeRange.ALL, 0, 10)).isEmpty();
        assertThat(wallet.withdrawals(USER + 1, WalletHistory.ALL_ASSETS, null, TimeRange.ALL, 0, 10)).isEmpty();
        final long t = 2_000 + DAY_MS;
        assertThat(wallet.withdrawals(USER, BTC, null, new TimeRange(t + 30, t + 61), 0, 10))
            .extracting(WalletHistory.WithdrawalView::withdrawalId).containsExactly(rejected, failed);
        assertThat(wallet.deposits(USER, WalletHistory.ALL_ASSETS, TimeRange.ALL, 0, 10))
            .extracting(WalletHistory.DepositView::depositRef).containsExactly(12L, 11L);
        assertThat(wallet.deposits(USER, ETH, TimeRange.ALL, 1, 10)).isEmpty();
    }

    @Test
    void theStatementPagesThroughEveryMovementOfTheUsersAccountsOfAnAsset() {
        final UserHistory history = new UserHistory(database);
        final List<UserHistory.LedgerLine> lines = new java.util.ArrayList<>();
        long from = 0;
        for (int pages = 0; pages < 100; pages++) {
            final Page<UserHistory.LedgerLine> page = history.ledger(USER, BTC, TimeRange.ALL, from, false, 2);
            lines.addAll(page.items());
            if (!page.more()) {
                break;
            }
            from = page.next() + 1;
        }
        // Deposit, then per withdrawal: to WITHDRAWING (two lines) and back or out (one or two lines).
        final long expected = RECORDING.ledgerEntries().stream().filter(e -> e.assetId() == BTC)
            .mapToLong(e -> (e.fromUserId() == USER ? 1 : 0) + (e.toUserId() == USER ? 1 : 0)).sum();
        assertThat(lines).hasSize((int) expected).isSortedAccordingTo(
            java.util.Comparator.comparingLong(UserHistory.LedgerLine::id));
        assertThat(lines.get(0).cause()).isEqualTo(LedgerCause.DEPOSIT);
        assertThat(lines.get(0).balance()).isEqualTo(1_000_000);
        long available = 0;
        for (final UserHistory.LedgerLine line : lines) {
            if (line.bucket() == Bucket.AVAILABLE) {
                available += line.amount();
                assertThat(line.balance()).isEqualTo(available);
            }
        }
        assertThat(available).isEqualTo(engine.balance(USER, BTC, Bucket.AVAILABLE));
        final Page<UserHistory.LedgerLine> newest = history.ledger(USER, BTC, TimeRange.ALL, 0, true, 3);
        assertThat(newest.items()).extracting(UserHistory.LedgerLine::id)
            .containsExactly(lines.get(lines.size() - 1).id(), lines.get(lines.size() - 2).id(),
                lines.get(lines.size() - 3).id());
        assertThat(history.ledger(USER + 1, BTC, TimeRange.ALL, 0, false, 10).items()).isEmpty();
    }

    /**
     * A newer engine's state decodes as null here (the decoder knows no such code): the projector stores it as
     * UNKNOWN, keeps the withdrawal live across a restart, and applies its later end as usual.
     */
    @Test
    void aStateThisReaderDoesNotKnowIsStoredAsUnknownAndDoesNotStopTheProjector() {
        try (ReadModelDatabase other = TestDatabases.freshSchema("t_withdrawal_unknown")) {
            try (Projector projector = Projector.open(other, 1)) {
                projector.assetCreated(1, BTC, "BTC", 8);
                projector.userCreated(2, USER);
                projector.withdrawalRequested(3, 77, USER, BTC, 500, 0, WithdrawalState.REQUESTED);
                projector.commandResult(4, 1, 1, 10, RejectReason.NONE, 77, 1, false);
                projector.withdrawalStateChanged(5, 77, null);
                projector.commandResult(6, 1, 2, 20, RejectReason.NONE, 77, 5, false);
            }
            assertThat(Projections.rows(other, "SELECT state, state_name FROM withdrawals")).containsExactly(
                "-1 UNKNOWN");
            try (Projector projector = Projector.open(other, 1)) {
                projector.withdrawalStateChanged(7, 77, WithdrawalState.CONFIRMED);
                projector.commandResult(8, 1, 3, 30, RejectReason.NONE, 77, 7, false);
            }
            assertThat(Projections.rows(other, "SELECT state_name FROM withdrawal_events ORDER BY seq"))
                .containsExactly("REQUESTED", "UNKNOWN", "CONFIRMED");
            assertThat(new WalletHistory(other).withdrawals(USER, BTC, null, TimeRange.ALL, 0, 1).get(0).state())
                .isEqualTo(WithdrawalState.CONFIRMED);
        }
    }

    @Test
    void aRebuildGivesTheSameWithdrawalTables() {
        final TableDigest live = TableDigest.of(database);
        try (ReadModelDatabase other = TestDatabases.freshSchema("t_withdrawal_life_rebuilt")) {
            ProjectionRebuild.rebuild(other, new RecordedStream(RECORDING.events()), 4);
            assertThat(TableDigest.of(other)).isEqualTo(live);
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static long request(final long nowMs, final long amount) {
        ok(engine.requestWithdrawal(1, ++command, nowMs, USER, BTC, amount, addressId));
        return RECORDING.ofKind(RecordingEvents.WithdrawalRequested.class).get(
            RECORDING.ofKind(RecordingEvents.WithdrawalRequested.class).size() - 1).withdrawalId();
    }

    private static void ok(final RejectReason reason) {
        assertThat(reason).isEqualTo(RejectReason.NONE);
    }
}
