package org.candor.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.candor.engine.Bucket;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;
import org.junit.jupiter.api.Test;

/** Each event a user's funds can be affected by, and what the user is told about it. */
class NotifierTest {
    /** 2026-12-01 14:05 UTC. */
    private static final long DEADLINE_MS = 1_796_133_900_000L;
    private static final long NOW_MS = 1_795_000_000_000L;
    private static final long HOLD = 7;
    private static final long WITHDRAWAL = 12;
    private static final long ADDRESS = 5;

    private static void placeHold(final Script s, final HoldKind kind, final HoldState state,
        final ReleaseCondition condition, final HoldReason reason, final String explanation) {
        s.notifier.holdPlaced(s.next(), HOLD, Script.USER, kind == HoldKind.AMOUNT ? Script.BTC : -1,
            kind == HoldKind.AMOUNT ? 50_000_000L : 0, kind, reason, explanation, 501, DEADLINE_MS, condition, 0, 0,
            state);
        if (state == HoldState.ACTIVE && kind == HoldKind.AMOUNT) {
            s.notifier.ledgerEntry(s.next(), Script.BTC, Script.USER, Bucket.AVAILABLE, Script.USER, Bucket.HELD,
                50_000_000L, LedgerCause.HOLD_PLACED, HOLD);
        }
        s.end(NOW_MS);
    }

    private static void placeAmountHold(final Script s, final HoldState state, final ReleaseCondition condition) {
        placeHold(s, HoldKind.AMOUNT, state, condition, HoldReason.COMPLIANCE_REVIEW, "Source of funds review");
    }

    @Test
    void aHoldInForceNamesItsAmountReasonExplanationAndReviewDeadline() {
        final Script s = Script.listed();
        placeAmountHold(s, HoldState.ACTIVE, ReleaseCondition.OPERATOR_RELEASE);
        final Notification told = s.last();
        assertThat(told.kind()).isEqualTo(NotificationKind.HOLD_PLACED);
        assertThat(told.severity()).isEqualTo(Severity.WARNING);
        assertThat(told.userId()).isEqualTo(Script.USER);
        assertThat(told.id()).isEqualTo(s.seq() - 2);
        assertThat(told.timeMs()).isEqualTo(NOW_MS);
        assertThat(told.title()).isEqualTo("0.5 BTC of your balance is on hold");
        assertThat(told.body()).isEqualTo("An operator has put 0.5 BTC of your balance on hold (hold #7). Reason: "
            + "compliance review. Explanation: Source of funds review. It must be reviewed by 2026-12-01 14:05 UTC; "
            + "if it is neither released nor renewed by then, it is escalated and you will be told.");
        assertThat(told.holdId()).isEqualTo(HOLD);
        assertThat(told.asset()).isEqualTo("BTC");
    }

    @Test
    void aPendingHoldSaysNothingIsRestrictedUntilASecondOperatorApproves() {
        final Script s = Script.listed();
        placeAmountHold(s, HoldState.PENDING_APPROVAL, ReleaseCondition.OPERATOR_RELEASE);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.HOLD_PENDING_APPROVAL);
        assertThat(s.last().title()).isEqualTo("A hold on 0.5 BTC is awaiting approval");
        assertThat(s.last().body()).contains("Nothing is restricted unless a second operator approves it; if no one "
            + "does by 2026-12-01 14:05 UTC, it lapses.");

