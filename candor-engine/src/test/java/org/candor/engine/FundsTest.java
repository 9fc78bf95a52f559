package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.USDT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FundsTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long OPERATOR = 500;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        EngineFixture.accept(fx.user(ALICE));
        EngineFixture.accept(fx.user(BOB));
    }

    private RejectReason requestWithdrawal(final long userId, final long amount) {
        return fx.withdraw(userId, BTC, amount);
    }

    private RejectReason placeHold(final long userId, final long amount) {
        return fx.hold(userId, BTC, amount, HoldReason.COMPLIANCE_REVIEW, OPERATOR);
    }

    private void assertLedgerBalances() {
        assertThat(fx.ledgerSum(BTC)).isZero();
        assertThat(fx.ledgerSum(USDT)).isZero();
    }

    @Test
    void depositMovesFromCustodyToAvailable() {
        fx.events.clear();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.deposit(c, id, t, ALICE, BTC, BTC_UNIT, 77)));

        assertThat(fx.lastReference()).isEqualTo(77);
        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, Engine.SYSTEM_USER_ID,
            Bucket.CUSTODY, ALICE, Bucket.AVAILABLE, BTC_UNIT, LedgerCause.DEPOSIT, 77));
        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        assertThat(fx.balance(Engine.SYSTEM_USER_ID, BTC, Bucket.CUSTODY)).isEqualTo(-BTC_UNIT);
        assertLedgerBalances();
    }

    @Test
    void rejectsNonPositiveDeposit() {
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT,
            (e, c, id, t) -> e.deposit(c, id, t, ALICE, BTC, 0, 1));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT,
            (e, c, id, t) -> e.deposit(c, id, t, ALICE, BTC, -5, 2));
    }

    @Test
    void rejectsDepositBeyondTheAmountLimitWithBalanceOverflow() {
        EngineFixture.accept(fx.deposit(ALICE, BTC, Ledger.AMOUNT_MAX - 1));
        EngineFixture.accept(fx.deposit(ALICE, BTC, 1));

        fx.assertRejectedWithoutChange(RejectReason.BALANCE_OVERFLOW,
            (e, c, id, t) -> e.deposit(c, id, t, BOB, BTC, 1, 3));
        fx.assertRejectedWithoutChange(RejectReason.BALANCE_OVERFLOW,
            (e, c, id, t) -> e.deposit(c, id, t, ALICE, BTC, Long.MAX_VALUE, 4));
        assertThat(fx.available(ALICE, BTC)).isEqualTo(Ledger.AMOUNT_MAX);
        assertLedgerBalances();
    }

    @Test
    void withdrawalRequestThenCompleteLeavesTheLedger() {
        fx.deposit(ALICE, BTC, BTC_UNIT);
        fx.events.clear();

        EngineFixture.accept(requestWithdrawal(ALICE, 30_000_000));
        final long withdrawal = fx.lastReference();

        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, ALICE, Bucket.AVAILABLE, ALICE,
            Bucket.WITHDRAWING, 30_000_000, LedgerCause.WITHDRAWAL_REQUESTED, withdrawal));
        fx.assertBuckets(ALICE, BTC, 70_000_000, 0, 30_000_000, 0);
        assertThat(fx.engine.pendingWithdrawals()).extracting(Withdrawal::withdrawalId).containsExactly(withdrawal);

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.claimWithdrawal(c, id, t, withdrawal)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.markWithdrawalBroadcast(c, id, t, withdrawal, "0xfeed", 500)));
        fx.events.clear();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.completeWithdrawal(c, id, t, withdrawal)));

        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, ALICE, Bucket.WITHDRAWING,
            Engine.SYSTEM_USER_ID, Bucket.CUSTODY, 30_000_000, LedgerCause.WITHDRAWAL_COMPLETED, withdrawal));
        fx.assertBuckets(ALICE, BTC, 70_000_000, 0, 0, 0);
        assertThat(fx.balance(Engine.SYSTEM_USER_ID, BTC, Bucket.CUSTODY)).isEqualTo(-70_000_000);
        assertThat(fx.engine.pendingWithdrawals()).isEmpty();
        assertLedgerBalances();
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_WITHDRAWAL,
            (e, c, id, t) -> e.completeWithdrawal(c, id, t, withdrawal));
    }

    @Test
    void failedWithdrawalReturnsToAvailable() {
        fx.deposit(ALICE, BTC, BTC_UNIT);
        EngineFixture.accept(requestWithdrawal(ALICE, 30_000_000));
        final long withdrawal = fx.lastReference();
        fx.events.clear();

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.failWithdrawal(c, id, t, withdrawal,
            WithdrawalFailure.BROADCAST_FAILED)));

        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, ALICE, Bucket.WITHDRAWING,
            ALICE, Bucket.AVAILABLE, 30_000_000, LedgerCause.WITHDRAWAL_RETURNED, withdrawal));
        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        assertLedgerBalances();
    }

    @Test
    void onlyTheOwnerCancelsAWithdrawal() {
        fx.deposit(ALICE, BTC, BTC_UNIT);
        EngineFixture.accept(requestWithdrawal(ALICE, 30_000_000));
        final long withdrawal = fx.lastReference();

        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_WITHDRAWAL,
            (e, c, id, t) -> e.cancelWithdrawal(c, id, t, BOB, withdrawal));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_USER,
            (e, c, id, t) -> e.cancelWithdrawal(c, id, t, 99, withdrawal));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.cancelWithdrawal(c, id, t, ALICE, withdrawal)));

        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        assertLedgerBalances();
    }

    @Test
    void rejectsWithdrawalBeyondAvailable() {
        fx.deposit(ALICE, BTC, BTC_UNIT);
        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS,
            fx.withdrawal(ALICE, BTC, BTC_UNIT + 1));
        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS,
            fx.withdrawal(BOB, BTC, 1));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT,
            fx.withdrawal(ALICE, BTC, 0));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ASSET,
            fx.withdrawal(ALICE, 9, 1));
    }

    @Test
    void holdMovesAvailableToHeldAndReleaseReturnsIt() {
        fx.deposit(ALICE, BTC, BTC_UNIT);
        fx.holdsTakeEffectAtOnce(BTC);
        fx.events.clear();

        EngineFixture.accept(placeHold(ALICE, 40_000_000));
        final long hold = fx.lastReference();

        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, ALICE, Bucket.AVAILABLE, ALICE,
            Bucket.HELD, 40_000_000, LedgerCause.HOLD_PLACED, hold));
        fx.assertBuckets(ALICE, BTC, 60_000_000, 0, 0, 40_000_000);
        assertThat(fx.engine.activeHolds()).extracting(Hold::holdId).containsExactly(hold);
        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS,
            fx.withdrawal(ALICE, BTC, 60_000_001));

        fx.events.clear();
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.releaseHold(c, id, t, hold, OPERATOR)));

        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, ALICE, Bucket.HELD, ALICE,
            Bucket.AVAILABLE, 40_000_000, LedgerCause.HOLD_RELEASED, hold));
        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        assertLedgerBalances();
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_HOLD,
            (e, c, id, t) -> e.releaseHold(c, id, t, hold, OPERATOR));
    }
}
