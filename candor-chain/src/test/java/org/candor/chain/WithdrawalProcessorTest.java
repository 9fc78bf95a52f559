package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.candor.chain.WithdrawalProcessor.Submitted;
import org.junit.jupiter.api.Test;

class WithdrawalProcessorTest {
    /** Two confirmations; stuck after three block times unmined. */
    private static final ChainAsset BTC = new ChainAsset(1, "BTC", 8, 2, 600_000, 1_800_000);

    private final SimulatedChain chain = new SimulatedChain("BTC", 11, 600_000, 2_000);
    private final Recorder recorder = new Recorder();
    private final WithdrawalProcessor processor =
        recorder.acknowledging(new WithdrawalProcessor(new ChainRegistry().add(BTC, chain), recorder, recorder));
    private final String destination = chain.externalAddress();

    private ApprovedWithdrawal withdrawal(final long id) {
        return new ApprovedWithdrawal(id, 1, destination, 50_000);
    }

    /** Mines a block, then polls at the chain's time. */
    private void mineAndPoll(final int blocks) {
        for (int i = 0; i < blocks; i++) {
            chain.mineBlock();
            processor.poll(chain.nowMs());
        }
    }

    @Test
    void broadcastsThenConfirmsAfterTheRequiredConfirmations() {
        assertThat(processor.submit(withdrawal(5))).isEqualTo(Submitted.ACCEPTED);
        processor.poll(0);
        final String txId = chain.withdrawalTxId(5);
        assertThat(recorder.lines).containsExactly("broadcast 5 tx=" + txId + " fee=2000");
        mineAndPoll(1);
        assertThat(processor.inFlight()).singleElement().satisfies(v -> assertThat(v.confirmations()).isOne());
        mineAndPoll(1);
        assertThat(recorder.lines).containsExactly("broadcast 5 tx=" + txId + " fee=2000", "confirmed 5");
        assertThat(processor.inFlightCount()).isZero();
        mineAndPoll(5);
        assertThat(recorder.lines).hasSize(2);
    }

    @Test
    void aWithdrawalSurvivesAnOutageWithExactlyOneBroadcast() {
        chain.goDown("node restarting");
        processor.submit(withdrawal(5));
        for (long t = 0; t < 120_000; t += 250) {
            processor.poll(t);
        }
        assertThat(recorder.lines).isEmpty();
        assertThat(processor.inFlightCount()).isOne();
        // Backoff: 1 s, 2 s, 4 s, ... 60 s, so two minutes of polls every 250 ms asked the chain only 7 times.
        assertThat(chain.refusedCalls()).isEqualTo(7);
        assertThat(processor.backingOff(1, 120_000)).isTrue();
        chain.comeUp();
        processor.poll(200_000);
        assertThat(recorder.broadcasts).containsExactly(5L);
        chain.goDown("node restarting");
        chain.advance(3);
        processor.poll(300_000);
        chain.comeUp();
        processor.poll(400_000);
        assertThat(recorder.confirmed).containsExactly(5L);
        assertThat(chain.withdrawalTransactions()).isOne();
        assertThat(recorder.failed).isEmpty();
    }

    @Test
    void aLostBroadcastAnswerIsRetriedWithoutSendingTwice() {
        chain.loseNextBroadcastAnswers(1);
        processor.submit(withdrawal(5));
        processor.poll(0);
        assertThat(recorder.lines).isEmpty();
        assertThat(chain.withdrawalTransactions()).isOne();
        chain.advance(1);
        processor.poll(500);
        assertThat(recorder.lines).isEmpty();
        processor.poll(1_000);
        assertThat(recorder.lines).containsExactly("broadcast 5 tx=" + chain.withdrawalTxId(5) + " fee=2000");
        mineAndPoll(1);
        assertThat(recorder.confirmed).containsExactly(5L);
        assertThat(chain.broadcastCalls()).isEqualTo(2);
        assertThat(chain.withdrawalTransactions()).isOne();
    }

