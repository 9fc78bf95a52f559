package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.candor.engine.Bucket;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chain edge against the real engine: the owner's cancel racing the edge's claim, a restart of the edge in the
 * middle of everything with the engine's state as the only record of the withdrawals, and a restart with nothing
 * persisted at all, where the engine's refusal of a deposit it credited before is what keeps deposits single.
 */
class EngineWiredEdgeTest {
    /** Two confirmations, blocks every ten minutes, stuck after half an hour. */
    private static final ChainAsset BTC = new ChainAsset(1, "BTC", 8, 2, 600_000, 1_800_000);
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long FUNDS = 100_000_000;

    private final SimulatedChain chain = new SimulatedChain("BTC", 21, 600_000, 2_000);
    private final ChainRegistry registry = new ChainRegistry().add(BTC, chain);
    private final EngineLink link = new EngineLink();
    private final Recorder alerts = new Recorder();

    private WithdrawalProcessor newProcessor() {
        final WithdrawalProcessor processor = new WithdrawalProcessor(registry, link, alerts);
        link.follow(processor);
        return processor;
    }

    private ApprovedWithdrawal approved(final long withdrawalId, final String address, final long amount) {
        return new ApprovedWithdrawal(withdrawalId, 1, address, amount);
    }

    @Test
    void whenTheCancelLandsFirstTheClaimIsRefusedAndNothingIsSent() {
        link.listBtcAndUsers(ALICE);
        final String to = chain.externalAddress();
        final long w = link.requestWithdrawal(ALICE, 40_000, link.fundedWithAddress(ALICE, FUNDS, to));
        final WithdrawalProcessor processor = newProcessor();
        processor.submit(approved(w, to, 40_000));
        processor.poll(0);
        assertThat(link.queued).as("the claim waits for the cluster").hasSize(1);

        assertThat(link.now((e, id, t) -> e.cancelWithdrawal(EngineLink.CLIENT, id, t, ALICE, w)))
            .isEqualTo(RejectReason.NONE);
        link.deliver();
        for (long t = 0; t <= 10 * WithdrawalLane.CLAIM_RETRY_MS; t += 1_000) {
            processor.poll(t);
            link.deliver();
        }

        assertThat(link.answers).containsExactly("claim " + w + " " + RejectReason.UNKNOWN_WITHDRAWAL);
        assertThat(chain.withdrawalTransactions()).as("nothing left on chain").isZero();
        assertThat(processor.inFlightCount()).isZero();
        assertThat(link.engine.balance(ALICE, 1, Bucket.AVAILABLE)).isEqualTo(FUNDS);
    }

    @Test
    void whenTheClaimLandsFirstTheCancelIsRefusedAndTheWithdrawalIsPaidOnce() {
        link.listBtcAndUsers(ALICE);
        final String to = chain.externalAddress();
        final long w = link.requestWithdrawal(ALICE, 40_000, link.fundedWithAddress(ALICE, FUNDS, to));
        final WithdrawalProcessor processor = newProcessor();
        processor.submit(approved(w, to, 40_000));
        processor.poll(0);
        assertThat(chain.withdrawalTransactions()).as("no broadcast before the claim is applied").isZero();
        link.deliver();

        assertThat(link.now((e, id, t) -> e.cancelWithdrawal(EngineLink.CLIENT, id, t, ALICE, w)))
            .isEqualTo(RejectReason.WITHDRAWAL_SENDING);
        runUntilQuiet(processor, 0);

        assertThat(chain.withdrawalTransactions()).isOne();
        assertThat(link.answers).containsExactly("claim " + w + " NONE", "broadcast " + w + " NONE",
            "confirmed " + w + " NONE");
        assertThat(link.engine.balance(ALICE, 1, Bucket.AVAILABLE)).isEqualTo(FUNDS - 40_000);
        assertThat(link.engine.balance(ALICE, 1, Bucket.WITHDRAWING)).isZero();
    }

