package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.APPROVER;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.HOLD_REVIEW_MS;
import static org.candor.engine.EngineFixture.HOLD_TEXT;
import static org.candor.engine.EngineFixture.OPERATOR;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldsTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(ALICE, BTC_UNIT, 100_000 * USDT_UNIT);
        fx.funded(BOB, BTC_UNIT, 100_000 * USDT_UNIT);
    }

    private RejectReason placeHold(final long userId, final int assetId, final long amount, final HoldKind kind,
        final HoldReason reason, final String text, final long deadlineAheadMs, final ReleaseCondition condition) {
        return fx.exec((e, c, id, t) -> e.placeHold(c, id, t, userId, assetId, amount, kind, reason, text, OPERATOR,
            t + deadlineAheadMs, condition, 0, 0));
    }

    private RejectReason block(final long userId) {
        return placeHold(userId, Hold.NO_ASSET, 0, HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, "Court order",
            HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE);
    }

    private RejectReason approve(final long holdId, final long operatorId) {
        return fx.exec((e, c, id, t) -> e.approveHold(c, id, t, holdId, operatorId));
    }

    @Test
    void aHoldWaitsForASecondOperatorAndRestrictsNothingUntilApproved() {
        EngineFixture.accept(fx.hold(ALICE, BTC, 40_000_000, HoldReason.COMPLIANCE_REVIEW, OPERATOR));
        final long hold = fx.lastReference();

        assertThat(fx.engine.hold(hold).state()).isEqualTo(HoldState.PENDING_APPROVAL);
        assertThat(fx.engine.heldAmount(hold)).isZero();
        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        fx.assertRejectedWithoutChange(RejectReason.SELF_APPROVAL, (e, c, id, t) -> e.approveHold(c, id, t, hold,
            OPERATOR));

        fx.events.clear();
        EngineFixture.accept(approve(hold, APPROVER));

        assertThat(fx.events.all.get(0)).endsWith("holdApproved " + hold + " " + APPROVER);
        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(BTC, ALICE, Bucket.AVAILABLE, ALICE,
            Bucket.HELD, 40_000_000, LedgerCause.HOLD_PLACED, hold));
        final Hold placed = fx.engine.hold(hold);
        assertThat(placed.state()).isEqualTo(HoldState.ACTIVE);
        assertThat(placed.approvedBy()).isEqualTo(APPROVER);
        assertThat(placed.placedBy()).isEqualTo(OPERATOR);
        assertThat(placed.explanation()).isEqualTo(HOLD_TEXT);
        assertThat(fx.engine.heldAmount(hold)).isEqualTo(40_000_000);
        fx.assertBuckets(ALICE, BTC, 60_000_000, 0, 0, 40_000_000);
        fx.assertRejectedWithoutChange(RejectReason.HOLD_NOT_PENDING, (e, c, id, t) -> e.approveHold(c, id, t, hold,
            APPROVER + 1));
    }

    @Test
    void approvalIsRefusedWhileTheAvailableBalanceNoLongerCoversTheHold() {
        EngineFixture.accept(fx.hold(ALICE, BTC, 60_000_000, HoldReason.SUSPICIOUS_ACTIVITY, OPERATOR));
        final long hold = fx.lastReference();
        EngineFixture.accept(fx.withdraw(ALICE, BTC, 50_000_000));

        fx.assertRejectedWithoutChange(RejectReason.INSUFFICIENT_FUNDS, (e, c, id, t) -> e.approveHold(c, id, t,
            hold, APPROVER));
        assertThat(fx.engine.hold(hold).state()).isEqualTo(HoldState.PENDING_APPROVAL);
    }

    @Test
    void holdsAtOrBelowTheThresholdTakeEffectAtOnceAndAboveItWait() {
        fx.policy((e, c, id, t) -> e.setHoldApprovalThreshold(c, id, t, BTC, 1_000, OPERATOR));
        assertThat(fx.engine.holdApprovalThreshold(BTC)).isEqualTo(1_000);

        EngineFixture.accept(fx.hold(ALICE, BTC, 1_000, HoldReason.USER_REQUEST, OPERATOR));
        final Hold small = fx.engine.hold(fx.lastReference());
        EngineFixture.accept(fx.hold(ALICE, BTC, 1_001, HoldReason.USER_REQUEST, OPERATOR));
        final Hold large = fx.engine.hold(fx.lastReference());

        assertThat(small.state()).isEqualTo(HoldState.ACTIVE);
        assertThat(small.approvalRequired()).isFalse();
        assertThat(small.approvedBy()).isZero();
        assertThat(large.state()).isEqualTo(HoldState.PENDING_APPROVAL);
        fx.assertBuckets(ALICE, BTC, BTC_UNIT - 1_000, 0, 0, 1_000);
    }

    @Test
    void rejectingAPendingHoldEndsItWithTheOperatorsJustification() {
        EngineFixture.accept(fx.hold(ALICE, BTC, 1_000, HoldReason.COMPLIANCE_REVIEW, OPERATOR));
        final long hold = fx.lastReference();
        fx.events.clear();

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.rejectHold(c, id, t, hold, APPROVER, "No grounds")));

        assertThat(fx.events.all.get(0)).endsWith("holdRejected " + hold + " " + APPROVER + " false 'No grounds'");
        assertThat(fx.engine.hold(hold)).isNull();
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_HOLD, (e, c, id, t) -> e.approveHold(c, id, t, hold,
            APPROVER));
        fx.assertRejectedWithoutChange(RejectReason.HOLD_EXPLANATION_INVALID, (e, c, id, t) -> e.rejectHold(c, id, t,
            hold, APPROVER, " "));
    }

    @Test
    void onlyAHoldInForceCanBeReleased() {
        EngineFixture.accept(fx.hold(ALICE, BTC, 1_000, HoldReason.COMPLIANCE_REVIEW, OPERATOR));
        final long hold = fx.lastReference();
        fx.assertRejectedWithoutChange(RejectReason.HOLD_NOT_IN_FORCE, (e, c, id, t) -> e.releaseHold(c, id, t,
            hold, OPERATOR));
        EngineFixture.accept(approve(hold, APPROVER));
        fx.events.clear();

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.releaseHold(c, id, t, hold, OPERATOR)));

        assertThat(fx.events.all.get(0)).endsWith("holdReleased " + hold + " " + OPERATOR + " false");
        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
    }

    @Test
    void rejectsHoldsWhoseTermsAreNotAccountable() {
        final String tooLong = "é".repeat(HoldPolicy.TEXT_BYTES_MAX / 2) + "x";
        final String longest = "é".repeat(HoldPolicy.TEXT_BYTES_MAX / 2);
        fx.checkEveryReject();
        assertThat(placeHold(ALICE, BTC, 1, HoldKind.AMOUNT, null, HOLD_TEXT, HOLD_REVIEW_MS,
            ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.INVALID_ARGUMENT);
        assertThat(placeHold(ALICE, BTC, 0, HoldKind.AMOUNT, HoldReason.COURT_ORDER, HOLD_TEXT, HOLD_REVIEW_MS,
            ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.INVALID_ARGUMENT);
        assertThat(placeHold(ALICE, BTC, 5, HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, HOLD_TEXT,
            HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.INVALID_ARGUMENT);
        assertThat(placeHold(ALICE, 9, 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, HOLD_TEXT, HOLD_REVIEW_MS,
            ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.UNKNOWN_ASSET);
        for (final String text : new String[] {null, "", "   ", tooLong, "line\nbreak", "nul\0", "\uD800"}) {
            assertThat(placeHold(ALICE, BTC, 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, text, HOLD_REVIEW_MS,
                ReleaseCondition.OPERATOR_RELEASE)).as("text %s", text)
                .isEqualTo(RejectReason.HOLD_EXPLANATION_INVALID);
        }
        assertThat(placeHold(ALICE, BTC, 1, HoldKind.AMOUNT, HoldReason.WITHHELD_BY_LAW, "Sanctions", HOLD_REVIEW_MS,
            ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.HOLD_EXPLANATION_INVALID);
        for (final long ahead : new long[] {0, -1, HoldPolicy.REVIEW_AHEAD_MS_MAX + 1}) {
            assertThat(placeHold(ALICE, BTC, 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, HOLD_TEXT, ahead,
                ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.HOLD_DEADLINE_INVALID);
        }
        assertThat(placeHold(ALICE, BTC, 1, HoldKind.AMOUNT, HoldReason.OPERATIONAL_INCIDENT, HOLD_TEXT,
            HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.HOLD_RELEASE_CONDITION_INVALID);
        assertThat(placeHold(ALICE, BTC, BTC_UNIT + 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, HOLD_TEXT,
            HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE)).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, (e, c, id, t) -> e.placeHold(c, id, t, ALICE,
            BTC, 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, HOLD_TEXT, 0, t + 1, ReleaseCondition.OPERATOR_RELEASE,
            0, 0));

        EngineFixture.accept(placeHold(ALICE, BTC, 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, longest,
            HoldPolicy.REVIEW_AHEAD_MS_MAX, ReleaseCondition.OPERATOR_RELEASE));
        assertThat(fx.engine.hold(fx.lastReference()).explanation()).isEqualTo(longest);
    }

    @Test
    void withheldByLawHoldsShowTheFixedTextAndAreCounted() {
        fx.holdsTakeEffectAtOnce(BTC);
        EngineFixture.accept(fx.hold(ALICE, BTC, 5_000, HoldReason.WITHHELD_BY_LAW, OPERATOR));
        final long first = fx.lastReference();
        EngineFixture.accept(fx.hold(BOB, BTC, 5_000, HoldReason.WITHHELD_BY_LAW, OPERATOR));
        EngineFixture.accept(fx.hold(BOB, BTC, 5_000, HoldReason.COURT_ORDER, OPERATOR));

        assertThat(fx.engine.withheldByLawCount()).isEqualTo(2);
        assertThat(fx.engine.hold(first).explanation()).isEqualTo("Withheld by law");
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.releaseHold(c, id, t, first, OPERATOR)));
        assertThat(fx.engine.withheldByLawCount()).isEqualTo(1);
    }

    @Test
    void anAccountBlockRefusesDebitsNamingTheHoldButLetsCreditsIn() {
        final long resting = fx.sell(ALICE, PRICE_30K, 10_000_000);
        EngineFixture.accept(block(ALICE));
        final long hold = fx.lastReference();
        EngineFixture.accept(fx.place(ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K - 10_000,
            10_000, 0, 0, StpMode.NONE));
        EngineFixture.accept(approve(hold, APPROVER));
        assertThat(fx.engine.accountBlock(ALICE)).isEqualTo(hold);

        for (final EngineFixture.Command debit : List.<EngineFixture.Command>of(
            (e, c, id, t) -> e.placeOrder(c, id, t, ALICE, EngineFixture.MARKET, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, PRICE_30K - 10_000, 10_000, 0, 0, StpMode.NONE),
            (e, c, id, t) -> e.moveOrder(c, id, t, ALICE, EngineFixture.MARKET, resting, PRICE_30K + 10_000),
            fx.withdrawal(ALICE, USDT, 1))) {
            final String before = fx.state();
            fx.events.clear();
            assertThat(fx.exec(debit)).isEqualTo(RejectReason.ACCOUNT_BLOCKED);
            assertThat(fx.events.lastResult().reference()).as("the result names the hold").isEqualTo(hold);
            assertThat(fx.events.all).hasSize(1);
            assertThat(fx.state()).isEqualTo(before);
        }

        EngineFixture.accept(fx.deposit(ALICE, USDT, USDT_UNIT));
        fx.buy(BOB, PRICE_30K, 10_000_000);
        assertThat(fx.events.trades).isNotEmpty();
        final long bidReserve = 2_999_999;
        final long makerFee = 3 * USDT_UNIT;
        fx.assertBuckets(ALICE, USDT, 103_001 * USDT_UNIT - makerFee - bidReserve, bidReserve, 0, 0);
        EngineFixture.accept(fx.cancel(ALICE, fx.bookIds(Side.BUY).get(0)));
        EngineFixture.accept(fx.withdraw(BOB, USDT, 1));

        EngineFixture.accept(fx.exec((e, c, id, t) -> e.releaseHold(c, id, t, hold, OPERATOR)));
        assertThat(fx.engine.accountBlock(ALICE)).isZero();
        EngineFixture.accept(fx.withdraw(ALICE, USDT, 1));
    }

    @Test
    void anActiveHoldEscalatesAtItsDeadlineAndARenewalMakesItActiveAgain() {
        fx.holdsTakeEffectAtOnce(BTC);
        EngineFixture.accept(fx.hold(ALICE, BTC, 1_000, HoldReason.COMPLIANCE_REVIEW, OPERATOR));
        final long hold = fx.lastReference();
        final long deadline = fx.engine.hold(hold).reviewDeadlineMs();
        assertThat(fx.engine.nextDeadlineMs()).isEqualTo(deadline);
        fx.events.clear();

        assertThat(fx.engine.advanceTime(deadline - 1)).isZero();
        assertThat(fx.events.all).isEmpty();
        assertThat(fx.engine.advanceTime(deadline)).isEqualTo(1);

        assertThat(fx.events.all).hasSize(2);
        assertThat(fx.events.all.get(0)).endsWith("holdEscalated " + hold + " " + ALICE + " " + deadline);
        assertThat(fx.events.all.get(1)).contains("result 0 0 " + deadline + " NONE 1");
        assertThat(fx.engine.hold(hold).state()).isEqualTo(HoldState.ESCALATED);
        assertThat(fx.engine.heldAmount(hold)).isEqualTo(1_000);
        assertThat(fx.engine.nextDeadlineMs()).isEqualTo(Long.MAX_VALUE);
        fx.events.clear();
        assertThat(fx.engine.advanceTime(deadline + HOLD_REVIEW_MS)).as("a deadline fires once").isZero();
        assertThat(fx.events.all).isEmpty();

        fx.sleep(HOLD_REVIEW_MS);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.renewHold(c, id, t, hold, APPROVER, t + HOLD_REVIEW_MS,
            "Awaiting the bank's answer")));
        final Hold renewed = fx.engine.hold(hold);
        assertThat(renewed.state()).isEqualTo(HoldState.ACTIVE);
        assertThat(renewed.renewals()).isEqualTo(1);
        assertThat(fx.events.all.get(fx.events.all.size() - 2)).endsWith("holdRenewed " + hold + " " + APPROVER + " "
            + renewed.reviewDeadlineMs() + " 1 'Awaiting the bank's answer'");
        assertThat(fx.engine.nextDeadlineMs()).isEqualTo(renewed.reviewDeadlineMs());
    }

    @Test
    void anOperationalHoldReleasesItselfAtItsDeadline() {
        fx.holdsTakeEffectAtOnce(USDT);
        EngineFixture.accept(fx.hold(ALICE, USDT, USDT_UNIT, HoldReason.OPERATIONAL_INCIDENT, OPERATOR));
        final long hold = fx.lastReference();
        fx.events.clear();

        fx.engine.advanceTime(fx.engine.hold(hold).reviewDeadlineMs());

        assertThat(fx.events.all.get(0)).endsWith("holdReleased " + hold + " 0 true");
        fx.assertBuckets(ALICE, USDT, 100_000 * USDT_UNIT, 0, 0, 0);
        assertThat(fx.engine.hold(hold)).isNull();
        fx.audit();
    }

    @Test
    void aPendingHoldExpiresUnapprovedAtItsDeadline() {
        EngineFixture.accept(fx.hold(ALICE, BTC, 1_000, HoldReason.COMPLIANCE_REVIEW, OPERATOR));
        final long hold = fx.lastReference();
        fx.events.clear();

        fx.engine.advanceTime(fx.engine.hold(hold).reviewDeadlineMs());

        assertThat(fx.events.all.get(0)).endsWith("holdRejected " + hold + " 0 true '" + HoldPolicy.APPROVAL_EXPIRED
            + "'");
        assertThat(fx.engine.hold(hold)).isNull();
    }

    @Test
    void aCommandFiresDueDeadlinesFirstInTheirOwnBatchInDeadlineThenIdOrder() {
        fx.holdsTakeEffectAtOnce(BTC);
        EngineFixture.accept(placeHold(ALICE, BTC, 10, HoldKind.AMOUNT, HoldReason.USER_REQUEST, HOLD_TEXT, 5_000,
            ReleaseCondition.OPERATOR_RELEASE));
        final long late = fx.lastReference();
        EngineFixture.accept(placeHold(BOB, BTC, 10, HoldKind.AMOUNT, HoldReason.USER_REQUEST, HOLD_TEXT, 4_000,
            ReleaseCondition.AUTO_RELEASE_AT_DEADLINE));
        final long early = fx.lastReference();
        EngineFixture.accept(placeHold(BOB, BTC, 10, HoldKind.AMOUNT, HoldReason.USER_REQUEST, HOLD_TEXT, 4_998,
            ReleaseCondition.OPERATOR_RELEASE));
        final long sameTime = fx.lastReference();
        fx.sleep(10_000);
        fx.events.clear();

        EngineFixture.accept(fx.deposit(ALICE, BTC, 1));

        assertThat(fx.events.results).hasSize(2);
        assertThat(fx.events.results.get(0).clientId()).isZero();
        assertThat(fx.events.results.get(0).commandId()).isZero();
        assertThat(fx.events.results.get(0).reference()).isEqualTo(3);
        assertThat(fx.events.results.get(1).clientId()).isEqualTo(EngineFixture.CLIENT);
        assertThat(fx.events.results.get(1).firstSeq()).isEqualTo(fx.events.results.get(0).seq() + 1);
        assertThat(fx.events.all.stream().filter(s -> s.contains(" hold")).toList()).containsExactly(
            fx.events.all.get(0), fx.events.all.get(2), fx.events.all.get(3));
        assertThat(fx.events.all.get(0)).contains("holdReleased " + early + " 0 true");
        assertThat(fx.events.all.get(2)).as("equal deadlines fire in hold id order")
            .contains("holdEscalated " + late);
        assertThat(fx.events.all.get(3)).contains("holdEscalated " + sameTime);
    }

    @Test
    void theBlastRadiusLimiterStopsAFaultyReleaseThatBlocksEveryAccount() {
        for (long user = 3; user <= 12; user++) {
            fx.funded(user, BTC_UNIT, 1_000 * USDT_UNIT);
        }
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setBlastRadiusPolicy(c, id, t, 3, 10_000, 3_600_000,
            OPERATOR)));
        int blocked = 0;
        RejectReason last = RejectReason.NONE;
        for (long user = 1; user <= 12; user++) {
            EngineFixture.accept(block(user));
            last = approve(fx.lastReference(), APPROVER);
            blocked += last == RejectReason.NONE ? 1 : 0;
        }

        assertThat(blocked).isEqualTo(3);
        assertThat(last).isEqualTo(RejectReason.BLAST_RADIUS_EXCEEDED);
        assertThat(fx.engine.accountBlock(4)).isZero();
        fx.sleep(3_600_000);
        assertThat(approve(12, APPROVER)).as("the window slides").isEqualTo(RejectReason.NONE);
    }

    @Test
    void theShareLimitCapsHowMuchOfAnAssetMayBeNewlyRestricted() {
        fx.holdsTakeEffectAtOnce(BTC);
        fx.policy((e, c, id, t) -> e.setBlastRadiusPolicy(c, id, t, 100, 2_500, 60_000, OPERATOR));

        EngineFixture.accept(fx.hold(ALICE, BTC, BTC_UNIT / 4, HoldReason.COURT_ORDER, OPERATOR));
        EngineFixture.accept(fx.hold(BOB, BTC, BTC_UNIT / 4, HoldReason.COURT_ORDER, OPERATOR));
        fx.assertRejectedWithoutChange(RejectReason.BLAST_RADIUS_EXCEEDED, (e, c, id, t) -> e.placeHold(c, id, t,
            BOB, BTC, 1, HoldKind.AMOUNT, HoldReason.COURT_ORDER, HOLD_TEXT, OPERATOR, t + HOLD_REVIEW_MS,
            ReleaseCondition.OPERATOR_RELEASE, 0, 0));
    }

    @Test
    void aMassActionApprovedByTwoOperatorsLiftsTheLimitUpToItsCount() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.setBlastRadiusPolicy(c, id, t, 0, 0, 3_600_000, OPERATOR)));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.proposeMassAction(c, id, t, 77, OPERATOR, 1,
            "Sanctions list update 2026-05")));
        fx.assertRejectedWithoutChange(RejectReason.MASS_ACTION_NOT_APPROVED, (e, c, id, t) -> e.placeHold(c, id, t,
            ALICE, Hold.NO_ASSET, 0, HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, "Court", OPERATOR,
            t + HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE, 0, 77));
        fx.assertRejectedWithoutChange(RejectReason.SELF_APPROVAL, (e, c, id, t) -> e.approveMassAction(c, id, t, 77,
            OPERATOR));
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.approveMassAction(c, id, t, 77, APPROVER)));

        EngineFixture.accept(block(BOB));
        assertThat(approve(fx.lastReference(), APPROVER)).isEqualTo(RejectReason.BLAST_RADIUS_EXCEEDED);
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeHold(c, id, t, ALICE, Hold.NO_ASSET, 0,
            HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, "Court", OPERATOR, t + HOLD_REVIEW_MS,
            ReleaseCondition.OPERATOR_RELEASE, 0, 77)));
        final long hold = fx.lastReference();
        EngineFixture.accept(approve(hold, APPROVER));
        assertThat(fx.engine.hold(hold).massActionId()).isEqualTo(77);
        assertThat(fx.engine.massAction(77).used()).isEqualTo(1);
        fx.assertRejectedWithoutChange(RejectReason.MASS_ACTION_EXHAUSTED, (e, c, id, t) -> e.placeHold(c, id, t,
            BOB, Hold.NO_ASSET, 0, HoldKind.ACCOUNT_BLOCK, HoldReason.COURT_ORDER, "Court", OPERATOR,
            t + HOLD_REVIEW_MS, ReleaseCondition.OPERATOR_RELEASE, 0, 77));
    }

    @Test
    void holdQueriesShowEveryFieldPerUserAndAsset() {
        EngineFixture.accept(fx.exec((e, c, id, t) -> e.placeHold(c, id, t, ALICE, USDT, 7 * USDT_UNIT,
            HoldKind.AMOUNT, HoldReason.SECURITY_LOCK, "Password changed: 24 h lock", OPERATOR, t + HOLD_REVIEW_MS,
            ReleaseCondition.AUTO_RELEASE_AT_DEADLINE, 4242, 0)));
        final long amountHold = fx.lastReference();
        final long placedAt = fx.nowMs();
        EngineFixture.accept(block(ALICE));
        final long blockHold = fx.lastReference();
        EngineFixture.accept(fx.hold(ALICE, BTC, 5, HoldReason.COURT_ORDER, OPERATOR));

        final List<Hold> usdt = fx.engine.holdsOf(ALICE, USDT);
        assertThat(usdt).extracting(Hold::holdId).containsExactly(amountHold, blockHold);
        final Hold h = usdt.get(0);
        assertThat(List.of(h.userId(), (long) h.assetId(), h.amount(), h.placedBy(), h.placedAtMs(), h.ticketRef(),
            h.reviewDeadlineMs(), (long) h.renewals(), h.approvedBy(), h.massActionId())).containsExactly(ALICE,
            (long) USDT, 7 * USDT_UNIT, OPERATOR, placedAt, 4242L, placedAt + HOLD_REVIEW_MS, 0L, 0L, 0L);
        assertThat(h.kind()).isEqualTo(HoldKind.AMOUNT);
        assertThat(h.reason()).isEqualTo(HoldReason.SECURITY_LOCK);
        assertThat(h.releaseCondition()).isEqualTo(ReleaseCondition.AUTO_RELEASE_AT_DEADLINE);
        assertThat(h.explanation()).isEqualTo("Password changed: 24 h lock");
        assertThat(fx.engine.holdsOf(BOB, USDT)).isEmpty();
        assertThat(fx.engine.holds()).hasSize(3);
        assertThat(fx.engine.activeHolds()).isEmpty();
    }
}