        s.notifier.holdApproved(s.next(), HOLD, 502);
        s.end(NOW_MS + 1);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.HOLD_APPROVED);
        assertThat(s.last().timeMs()).isEqualTo(NOW_MS + 1);
        assertThat(s.last().body()).startsWith("A second operator approved hold #7, so 0.5 BTC of your balance is "
            + "now on hold. Reason: compliance review. Explanation: Source of funds review.");
    }

    @Test
    void aPendingHoldThatLapsesOrIsTurnedDownRestrictedNothing() {
        final Script s = Script.listed();
        placeAmountHold(s, HoldState.PENDING_APPROVAL, ReleaseCondition.OPERATOR_RELEASE);
        s.notifier.holdRejected(s.next(), HOLD, 0, true, "");
        s.end(DEADLINE_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.HOLD_NOT_APPROVED);
        assertThat(s.last().body()).isEqualTo("No second operator approved hold #7 before 2026-12-01 14:05 UTC, so "
            + "it lapsed. Nothing was restricted.");

        final Script t = Script.listed();
        placeAmountHold(t, HoldState.PENDING_APPROVAL, ReleaseCondition.OPERATOR_RELEASE);
        t.notifier.holdRejected(t.next(), HOLD, 502, false, "Internal note the user is not shown");
        t.end(NOW_MS);
        assertThat(t.last().body()).isEqualTo("A second operator turned down hold #7. Nothing was restricted.");
    }

    @Test
    void aRenewalCountsAndGivesTheNewDeadline() {
        final Script s = Script.listed();
        placeAmountHold(s, HoldState.ACTIVE, ReleaseCondition.OPERATOR_RELEASE);
        s.notifier.holdRenewed(s.next(), HOLD, 501, DEADLINE_MS + 86_400_000L, 2, "still reviewing");
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.HOLD_RENEWED);
        assertThat(s.last().title()).isEqualTo("The hold on 0.5 BTC was renewed");
        assertThat(s.last().body()).startsWith("An operator renewed hold #7 (renewal 2): it stays in force.")
            .contains("It must be reviewed by 2026-12-02 14:05 UTC").doesNotContain("still reviewing");
    }

    @Test
    void aPassedReviewDeadlineEscalatesAndTheUserIsTold() {
        final Script s = Script.listed();
        placeAmountHold(s, HoldState.ACTIVE, ReleaseCondition.OPERATOR_RELEASE);
        s.notifier.holdEscalated(s.next(), HOLD, Script.USER, DEADLINE_MS);
        s.end(DEADLINE_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.HOLD_ESCALATED);
        assertThat(s.last().severity()).isEqualTo(Severity.WARNING);
        assertThat(s.last().title()).isEqualTo("The review of the hold on 0.5 BTC is overdue");
        assertThat(s.last().body()).startsWith("Hold #7 passed its review deadline, 2026-12-01 14:05 UTC, without "
            + "being released or renewed. It stays in force and has been escalated");
        assertThat(s.last().timeMs()).isEqualTo(DEADLINE_MS);
    }

    @Test
    void releasesSayWhetherByAnOperatorOrAutomaticallyAndThatTheMoneyIsBack() {
        final Script s = Script.listed();
        placeAmountHold(s, HoldState.ACTIVE, ReleaseCondition.OPERATOR_RELEASE);
        s.notifier.holdReleased(s.next(), HOLD, 502, false);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.HOLD_RELEASED);
        assertThat(s.last().body()).isEqualTo("Hold #7 was released by an operator: 0.5 BTC is available in your "
            + "balance again.");

        final Script t = Script.listed();
        placeAmountHold(t, HoldState.ACTIVE, ReleaseCondition.AUTO_RELEASE_AT_DEADLINE);
        assertThat(t.last().body()).endsWith("It ends automatically at its review deadline, 2026-12-01 14:05 UTC.");
        t.notifier.holdReleased(t.next(), HOLD, 0, true);
        t.end(DEADLINE_MS);
        assertThat(t.last().kind()).isEqualTo(NotificationKind.HOLD_AUTO_RELEASED);
        assertThat(t.last().body()).startsWith("Hold #7 ended automatically at its review deadline");
    }

    @Test
    void anAccountBlockSaysWhatIsRefusedAndItsEndSaysTheAccountIsFree() {
        final Script s = Script.listed();
        placeHold(s, HoldKind.ACCOUNT_BLOCK, HoldState.ACTIVE, ReleaseCondition.OPERATOR_RELEASE,
            HoldReason.SECURITY_LOCK, "Unusual login");
        assertThat(s.last().kind()).isEqualTo(NotificationKind.ACCOUNT_BLOCKED);
        assertThat(s.last().asset()).isNull();
        assertThat(s.last().body()).startsWith("An operator has blocked your account (hold #7): new orders, order "
            + "changes and withdrawals are refused while the block is in force; you can still cancel orders. "
            + "Reason: security lock. Explanation: Unusual login.");
        s.notifier.holdReleased(s.next(), HOLD, 502, false);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.ACCOUNT_UNBLOCKED);
        assertThat(s.last().title()).isEqualTo("Your account is no longer blocked");

        final Script t = Script.listed();
        placeHold(t, HoldKind.ACCOUNT_BLOCK, HoldState.PENDING_APPROVAL, ReleaseCondition.OPERATOR_RELEASE,
            HoldReason.SECURITY_LOCK, "Unusual login");
        assertThat(t.last().kind()).isEqualTo(NotificationKind.ACCOUNT_BLOCK_PENDING_APPROVAL);
        t.notifier.holdApproved(t.next(), HOLD, 502);
        t.end(NOW_MS);
        assertThat(t.last().kind()).isEqualTo(NotificationKind.ACCOUNT_BLOCKED);
        assertThat(t.last().body()).startsWith("A second operator approved hold #7, so your account is now blocked");
    }

    @Test
    void aHoldWithheldByLawShowsOnlyTheLawsWords() {
        final Script s = Script.listed();
        placeHold(s, HoldKind.AMOUNT, HoldState.ACTIVE, ReleaseCondition.OPERATOR_RELEASE,
            HoldReason.WITHHELD_BY_LAW, HoldPolicy.WITHHELD_BY_LAW_EXPLANATION);
        assertThat(s.last().body()).contains("Reason: withheld by law. Explanation: Withheld by law.");
    }

    private static void addAddress(final Script s) {
        s.notifier.withdrawalAddressAdded(s.next(), Script.USER, Script.BTC, ADDRESS, "bc1qexample", DEADLINE_MS);
        s.end(NOW_MS);
    }

    private static void request(final Script s, final WithdrawalState state) {
        s.notifier.withdrawalRequested(s.next(), WITHDRAWAL, Script.USER, Script.BTC, 25_000_000L, ADDRESS, state);
        s.notifier.ledgerEntry(s.next(), Script.BTC, Script.USER, Bucket.AVAILABLE, Script.USER, Bucket.WITHDRAWING,
            25_000_000L, LedgerCause.WITHDRAWAL_REQUESTED, WITHDRAWAL);
        s.end(NOW_MS);
    }

    private static void end(final Script s, final WithdrawalState state) {
        s.notifier.withdrawalStateChanged(s.next(), WITHDRAWAL, state);
        s.notifier.ledgerEntry(s.next(), Script.BTC, Script.USER, Bucket.WITHDRAWING, Script.USER,
            state == WithdrawalState.CONFIRMED ? Bucket.WITHDRAWING : Bucket.AVAILABLE, 25_000_000L,
            state == WithdrawalState.CONFIRMED ? LedgerCause.WITHDRAWAL_COMPLETED : LedgerCause.WITHDRAWAL_RETURNED,
            WITHDRAWAL);
        s.end(NOW_MS);
    }

    @Test
    void aNewAddressIsAnnouncedWithWhenItBecomesUsableAndItsRemovalToo() {
        final Script s = Script.listed();
        addAddress(s);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_ADDRESS_ADDED);
        assertThat(s.last().severity()).isEqualTo(Severity.ACTION_NEEDED);
        assertThat(s.last().body()).isEqualTo("The address bc1qexample was added to your BTC withdrawal allow-list "
            + "(address #5). Withdrawals can go to it from 2026-12-01 14:05 UTC. If you did not add it, remove it now "
            + "and contact support.");
        s.notifier.withdrawalAddressRemoved(s.next(), Script.USER, ADDRESS);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_ADDRESS_REMOVED);
        assertThat(s.last().body()).startsWith("The address bc1qexample was removed from your BTC withdrawal "
            + "allow-list.");
    }

    @Test
    void aWithdrawalIsFollowedFromRequestThroughBroadcastToConfirmation() {
        final Script s = Script.listed();
        addAddress(s);
        request(s, WithdrawalState.REQUESTED);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_REQUESTED);
        assertThat(s.last().withdrawalId()).isEqualTo(WITHDRAWAL);
        assertThat(s.last().body()).startsWith("Your withdrawal #12 of 0.25 BTC to bc1qexample was accepted");
        s.notifier.withdrawalBroadcast(s.next(), WITHDRAWAL, "tx-abc", 10_000);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_BROADCAST);
        assertThat(s.last().body()).contains("in transaction tx-abc; a network fee of 0.0001 BTC is taken from the "
            + "amount. It can no longer be cancelled");
        end(s, WithdrawalState.CONFIRMED);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_CONFIRMED);
        assertThat(s.last().body()).isEqualTo("Your withdrawal #12 of 0.25 BTC to bc1qexample is complete: the "
            + "network confirmed it (transaction tx-abc).");
    }

    @Test
    void aWithdrawalAboveTheThresholdWaitsForApprovalAndMayBeApprovedOrRejectedWithAReason() {
        final Script s = Script.listed();
        addAddress(s);
        request(s, WithdrawalState.AWAITING_APPROVAL);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_AWAITING_APPROVAL);
        s.notifier.withdrawalApproved(s.next(), WITHDRAWAL, 501);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_APPROVED);

        final Script t = Script.listed();
        addAddress(t);
        request(t, WithdrawalState.AWAITING_APPROVAL);
        final int before = t.told.size();
        t.notifier.withdrawalRejected(t.next(), WITHDRAWAL, 501, "Destination is a sanctioned address");
        end(t, WithdrawalState.REJECTED);
        assertThat(t.told).hasSize(before + 1);
        assertThat(t.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_REJECTED);
        assertThat(t.last().body()).isEqualTo("An operator rejected your withdrawal #12 of 0.25 BTC to bc1qexample. "
            + "Reason given: Destination is a sanctioned address. The 0.25 BTC is available in your balance again.");
    }

    @Test
    void aFailureNamesItsCauseOnceAndSaysTheFundsAreBack() {
        final Script s = Script.listed();
        addAddress(s);
        request(s, WithdrawalState.REQUESTED);
        final int before = s.told.size();
        s.notifier.withdrawalFailed(s.next(), WITHDRAWAL, WithdrawalFailure.DESTINATION_INVALID);
        end(s, WithdrawalState.FAILED);
        assertThat(s.told).hasSize(before + 1);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_FAILED);
        assertThat(s.last().body()).isEqualTo("Your withdrawal #12 of 0.25 BTC to bc1qexample failed: the "
            + "destination address is not valid; check it before trying again. The 0.25 BTC is available in your "
            + "balance again.");
    }

    @Test
    void anEndWithoutAnEarlierCauseIsStillTold() {
        final Script s = Script.listed();
        addAddress(s);
        request(s, WithdrawalState.REQUESTED);
        end(s, WithdrawalState.FAILED);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_FAILED);
        assertThat(s.last().body()).endsWith("did not complete. The 0.25 BTC is available in your balance again.");
    }

    @Test
    void aCancelledWithdrawalReturnsItsFunds() {
        final Script s = Script.listed();
        addAddress(s);
        request(s, WithdrawalState.REQUESTED);
        end(s, WithdrawalState.CANCELLED);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_CANCELLED);
        assertThat(s.last().body()).isEqualTo("Your withdrawal #12 of 0.25 BTC to bc1qexample was cancelled. The "
            + "0.25 BTC is available in your balance again.");
    }

    @Test
    void aMissedServiceLevelDeadlineTellsTheStateAndWhenItWasExpected() {
        final Script s = Script.listed();
        addAddress(s);
        request(s, WithdrawalState.REQUESTED);
        s.notifier.withdrawalSlaMissed(s.next(), WITHDRAWAL, Script.USER, WithdrawalState.REQUESTED, DEADLINE_MS);
        s.end(DEADLINE_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWAL_DELAYED);
        assertThat(s.last().severity()).isEqualTo(Severity.WARNING);
        assertThat(s.last().body()).isEqualTo("Your withdrawal #12 of 0.25 BTC to bc1qexample has been waiting to be "
            + "sent for longer than it should: it was expected to move on by 2026-12-01 14:05 UTC. Operators have "
            + "been alerted and are looking at it. The amount stays set aside for it, and you can still cancel it.");
        s.notifier.withdrawalStateChanged(s.next(), WITHDRAWAL, WithdrawalState.SENDING);
        s.end(NOW_MS);
        s.notifier.withdrawalSlaMissed(s.next(), WITHDRAWAL, Script.USER, WithdrawalState.SENDING, DEADLINE_MS);
        s.end(DEADLINE_MS);
        assertThat(s.last().body()).contains("has been in the middle of being sent on its network for longer")
            .as("claimed by the chain edge: no longer cancellable").endsWith("The amount stays set aside for it.");
        s.notifier.withdrawalBroadcast(s.next(), WITHDRAWAL, "tx", 0);
        s.end(NOW_MS);
        s.notifier.withdrawalSlaMissed(s.next(), WITHDRAWAL, Script.USER, WithdrawalState.BROADCAST, DEADLINE_MS);
        s.end(DEADLINE_MS);
        assertThat(s.last().body()).contains("has been sent and waiting for the network to confirm it for longer")
            .endsWith("The amount stays set aside for it.");
    }

    @Test
    void pausesAndHaltsAreOneNoticeForEveryone() {
        final Script s = Script.listed();
        s.notifier.withdrawalsPaused(s.next(), Script.BTC, WithdrawalPauseReason.NETWORK_INCIDENT,
            "The Bitcoin network is congested", 501);
        s.end(NOW_MS);
        assertThat(s.last().userId()).isEqualTo(Notification.EVERYONE);
        assertThat(s.last().broadcast()).isTrue();
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWALS_PAUSED);
        assertThat(s.last().body()).isEqualTo("New BTC withdrawals are refused until they resume (reason: network "
            + "incident). The Bitcoin network is congested. Balances are not affected, and you will be told when "
            + "withdrawals resume.");
        s.notifier.withdrawalsResumed(s.next(), Script.BTC, 501);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.WITHDRAWALS_RESUMED);

        s.notifier.marketStatusChanged(s.next(), Script.BTCUSDT, MarketStatus.HALTED);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.MARKET_HALTED);
        assertThat(s.last().market()).isEqualTo("BTCUSDT");
        final int told = s.told.size();
        s.notifier.marketStatusChanged(s.next(), Script.BTCUSDT, MarketStatus.HALTED);
        s.end(NOW_MS);
        assertThat(s.told).as("a status that did not change is no news").hasSize(told);
        s.notifier.marketStatusChanged(s.next(), Script.BTCUSDT, MarketStatus.TRADING);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.MARKET_RESUMED);
    }

    @Test
    void aDepositIsCreditedInTheAssetsUnits() {
        final Script s = Script.listed();
        s.notifier.depositCredited(s.next(), Script.USER, Script.USDT, 1_234_500_000L, 99);
        s.end(NOW_MS);
        assertThat(s.last().kind()).isEqualTo(NotificationKind.DEPOSIT_CREDITED);
        assertThat(s.last().title()).isEqualTo("Deposit of 1234.5 USDT credited");
        assertThat(s.last().body()).isEqualTo("1234.5 USDT was credited to your balance and is available (deposit "
            + "reference 99).");
    }

    @Test
    void notificationsWaitForTheirCommandsResultAndTakeItsTime() {
        final Script s = Script.listed();
        s.notifier.depositCredited(s.next(), Script.USER, Script.BTC, 1, 1);
        assertThat(s.told).isEmpty();
        s.end(NOW_MS + 5);
        assertThat(s.told).hasSize(1);
        assertThat(s.last().timeMs()).isEqualTo(NOW_MS + 5);
        assertThat(s.last().title()).isEqualTo("Deposit of 0.00000001 BTC credited");
        assertThat(s.resultSeqs.get(s.resultSeqs.size() - 1)).isEqualTo(s.seq());
    }

    @Test
    void aGapInTheSequenceStopsTheNotifier() {
        final Script s = Script.listed();
        s.next();
        assertThatThrownBy(() -> s.notifier.depositCredited(s.next(), Script.USER, Script.BTC, 1, 1))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of sequence");
    }
}