    /**
     * The owner cancels at a random moment while the edge claims, sends and tracks: either the cancel won (nothing
     * on chain, the funds back) or the claim won (the cancel refused WITHDRAWAL_SENDING, or
     * WITHDRAWAL_ALREADY_BROADCAST once the broadcast is recorded; one transaction, the funds gone), never both and
     * never neither.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aCancelRacingTheClaimNeverBothReturnsAndSendsTheFunds(final long seed) {
        final Random random = new Random(seed);
        link.listBtcAndUsers(ALICE);
        final String to = chain.externalAddress();
        final long w = link.requestWithdrawal(ALICE, 40_000, link.fundedWithAddress(ALICE, FUNDS, to));
        final WithdrawalProcessor processor = newProcessor();
        processor.submit(approved(w, to, 40_000));
        final int cancelAt = random.nextInt(12);
        RejectReason cancel = null;
        long nowMs = 0;
        for (int step = 0; step < 12; step++) {
            if (step == cancelAt) {
                cancel = link.now((e, id, t) -> e.cancelWithdrawal(EngineLink.CLIENT, id, t, ALICE, w));
            }
            if (random.nextBoolean()) {
                processor.poll(nowMs);
            } else {
                link.deliver();
            }
            nowMs += 1_000;
        }
        runUntilQuiet(processor, nowMs);

        final boolean sent = chain.withdrawalTransactions() == 1;
        if (cancel == RejectReason.NONE) {
            assertThat(sent).as("cancelled, so nothing may be sent").isFalse();
            assertThat(link.engine.balance(ALICE, 1, Bucket.AVAILABLE)).isEqualTo(FUNDS);
        } else {
            // Refused while SENDING, or once the broadcast is recorded: either way with a stable reason.
            assertThat(cancel).isIn(RejectReason.WITHDRAWAL_SENDING, RejectReason.WITHDRAWAL_ALREADY_BROADCAST);
            assertThat(sent).as("claimed, so it is sent").isTrue();
            assertThat(chain.withdrawalTransactions()).isOne();
            assertThat(link.engine.balance(ALICE, 1, Bucket.AVAILABLE)).isEqualTo(FUNDS - 40_000);
        }
        assertThat(link.engine.balance(ALICE, 1, Bucket.WITHDRAWING)).isZero();
        link.engine.checkInvariants();
    }

    /**
     * Deposits and withdrawals in flight, then the edge stops with commands undelivered and a new one starts over
     * the same chain and engine. Withdrawals come back from the engine's state alone (ready ones claimed, SENDING
     * ones sent again, BROADCAST ones watched): each is paid exactly once. Deposits resume here from the scanned
     * heights and the keys of the deposits credited, as a wiring that persists them would (the next test resumes
     * with neither).
     */
    @Test
    void aRestartedEdgeCreditsEachDepositOnceAndPaysEachWithdrawalOnce() throws ChainUnavailableException {
        link.listBtcAndUsers(ALICE, BOB);
        final List<Long> withdrawals = new ArrayList<>();
        final List<String> addresses = new ArrayList<>();
        long expected = 2 * FUNDS;
        for (int i = 0; i < 6; i++) {
            final String to = chain.externalAddress();
            final long user = i % 2 == 0 ? ALICE : BOB;
            final long address = link.fundedWithAddress(user, i < 2 ? FUNDS : 0, to);
            addresses.add(to);
            withdrawals.add(link.requestWithdrawal(user, 10_000 + i, address));
            expected -= 10_000 + i;
        }
        link.creditedRefs.clear();
        for (int i = 0; i < 4; i++) {
            chain.receive(chain.newDepositAddress(i % 2 == 0 ? ALICE : BOB), 5_000 + i);
            expected += 5_000 + i;
        }
        final ChainEdge first = new ChainEdge(registry, link, alerts, Map.of(), List.of());
        link.follow(first.withdrawals());
        for (int i = 0; i < 4; i++) {
            first.withdrawals().submit(approved(withdrawals.get(i), addresses.get(i), 10_000 + i));
        }
        first.poll(chain.nowMs());
        link.deliver();                              // 0..3 SENDING
        first.poll(chain.nowMs());                   // 0..3 sent on chain
        link.deliver("broadcast", 2);                // 0, 1 BROADCAST; 2, 3 stay SENDING
        chain.mineBlock();
        chain.mineBlock();
        first.poll(chain.nowMs());                   // deposits credited, 0..3 confirmed: all queued
        link.deliver("deposit", 2);                  // two deposits credited, two lost with the crash
        link.deliver("confirmed " + withdrawals.get(0), 1);
        for (int i = 4; i < 6; i++) {
            first.withdrawals().submit(approved(withdrawals.get(i), addresses.get(i), 10_000 + i));
        }
        first.poll(chain.nowMs());                   // the claims of 4 and 5, lost with the crash
        link.crash();
        assertThat(chain.withdrawalTransactions()).isEqualTo(4);
        assertThat(link.engine.pendingWithdrawals()).extracting(w -> w.state().name())
            .containsExactly("BROADCAST", "SENDING", "SENDING", "REQUESTED", "REQUESTED");

        final ChainEdge second = new ChainEdge(registry, link, alerts, first.scannedHeights(), link.creditedKeys);
        link.resumeInto(second.withdrawals());
        for (int i = 0; i < 4; i++) {
            chain.receive(chain.newDepositAddress(ALICE), 7_000 + i);
            expected += 7_000 + i;
        }
        for (int round = 0; round < 20; round++) {
            chain.mineBlock();
            second.poll(chain.nowMs());
            link.deliver();
        }

        assertThat(chain.withdrawalTransactions()).as("each withdrawal paid exactly once").isEqualTo(6);
        assertThat(link.engine.pendingWithdrawals()).as("none lost: all confirmed").isEmpty();
        for (final long w : withdrawals) {
            assertThat(link.answers).as("withdrawal %d", w).containsOnlyOnce("confirmed " + w + " NONE");
        }
        assertThat(link.creditedRefs).as("eight deposits, each credited once").hasSize(8).doesNotHaveDuplicates();
        assertThat(link.engine.balance(ALICE, 1, Bucket.AVAILABLE) + link.engine.balance(BOB, 1, Bucket.AVAILABLE))
            .isEqualTo(expected);
        link.engine.checkInvariants();
    }

