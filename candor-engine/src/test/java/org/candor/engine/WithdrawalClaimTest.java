package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.APPROVER;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.OPERATOR;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim before the broadcast (SENDING): the chain edge claims a withdrawal ready to send, and from then on the
 * owner cannot cancel it nor an operator reject it, so no cancel can return funds that also left on chain.
 */
class WithdrawalClaimTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;

    private final EngineFixture fx = new EngineFixture();

    @BeforeEach
    void fund() {
        fx.funded(ALICE, BTC_UNIT, 10_000 * USDT_UNIT);
        fx.funded(BOB, BTC_UNIT, 10_000 * USDT_UNIT);
    }

    private WithdrawalState state(final long withdrawalId) {
        final Withdrawal w = fx.engine.withdrawalView().withdrawal(withdrawalId);
        return w == null ? null : w.state();
    }

    private long requested(final long userId, final int assetId, final long amount) {
        EngineFixture.accept(fx.withdraw(userId, assetId, amount));
        return fx.lastReference();
    }

    private void claim(final long withdrawalId) {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, withdrawalId)));
    }

    @Test
    void aClaimMovesARequestedWithdrawalToSendingAndAnnouncesItWithoutMovingMoney() {
        final long w = requested(ALICE, BTC, 1_000);
        fx.events.clear();

        claim(w);

        assertThat(state(w)).isEqualTo(WithdrawalState.SENDING);
        assertThat(fx.lastReference()).isEqualTo(w);
        assertThat(fx.events.all).anyMatch(line -> line.endsWith("withdrawalState " + w + " SENDING"));
        assertThat(fx.events.entries).as("the claim moves no money").isEmpty();
        fx.assertBuckets(ALICE, BTC, BTC_UNIT - 1_000, 0, 1_000, 0);
        assertThat(fx.engine.withdrawalQueuePosition(w)).as("no longer queued").isZero();
    }

    @Test
    void theOwnerCannotCancelAClaimedWithdrawal() {
        final long w = requested(ALICE, BTC, 1_000);
        claim(w);

        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_SENDING,
            (e, c, id, t) -> e.cancelWithdrawal(c, id, t, ALICE, w));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_WITHDRAWAL,
            (e, c, id, t) -> e.cancelWithdrawal(c, id, t, BOB, w));
        assertThat(state(w)).isEqualTo(WithdrawalState.SENDING);
    }

    @Test
    void anOperatorCannotRejectAClaimedWithdrawal() {
        fx.policy((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD,
            BTC_UNIT / 10, OPERATOR));
        final long w = requested(ALICE, BTC, BTC_UNIT / 2);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approveWithdrawal(c, id, t, w, APPROVER)));
        claim(w);

        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_SENDING,
            (e, c, id, t) -> e.rejectWithdrawal(c, id, t, w, APPROVER, "Destination looks wrong"));
        assertThat(fx.engine.withdrawalView().withdrawal(w).approvedBy()).as("the approval stays on record")
            .isEqualTo(APPROVER);
    }

    @Test
    void aBroadcastIsRecordedOnlyForAClaimedWithdrawal() {
        final long w = requested(ALICE, BTC, 1_000);
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_NOT_SENDING,
            (e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, w, "0xabc", 10));
        claim(w);
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_SENDING,
            (e, c, id, t) -> e.claimWithdrawal(c, id, t, w));

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, w, "0xabc", 10)));

        assertThat(state(w)).isEqualTo(WithdrawalState.BROADCAST);
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST,
            (e, c, id, t) -> e.claimWithdrawal(c, id, t, w));
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_NOT_SENDING,
            (e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, w, "0xdef", 10));
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_ALREADY_BROADCAST,
            (e, c, id, t) -> e.cancelWithdrawal(c, id, t, ALICE, w));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_WITHDRAWAL,
            (e, c, id, t) -> e.claimWithdrawal(c, id, t, 999));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, w)));
        fx.assertBuckets(ALICE, BTC, BTC_UNIT - 1_000, 0, 0, 0);
    }

    @Test
    void aWithdrawalAwaitingApprovalCannotBeClaimed() {
        fx.policy((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD,
            BTC_UNIT / 10, OPERATOR));
        final long w = requested(ALICE, BTC, BTC_UNIT / 2);

        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST,
            (e, c, id, t) -> e.claimWithdrawal(c, id, t, w));
        assertThat(state(w)).isEqualTo(WithdrawalState.AWAITING_APPROVAL);
    }

    @Test
    void aFailureWhileSendingReturnsTheFunds() {
        final long w = requested(ALICE, BTC, 1_000);
        claim(w);

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.failWithdrawal(c, id, t, w,
            WithdrawalFailure.DESTINATION_INVALID)));

        assertThat(state(w)).isNull();
        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        assertThat(fx.events.all).anyMatch(line -> line.endsWith("withdrawalState " + w + " FAILED"));
    }

    @Test
    void aPausedAssetsWithdrawalsAreNotClaimedButOnesClaimedBeforeThePauseGoOn() {
        final long before = requested(ALICE, BTC, 1_000);
        final long waiting = requested(BOB, BTC, 2_000);
        claim(before);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.pauseWithdrawals(c, id, t, BTC,
            WithdrawalPauseReason.SECURITY_INCIDENT, "Hot wallet under review", OPERATOR)));
        final String stateBefore = fx.state();

        assertThat(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, waiting)))
            .isEqualTo(RejectReason.WITHDRAWALS_PAUSED);

        assertThat(fx.lastReference()).isEqualTo(WithdrawalPauseReason.SECURITY_INCIDENT.code());
        assertThat(fx.state()).isEqualTo(stateBefore);
        assertThat(state(waiting)).isEqualTo(WithdrawalState.REQUESTED);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, before, "0x1", 0)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, before)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.resumeWithdrawals(c, id, t, BTC, OPERATOR)));
        claim(waiting);
    }

    @Test
    void sendingHasItsOwnDeadlineThatFiresOnceAcrossSnapshotAndRestore() {
        fx.policy((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_SLA_SENDING,
            5 * WithdrawalPolicy.MINUTE_MS, OPERATOR));
        final long w = requested(ALICE, BTC, 1_000);
        claim(w);
        final long deadline = fx.nowMs() + 5 * WithdrawalPolicy.MINUTE_MS;
        assertThat(fx.engine.withdrawalView().withdrawal(w).slaDeadlineMs()).isEqualTo(deadline);
        assertThat(fx.engine.nextDeadlineMs()).isEqualTo(deadline);

        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = restore(snapshot(fx.engine), restoredEvents);
        assertThat(restored.digest()).isEqualTo(fx.engine.digest());
        assertThat(restored.withdrawalView().setting(BTC, PolicyKind.WITHDRAWAL_SLA_SENDING))
            .isEqualTo(5 * WithdrawalPolicy.MINUTE_MS);

        for (final Engine engine : List.of(fx.engine, restored)) {
            assertThat(engine.advanceTime(deadline - 1)).isZero();
            assertThat(engine.advanceTime(deadline)).isEqualTo(1);
            assertThat(engine.advanceTime(deadline + WithdrawalPolicy.DAY_MS)).as("once per state entry").isZero();
        }
        assertThat(restored.digest()).isEqualTo(fx.engine.digest());
        assertThat(restoredEvents.all).anyMatch(line -> line.endsWith("withdrawalSlaMissed " + w + " " + ALICE
            + " SENDING " + deadline));
    }

    @Test
    void lengtheningTheSendingDeadlineNeedsASecondOperator() {
        assertThat(fx.exec((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_SLA_SENDING,
            WithdrawalPolicy.HOUR_MS, OPERATOR))).isEqualTo(RejectReason.NONE);

        assertThat(fx.lastReference()).as("a proposal").isPositive();
        assertThat(fx.engine.withdrawalView().setting(BTC, PolicyKind.WITHDRAWAL_SLA_SENDING))
            .isEqualTo(WithdrawalPolicy.SLA_SENDING_MS_DEFAULT);
        assertThat(fx.exec((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_SLA_SENDING,
            10, OPERATOR))).isEqualTo(RejectReason.INVALID_ARGUMENT);
    }

    /**
     * A snapshot written by the build before SENDING existed (format 3: withdrawals 1 REQUESTED, 2 AWAITING_APPROVAL,
     * 3 APPROVED, 4 BROADCAST; BTC's broadcast deadline tightened to 2 h, its approval threshold to 0.1 BTC) restores
     * with the digest it had, and its ready withdrawals are claimed with the default SENDING deadline.
     */
    @Test
    void restoresAFormatThreeSnapshotAndClaimsItsReadyWithdrawals() throws IOException {
        final RecordingEvents events = new RecordingEvents();
        final Engine restored = restore(resource("v3-withdrawals.bin"), events);

        restored.checkInvariants();
        assertThat(restored.digest()).as("the digest the format 3 build had").isEqualTo(-5685378052637072146L);
        final WithdrawalView view = restored.withdrawalView();
        assertThat(List.of(view.withdrawal(1).state(), view.withdrawal(2).state(), view.withdrawal(3).state(),
            view.withdrawal(4).state())).containsExactly(WithdrawalState.REQUESTED,
            WithdrawalState.AWAITING_APPROVAL, WithdrawalState.APPROVED, WithdrawalState.BROADCAST);
        assertThat(view.setting(BTC, PolicyKind.WITHDRAWAL_SLA_SENDING))
            .isEqualTo(WithdrawalPolicy.SLA_SENDING_MS_DEFAULT);
        final EngineFixture continued = new EngineFixture(restored, events, 10_000, 1_700_000_100_000L);
        for (final long w : new long[] {1, 3}) {
            EngineFixture.accept(continued.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, w)));
            assertThat(view.withdrawal(w).slaDeadlineMs())
                .isEqualTo(continued.nowMs() + WithdrawalPolicy.SLA_SENDING_MS_DEFAULT);
        }
        EngineFixture.accept(continued.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, 4)));
        assertThat(restore(snapshot(restored), new RecordingEvents()).digest()).isEqualTo(restored.digest());
    }

    private static byte[] snapshot(final Engine engine) {
        final SnapshotWriter out = new SnapshotWriter();
        engine.writeSnapshot(out);
        final byte[] bytes = new byte[out.length()];
        out.buffer().getBytes(0, bytes);
        return bytes;
    }

    private static Engine restore(final byte[] bytes, final RecordingEvents events) {
        return Engine.restore(EngineCapacity.small(), events, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static byte[] resource(final String name) throws IOException {
        try (InputStream in = WithdrawalClaimTest.class.getResourceAsStream("/snapshots/" + name)) {
            return in.readAllBytes();
        }
    }
}
