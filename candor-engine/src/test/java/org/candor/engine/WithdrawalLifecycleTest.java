package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.APPROVER;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.MARKET;
import static org.candor.engine.EngineFixture.OPERATOR;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The withdrawal lifecycle, allow-lists, velocity limits, pauses and the two-operator rule (decision 0010). */
class WithdrawalLifecycleTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long DAY_MS = 24L * 60 * 60 * 1000;

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

    @Test
    void aWithdrawalAboveTheThresholdIsApprovedBroadcastAndConfirmed() {
        fx.policy((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD,
            BTC_UNIT / 10, OPERATOR));
        EngineFixture.accept(fx.withdraw(ALICE, BTC, BTC_UNIT / 2));
        final long w = fx.lastReference();
        assertThat(state(w)).isEqualTo(WithdrawalState.AWAITING_APPROVAL);
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST,
            (e, c, id, t) -> e.claimWithdrawal(c, id, t, w));

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approveWithdrawal(c, id, t, w, APPROVER)));
        assertThat(state(w)).isEqualTo(WithdrawalState.APPROVED);
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_NOT_BROADCAST,
            (e, c, id, t) -> e.completeWithdrawal(c, id, t, w));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, w)));
        assertThat(state(w)).isEqualTo(WithdrawalState.SENDING);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, w, "0xabc", 1_000)));
        assertThat(state(w)).isEqualTo(WithdrawalState.BROADCAST);
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_ALREADY_BROADCAST,
            (e, c, id, t) -> e.cancelWithdrawal(c, id, t, ALICE, w));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, w)));

        assertThat(state(w)).isNull();
        fx.assertBuckets(ALICE, BTC, BTC_UNIT / 2, 0, 0, 0);
        assertThat(fx.events.all).anyMatch(line -> line.contains("withdrawalState " + w + " CONFIRMED"));
    }

    @Test
    void anOperatorsRejectionAndTheOwnersCancellationReturnTheFunds() {
        fx.policy((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD, 0,
            OPERATOR));
        EngineFixture.accept(fx.withdraw(ALICE, BTC, 1_000));
        final long rejected = fx.lastReference();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.rejectWithdrawal(c, id, t, rejected, APPROVER,
            "Destination on a sanctions list")));
        EngineFixture.accept(fx.withdraw(ALICE, BTC, 1_000));
        final long cancelled = fx.lastReference();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.cancelWithdrawal(c, id, t, ALICE, cancelled)));

        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        assertThat(fx.events.all).anyMatch(line -> line.contains("withdrawalState " + rejected + " REJECTED"));
    }

    @Test
    void addressesAreNeverAddedImplicitlyAndWaitForTheirTimeLock() {
        fx.assertRejectedWithoutChange(RejectReason.ADDRESS_NOT_ON_ALLOW_LIST,
            (e, c, id, t) -> e.requestWithdrawal(c, id, t, ALICE, BTC, 1_000, 99));
        assertThat(fx.engine.withdrawalView().addressesOf(ALICE)).isEmpty();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.addWithdrawalAddress(c, id, t, ALICE, BTC, "bc1qalice")));
        final long address = fx.lastReference();
        final long usableFrom = fx.engine.withdrawalView().address(address).usableFromMs();
        assertThat(usableFrom).isEqualTo(fx.nowMs() + DAY_MS);

        assertThat(fx.exec((e, c, id, t) -> e.requestWithdrawal(c, id, t, ALICE, BTC, 1_000, address)))
            .isEqualTo(RejectReason.ADDRESS_TIME_LOCKED);
        assertThat(fx.lastReference()).as("the result says when it matures").isEqualTo(usableFrom);
        fx.assertRejectedWithoutChange(RejectReason.ADDRESS_NOT_ON_ALLOW_LIST,
            (e, c, id, t) -> e.requestWithdrawal(c, id, t, BOB, BTC, 1_000, address));
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_ADDRESS_EXISTS,
            (e, c, id, t) -> e.addWithdrawalAddress(c, id, t, ALICE, BTC, "bc1qalice"));
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_TEXT_INVALID,
            (e, c, id, t) -> e.addWithdrawalAddress(c, id, t, ALICE, BTC, "bc1 with space"));

        fx.sleep(DAY_MS);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.requestWithdrawal(c, id, t, ALICE, BTC, 1_000, address)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.removeWithdrawalAddress(c, id, t, ALICE, address)));
        fx.assertRejectedWithoutChange(RejectReason.ADDRESS_NOT_ON_ALLOW_LIST,
            (e, c, id, t) -> e.requestWithdrawal(c, id, t, ALICE, BTC, 1_000, address));
    }

    @Test
    void aUserKeepsAtMostSixteenAddresses() {
        for (int i = 0; i < WithdrawalAddresses.PER_USER_MAX; i++) {
            final String text = "addr" + i;
            EngineFixture.accept(fx.exec((e, c, id, t) -> e.addWithdrawalAddress(c, id, t, ALICE, BTC, text)));
        }
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWAL_ADDRESSES_CAPACITY_REACHED,
            (e, c, id, t) -> e.addWithdrawalAddress(c, id, t, ALICE, BTC, "one-too-many"));
    }

    @Test
    void velocityLimitsNameTheLimitAndAgeOutAfterADay() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC,
            PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT, 10_000, OPERATOR)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC,
            PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT, 15_000, OPERATOR)));
        EngineFixture.accept(fx.withdraw(ALICE, BTC, 8_000));
        final EngineFixture.Command tooMuch = fx.withdrawal(ALICE, BTC, 3_000);
        assertThat(fx.exec(tooMuch)).isEqualTo(RejectReason.WITHDRAWAL_VELOCITY_LIMIT);
        assertThat(fx.lastReference()).isEqualTo(PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT.code());
        EngineFixture.accept(fx.withdraw(BOB, BTC, 6_000));
        assertThat(fx.exec(fx.withdrawal(BOB, BTC, 2_000))).isEqualTo(RejectReason.WITHDRAWAL_VELOCITY_LIMIT);
        assertThat(fx.lastReference()).isEqualTo(PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT.code());

        fx.sleep(DAY_MS);
        EngineFixture.accept(fx.exec(tooMuch));
    }

    @Test
    void looseningNeedsASecondOperatorAndTighteningDoesNot() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC,
            PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT, 10_000, OPERATOR)));
        assertThat(fx.engine.withdrawalView().setting(BTC, PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT))
            .isEqualTo(10_000);

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setWithdrawalPolicy(c, id, t, BTC,
            PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT, 50_000, OPERATOR)));
        final long proposal = fx.lastReference();
        assertThat(fx.engine.withdrawalView().setting(BTC, PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT))
            .as("raising is only a proposal").isEqualTo(10_000);
        fx.assertRejectedWithoutChange(RejectReason.SELF_APPROVAL,
            (e, c, id, t) -> e.approvePolicyChange(c, id, t, proposal, OPERATOR));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approvePolicyChange(c, id, t, proposal, APPROVER)));
        assertThat(fx.engine.withdrawalView().setting(BTC, PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT))
            .isEqualTo(50_000);
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_POLICY_CHANGE,
            (e, c, id, t) -> e.approvePolicyChange(c, id, t, proposal, APPROVER));

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setHoldApprovalThreshold(c, id, t, BTC, 5_000, OPERATOR)));
        assertThat(fx.engine.holdApprovalThreshold(BTC)).as("raising the hold threshold waits").isZero();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setBlastRadiusPolicy(c, id, t, 100, 10_000, 3_600_000,
            OPERATOR)));
        assertThat(fx.engine.withdrawalView().blastRadiusAccountsMax()).as("loosening the limiter waits")
            .isEqualTo(BlastRadius.ACCOUNTS_MAX_DEFAULT);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setBlastRadiusPolicy(c, id, t, 5, 10_000, 3_600_000,
            OPERATOR)));
        assertThat(fx.engine.withdrawalView().blastRadiusAccountsMax()).as("tightening is at once").isEqualTo(5);
    }

    @Test
    void pendingProposalsAndUnusedMassActionsExpireByTheTimer() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setHoldApprovalThreshold(c, id, t, BTC, 5_000, OPERATOR)));
        final long proposal = fx.lastReference();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.proposeMassAction(c, id, t, 7, OPERATOR, 3, "Incident")));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approveMassAction(c, id, t, 7, APPROVER)));
        fx.events.clear();

        fx.engine.advanceTime(fx.nowMs() + DAY_MS);
        fx.audit();

        assertThat(fx.events.all).anyMatch(line -> line.contains("policyChangeExpired " + proposal));
        assertThat(fx.events.all).anyMatch(line -> line.contains("massActionExpired 7 0"));
        assertThat(fx.engine.withdrawalView().policyChange(proposal)).isNull();
        fx.assertRejectedWithoutChange(RejectReason.MASS_ACTION_EXPIRED, (e, c, id, t) -> e.placeHold(c, id, t,
            ALICE, Hold.NO_ASSET, 0, HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, "Court", OPERATOR,
            t + DAY_MS, ReleaseCondition.OPERATOR_RELEASE, 0, 7));
    }

    @Test
    void aPauseRefusesOnlyItsAssetAndHaltedMarketsNeverStopWithdrawals() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.pauseWithdrawals(c, id, t, USDT,
            WithdrawalPauseReason.NETWORK_INCIDENT, "Tron network halted", OPERATOR)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setMarketStatus(c, id, t, MARKET, MarketStatus.HALTED)));
        assertThat(fx.exec(fx.withdrawal(ALICE, USDT, USDT_UNIT))).isEqualTo(RejectReason.WITHDRAWALS_PAUSED);
        assertThat(fx.lastReference()).isEqualTo(WithdrawalPauseReason.NETWORK_INCIDENT.code());

        EngineFixture.accept(fx.withdraw(ALICE, BTC, BTC_UNIT));
        final long w = fx.lastReference();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, w)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, w, "0xbeef", 0)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, w)));
        fx.assertBuckets(ALICE, BTC, 0, 0, 0, 0);

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.resumeWithdrawals(c, id, t, USDT, OPERATOR)));
        EngineFixture.accept(fx.withdraw(ALICE, USDT, USDT_UNIT));
        fx.assertRejectedWithoutChange(RejectReason.WITHDRAWALS_NOT_PAUSED,
            (e, c, id, t) -> e.resumeWithdrawals(c, id, t, USDT, OPERATOR));
    }

    @Test
    void theQueuePositionCountsEarlierQueuedWithdrawalsOfTheSameAsset() {
        EngineFixture.accept(fx.withdraw(ALICE, BTC, 1_000));
        final long first = fx.lastReference();
        EngineFixture.accept(fx.withdraw(BOB, USDT, 1_000));
        EngineFixture.accept(fx.withdraw(BOB, BTC, 1_000));
        final long second = fx.lastReference();
        assertThat(fx.engine.withdrawalQueuePosition(first)).isEqualTo(1);
        assertThat(fx.engine.withdrawalQueuePosition(second)).isEqualTo(2);

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, first)));
        assertThat(fx.engine.withdrawalQueuePosition(first)).as("the claim for sending leaves the queue").isZero();
        assertThat(fx.engine.withdrawalQueuePosition(second)).isEqualTo(1);
    }

    @Test
    void eachStateEntryMissesItsDeadlineOnceAcrossSnapshotAndRestore() {
        EngineFixture.accept(fx.withdraw(ALICE, BTC, 1_000));
        final long w = fx.lastReference();
        final long deadline = fx.engine.withdrawalView().withdrawal(w).slaDeadlineMs();
        assertThat(fx.engine.nextDeadlineMs()).isEqualTo(deadline);

        final SnapshotWriter out = new SnapshotWriter();
        fx.engine.writeSnapshot(out);
        final byte[] bytes = new byte[out.length()];
        out.buffer().getBytes(0, bytes);
        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = Engine.restore(EngineCapacity.small(), restoredEvents, new UnsafeBuffer(bytes), 0,
            bytes.length);
        assertThat(restored.digest()).isEqualTo(fx.engine.digest());

        for (final Engine engine : List.of(fx.engine, restored)) {
            assertThat(engine.advanceTime(deadline)).isEqualTo(1);
            assertThat(engine.advanceTime(deadline + DAY_MS)).as("once per state entry").isZero();
        }
        assertThat(restored.digest()).isEqualTo(fx.engine.digest());
        assertThat(restoredEvents.all).anyMatch(line -> line.contains("withdrawalSlaMissed " + w + " " + ALICE
            + " REQUESTED " + deadline));

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, w)));
        assertThat(fx.engine.nextDeadlineMs()).as("a new state, a new deadline")
            .isEqualTo(fx.nowMs() + WithdrawalPolicy.SLA_SENDING_MS_DEFAULT);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, w, "0x2", 0)));
        assertThat(fx.engine.nextDeadlineMs()).as("a new state, a new deadline")
            .isEqualTo(fx.nowMs() + WithdrawalPolicy.SLA_BROADCAST_MS_DEFAULT);
    }

    @Test
    void theBlastRadiusLimiterIsOnFromTheStart() {
        assertThat(fx.engine.withdrawalView().blastRadiusWindowMs()).isEqualTo(BlastRadius.WINDOW_MS_DEFAULT);
        assertThat(fx.engine.withdrawalView().blastRadiusAccountsMax()).isEqualTo(20);
    }
}