    @Test
    void aStuckTransactionIsReportedStuckOnceAndNotFailed() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        chain.stick(chain.withdrawalTxId(5));
        mineAndPoll(2);
        assertThat(recorder.stuck).isEmpty();
        mineAndPoll(10);
        assertThat(recorder.stuck).containsExactly(5L);
        assertThat(recorder.lines).contains("stuck 5 since=0 now=1800000");
        assertThat(recorder.failed).isEmpty();
        assertThat(processor.inFlight()).singleElement().satisfies(v -> assertThat(v.stuck()).isTrue());
        chain.unstick(chain.withdrawalTxId(5));
        mineAndPoll(2);
        assertThat(recorder.confirmed).containsExactly(5L);
        assertThat(recorder.stuck).hasSize(1);
    }

    @Test
    void aDroppedTransactionFailsSoTheFundsReturn() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        chain.drop(chain.withdrawalTxId(5));
        mineAndPoll(1);
        assertThat(recorder.lines).last().isEqualTo("failed 5 dropped: evicted from the mempool");
        assertThat(processor.inFlightCount()).isZero();
    }

    @Test
    void aTransactionThatFailsOnChainFailsTheWithdrawal() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        chain.failOnMining(chain.withdrawalTxId(5));
        mineAndPoll(1);
        assertThat(recorder.lines).last().isEqualTo("failed 5 failed: execution reverted");
        assertThat(recorder.confirmed).isEmpty();
    }

    @Test
    void aRejectedAddressFailsWithoutATransaction() {
        processor.submit(new ApprovedWithdrawal(5, 1, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", 50_000));
        processor.poll(0);
        assertThat(recorder.lines).singleElement().asString().startsWith("failed 5 invalid address");
        assertThat(chain.withdrawalTransactions()).isZero();
    }

    @Test
    void aReorgBeforeConfirmationIsTrackedThrough() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        mineAndPoll(1);
        chain.reorg(1, true);
        processor.poll(chain.nowMs());
        assertThat(recorder.reorged).containsExactly(5L);
        assertThat(recorder.confirmed).isEmpty();
        mineAndPoll(1);
        assertThat(recorder.confirmed).isEmpty();
        mineAndPoll(1);
        assertThat(recorder.confirmed).containsExactly(5L);
        assertThat(chain.withdrawalTransactions()).isOne();
    }

    @Test
    void aReorgThatLosesTheTransactionForGoodFailsTheWithdrawal() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        mineAndPoll(1);
        chain.reorg(1, false);
        mineAndPoll(1);
        assertThat(recorder.failed).containsExactly(5L);
        assertThat(recorder.confirmed).isEmpty();
    }

    @Test
    void aResumedWithdrawalIsTrackedWithoutBroadcastingAgain() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        final String txId = chain.withdrawalTxId(5);
        final WithdrawalProcessor restarted =
            recorder.acknowledging(new WithdrawalProcessor(new ChainRegistry().add(BTC, chain), recorder, recorder));
        assertThat(restarted.resume(withdrawal(5), txId, 2_000, 0)).isEqualTo(Submitted.ACCEPTED);
        chain.advance(2);
        restarted.poll(chain.nowMs());
        assertThat(recorder.confirmed).containsExactly(5L);
        assertThat(chain.broadcastCalls()).isOne();
    }

    @Test
    void aRestartThatLostTheTxIdGetsTheSameTransactionBack() {
        processor.submit(withdrawal(5));
        processor.poll(0);
        final WithdrawalProcessor restarted =
            recorder.acknowledging(new WithdrawalProcessor(new ChainRegistry().add(BTC, chain), recorder, recorder));
        restarted.submit(withdrawal(5));
        restarted.poll(1);
        assertThat(recorder.broadcasts).containsExactly(5L, 5L);
        assertThat(recorder.lines.get(0)).isEqualTo(recorder.lines.get(1));
        assertThat(chain.withdrawalTransactions()).isOne();
    }

    @Test
    void aRepeatedSubmitChangesNothingAndAnUnknownAssetIsRefused() {
        assertThat(processor.submit(withdrawal(5))).isEqualTo(Submitted.ACCEPTED);
        assertThat(processor.submit(withdrawal(5))).isEqualTo(Submitted.ALREADY_IN_FLIGHT);
        assertThat(processor.submit(new ApprovedWithdrawal(6, 9, destination, 1))).isEqualTo(Submitted.NO_ADAPTER);
        processor.poll(0);
        assertThat(chain.broadcastCalls()).isOne();
    }

    @Test
    void oneChainDownDoesNotBlockWithdrawalsOfAnotherAsset() {
        final DemoChains demo = new DemoChains(3);
        final WithdrawalProcessor withdrawals =
            recorder.acknowledging(new WithdrawalProcessor(demo.registry(), recorder, recorder));
        final SimulatedChain btc = demo.chain(DemoChains.BTC_ID);
        final SimulatedChain eth = demo.chain(DemoChains.ETH_ID);
        btc.goDown("bitcoind unreachable");
        withdrawals.submit(new ApprovedWithdrawal(1, DemoChains.BTC_ID, btc.externalAddress(), 10_000));
        withdrawals.submit(new ApprovedWithdrawal(2, DemoChains.ETH_ID, eth.externalAddress(), 10_000));
        for (long t = 0; t <= 12_000 * 13; t += 1_000) {
            demo.advanceTo(t);
            withdrawals.poll(t);
        }
        assertThat(recorder.broadcasts).containsExactly(2L);
        assertThat(recorder.confirmed).containsExactly(2L);
        assertThat(withdrawals.inFlight()).singleElement()
            .satisfies(v -> assertThat(v.withdrawal().withdrawalId()).isEqualTo(1));
        btc.comeUp();
        for (long t = 13 * 12_000; t <= 3 * 600_000; t += 1_000) {
            demo.advanceTo(t);
            withdrawals.poll(t);
        }
        assertThat(recorder.confirmed).containsExactly(2L, 1L);
        assertThat(btc.withdrawalTransactions()).isOne();
        assertThat(eth.withdrawalTransactions()).isOne();
    }
}
