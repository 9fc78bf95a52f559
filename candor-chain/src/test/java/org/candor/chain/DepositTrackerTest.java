package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DepositTrackerTest {
    /** Three confirmations, so that "before N" and "after N" are both more than one block. */
    private static final ChainAsset BTC = new ChainAsset(1, "BTC", 8, 3, 600_000, 7_200_000);

    private final SimulatedChain chain = new SimulatedChain("BTC", 7, 600_000, 2_000);
    private final Recorder recorder = new Recorder();
    private DepositTracker tracker = new DepositTracker(BTC, chain, recorder, recorder, 0, List.of());
    private long nowMs;

    private void mineAndPoll(final int blocks) {
        for (int i = 0; i < blocks; i++) {
            chain.mineBlock();
            poll();
        }
    }

    private void poll() {
        nowMs += 1_000_000;
        tracker.poll(nowMs);
    }

    @Test
    void creditsADepositOnceItHasTheRequiredConfirmationsAndNeverAgain() throws Exception {
        final String address = chain.newDepositAddress(7);
        final String txId = chain.receive(address, 5_000);
        poll();
        assertThat(tracker.pending()).containsExactly(
            new PendingDeposit(new DepositKey(1, txId, 0), 7, address, 5_000, 0, 3, 1_000_000));
        mineAndPoll(2);
        assertThat(tracker.pending(7)).singleElement().satisfies(p -> assertThat(p.confirmations()).isEqualTo(2));
        assertThat(recorder.credits).isEmpty();
        mineAndPoll(1);
        assertThat(recorder.credits).containsExactly(
            new ChainDeposit(new DepositKey(1, txId, 0), 7, address, 5_000, 1, 3));
        assertThat(tracker.pending()).isEmpty();
        mineAndPoll(100);
        assertThat(recorder.credits).hasSize(1);
        assertThat(recorder.reversed).isEmpty();
    }

    @Test
    void aPendingDepositKeepsTheTimeItWasFirstSeenAcrossPollsReorgsAndOutages() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        poll();
        final long firstSeenMs = nowMs;
        mineAndPoll(1);
        chain.reorg(1, true);
        poll();
        assertThat(tracker.pending(7)).singleElement().satisfies(p -> assertThat(p.confirmations()).isZero());
        chain.goDown("rpc timeout");
        assertThat(tracker.poll(nowMs + 1)).isFalse();
        chain.comeUp();
        chain.receive(address, 7_000);
        mineAndPoll(2);
        assertThat(tracker.pending(7)).extracting(PendingDeposit::amount, PendingDeposit::confirmations,
                PendingDeposit::firstSeenMs)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(5_000L, 2L, firstSeenMs),
                org.assertj.core.groups.Tuple.tuple(7_000L, 2L, nowMs - 1_000_000));
    }

    @Test
    void aRestartedTrackerDoesNotCreditAgain() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        mineAndPoll(3);
        assertThat(recorder.credits).hasSize(1);
        tracker = new DepositTracker(BTC, chain, recorder, recorder, tracker.scannedHeight(), recorder.creditedKeys());
        mineAndPoll(5);
        tracker = new DepositTracker(BTC, chain, recorder, recorder, 0, recorder.creditedKeys());
        mineAndPoll(5);
        assertThat(recorder.credits).hasSize(1);
    }

    @Test
    void aRestartedTrackerCreditsWhatBecameFinalWhileItWasAway() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        mineAndPoll(1);
        final long scanned = tracker.scannedHeight();
        chain.advance(200);
        tracker = new DepositTracker(BTC, chain, recorder, recorder, scanned, List.of());
        poll();
        assertThat(recorder.credits).singleElement().satisfies(c -> assertThat(c.confirmations()).isEqualTo(201));
    }

    @Test
    void aReorgBeforeTheRequiredConfirmationsNeverCredits() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        mineAndPoll(2);
        assertThat(tracker.pending()).hasSize(1);
        chain.reorg(2, false);
        mineAndPoll(50);
        assertThat(recorder.credits).isEmpty();
        assertThat(tracker.pending()).isEmpty();
        assertThat(recorder.reversed).isEmpty();
    }

    @Test
    void aDepositThatAReorgPutsBackIsCreditedOnceWhenFinalAgain() throws Exception {
        final String address = chain.newDepositAddress(7);
        final String txId = chain.receive(address, 5_000);
        mineAndPoll(2);
        chain.reorg(2, true);
        poll();
        assertThat(tracker.pending()).singleElement().satisfies(p -> assertThat(p.confirmations()).isZero());
        mineAndPoll(2);
        assertThat(recorder.credits).isEmpty();
        mineAndPoll(1);
        assertThat(recorder.credits).singleElement().satisfies(c -> assertThat(c.key().txId()).isEqualTo(txId));
        assertThat(recorder.reversed).isEmpty();
    }

    @Test
    void aReorgDeeperThanTheConfirmationsAfterCreditingIsAnIncidentRaisedOnce() throws Exception {
        final String address = chain.newDepositAddress(7);
        final String txId = chain.receive(address, 5_000);
        mineAndPoll(3);
        assertThat(recorder.credits).hasSize(1);
        chain.reorg(3, false);
        mineAndPoll(10);
        assertThat(recorder.reversed).containsExactly(new DepositKey(1, txId, 0));
        assertThat(recorder.lines).last().asString().contains("reversed " + txId + ":0 height=1 absent");
        assertThat(recorder.credits).hasSize(1);
    }

    @Test
    void aCreditedDepositMinedAgainAfterADeepReorgIsAnIncidentAndNotCreditedAgain() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        mineAndPoll(3);
        chain.reorg(3, true);
        mineAndPoll(20);
        assertThat(recorder.reversed).hasSize(1);
        assertThat(recorder.lines).last().asString().contains("now in block").contains("at height 1");
        assertThat(recorder.credits).hasSize(1);
    }

    @Test
    void aCreditedDepositSeenBackInTheMempoolIsAnIncident() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        mineAndPoll(3);
        chain.reorg(3, true);
        poll();
        assertThat(recorder.lines).last().asString().contains("back in the mempool");
        mineAndPoll(20);
        assertThat(recorder.reversed).hasSize(1);
        assertThat(recorder.credits).hasSize(1);
    }

    @Test
    void aReorgShallowerThanTheConfirmationsLeavesCreditsAlone() throws Exception {
        final String address = chain.newDepositAddress(7);
        chain.receive(address, 5_000);
        mineAndPoll(3);
        chain.reorg(2, false);
        mineAndPoll(5);
        assertThat(recorder.reversed).isEmpty();
        assertThat(recorder.credits).hasSize(1);
    }

    @Test
    void creditsEachOutputOfABatchedPayment() throws Exception {
        final String alice = chain.newDepositAddress(1);
        final String bob = chain.newDepositAddress(2);
        final String txId = chain.receive(List.of(alice, chain.externalAddress(), bob), List.of(10L, 20L, 30L));
        mineAndPoll(3);
        assertThat(recorder.credits).extracting(ChainDeposit::key, ChainDeposit::userId, ChainDeposit::amount)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(new DepositKey(1, txId, 0), 1L, 10L),
                org.assertj.core.groups.Tuple.tuple(new DepositKey(1, txId, 2), 2L, 30L));
    }

    @Test
    void aFailedTransactionIsNeverCredited() throws Exception {
        final String txId = chain.receive(chain.newDepositAddress(7), 5_000);
        chain.failOnMining(txId);
        mineAndPoll(10);
        assertThat(recorder.credits).isEmpty();
        assertThat(tracker.pending()).isEmpty();
    }

    @Test
    void anOutageCreditsNothingLosesNothingAndBacksOff() throws Exception {
        chain.receive(chain.newDepositAddress(7), 5_000);
        chain.goDown("rpc timeout");
        chain.advance(5);
        assertThat(tracker.poll(1_000)).isFalse();
        // Within the backoff the chain is not even asked.
        chain.comeUp();
        assertThat(tracker.poll(1_500)).isFalse();
        assertThat(tracker.poll(2_000)).isTrue();
        assertThat(recorder.credits).hasSize(1);
    }
}