    /**
     * An edge restarted with nothing persisted (scanned height 0, no credited keys) rescans the chain from its start
     * and sends every deposit again. The engine refuses each it credited before as DEPOSIT_ALREADY_CREDITED, naming
     * its reference, and moves no money; the deposits lost with the crash are credited, once. No alert is raised.
     */
    @Test
    void anEdgeRestartedWithNothingPersistedResendsItsDepositsAndTheEngineRefusesEachCreditedOne() {
        link.listBtcAndUsers(ALICE, BOB);
        final List<Long> refs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 5; i++) {
            final String txId = chain.receive(newDepositAddress(i % 2 == 0 ? ALICE : BOB), 5_000 + i);
            refs.add(EngineLink.depositRef(new DepositKey(1, txId, 0)));
            total += 5_000 + i;
        }
        chain.mineBlock();
        chain.mineBlock();
        final ChainEdge first = new ChainEdge(registry, link, alerts, Map.of(), List.of());
        first.poll(chain.nowMs());
        assertThat(link.queued).as("five deposits with their confirmations").hasSize(5);
        link.deliver("deposit", 3);
        final List<Long> creditedFirst = List.copyOf(link.creditedRefs);
        link.crash();
        final long[] before = {available(ALICE), available(BOB)};
        final long creditedBefore = before[0] + before[1];

        final ChainEdge second = new ChainEdge(registry, link, alerts, Map.of(), List.of());
        second.poll(chain.nowMs());
        assertThat(link.queued).as("every deposit sent again").hasSize(5);
        link.deliver("deposit", 3);
        assertThat(new long[] {available(ALICE), available(BOB)}).as("the three credited move nothing")
            .containsExactly(before);
        link.deliver();

        assertThat(link.answers).filteredOn(a -> a.endsWith(" " + RejectReason.DEPOSIT_ALREADY_CREDITED)).hasSize(3);
        assertThat(link.alreadyCreditedRefs).as("each refusal names the deposit").isEqualTo(creditedFirst);
        assertThat(link.creditedRefs).as("each deposit credited once").hasSize(5).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(refs);
        assertThat(creditedBefore).isLessThan(total);
        assertThat(available(ALICE) + available(BOB)).isEqualTo(total);
        assertThat(link.engine.balance(0, 1, Bucket.CUSTODY)).isEqualTo(-total);
        assertThat(alerts.lines).as("no alert").isEmpty();
        second.poll(chain.nowMs());
        assertThat(link.queued).as("the running edge remembers what it sent").isEmpty();
        link.engine.checkInvariants();
    }

    private String newDepositAddress(final long userId) {
        try {
            return chain.newDepositAddress(userId);
        } catch (ChainUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    private long available(final long userId) {
        return link.engine.balance(userId, 1, Bucket.AVAILABLE);
    }

    private void runUntilQuiet(final WithdrawalProcessor processor, final long fromMs) {
        for (int round = 0; round < 10; round++) {
            processor.poll(fromMs + round);
            link.deliver();
            chain.mineBlock();
        }
        processor.poll(fromMs + 100);
        link.deliver();
    }
}
