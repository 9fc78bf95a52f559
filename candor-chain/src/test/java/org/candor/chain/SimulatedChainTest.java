package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatedChainTest {
    private final SimulatedChain chain = new SimulatedChain("BTC", 42, 600_000, 2_000);

    @Test
    void theSameSeedAndScriptGiveTheSameChain() throws Exception {
        final SimulatedChain other = new SimulatedChain("BTC", 42, 600_000, 2_000);
        for (final SimulatedChain c : List.of(chain, other)) {
            final String address = c.newDepositAddress(7);
            c.receive(address, 100);
            c.advance(3);
            c.reorg(2);
            c.receive(address, 200);
            c.advance(1);
        }
        assertThat(chain.incomingSince(0)).isEqualTo(other.incomingSince(0));
        assertThat(chain.height()).isEqualTo(other.height()).isEqualTo(2);
        assertThat(chain.nowMs()).isEqualTo(other.nowMs()).isEqualTo(4 * 600_000);
    }

    @Test
    void confirmationsGrowWithEachBlock() throws Exception {
        final String address = chain.newDepositAddress(7);
        final String txId = chain.receive(address, 5_000);
        assertThat(chain.incomingSince(0)).singleElement()
            .satisfies(t -> assertThat(t.confirmations()).isZero())
            .satisfies(t -> assertThat(t.mined()).isFalse());
        chain.mineBlock();
        chain.advance(2);
        assertThat(chain.confirmations(txId)).isEqualTo(3);
        final IncomingTransfer transfer = chain.incomingSince(0).get(0);
        assertThat(transfer).isEqualTo(new IncomingTransfer(txId, 0, address, 7, 5_000, 1, transfer.blockHash(), 3));
        assertThat(transfer.blockHash()).hasSize(32);
        assertThat(chain.incomingSince(1)).isEmpty();
    }

    @Test
    void onlyOutputsToOurAddressesAreIncoming() throws Exception {
        final String ours = chain.newDepositAddress(7);
        final String txId = chain.receive(List.of(chain.externalAddress(), ours), List.of(1L, 2L));
        chain.mineBlock();
        assertThat(chain.incomingSince(0)).singleElement()
            .satisfies(t -> assertThat(t).isEqualTo(new IncomingTransfer(txId, 1, ours, 7, 2, 1, t.blockHash(), 1)));
    }

    @Test
    void aReorgRemovesTheLastBlocksAndTheirTransactionsReappearOrNot() throws Exception {
        final String address = chain.newDepositAddress(7);
        final String kept = chain.receive(address, 1);
        chain.mineBlock();
        final String back = chain.receive(address, 2);
        chain.mineBlock();
        chain.reorg(1, true);
        assertThat(chain.height()).isEqualTo(1);
        assertThat(chain.status(back)).isEqualTo(TxStatus.reorgedOut());
        final String hashBefore = chain.incomingSince(0).get(0).blockHash();
        chain.reorg(1, true);
        chain.mineBlock();
        // The same transactions at the same height, in another block.
        assertThat(chain.status(kept)).isEqualTo(TxStatus.mined(1));
        assertThat(chain.status(back)).isEqualTo(TxStatus.mined(1));
        assertThat(chain.incomingSince(0).get(0).blockHash()).isNotEqualTo(hashBefore);
        chain.mineBlock();
        chain.reorg(2, false);
        assertThat(chain.height()).isZero();
        assertThat(chain.status(kept).state()).isEqualTo(TxState.DROPPED);
        assertThat(chain.incomingSince(0)).isEmpty();
        assertThatThrownBy(() -> chain.reorg(1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStuckTransactionIsNeverMinedUntilUnstuck() throws Exception {
        final SentTransaction sent = chain.broadcast(1, chain.externalAddress(), 10, 2_000);
        chain.stick(sent.txId());
        chain.advance(50);
        assertThat(chain.status(sent.txId())).isEqualTo(TxStatus.pending());
        chain.unstick(sent.txId());
        chain.mineBlock();
        assertThat(chain.status(sent.txId())).isEqualTo(TxStatus.mined(1));
    }

    @Test
    void aFailedTransactionIsMinedButPaysNobody() throws Exception {
        final String txId = chain.receive(chain.newDepositAddress(7), 10);
        chain.failOnMining(txId);
        chain.mineBlock();
        assertThat(chain.status(txId).state()).isEqualTo(TxState.FAILED);
        assertThat(chain.incomingSince(0)).isEmpty();
    }

    @Test
    void aDroppedTransactionIsGoneForGood() throws Exception {
        final SentTransaction sent = chain.broadcast(1, chain.externalAddress(), 10, 2_000);
        chain.drop(sent.txId());
        chain.advance(3);
        assertThat(chain.status(sent.txId()).state()).isEqualTo(TxState.DROPPED);
    }

    @Test
    void anOutageMakesEveryCallThrowUntilTheChainComesUp() throws Exception {
        chain.goDown("node syncing");
        assertThat(chain.health()).isEqualTo(ChainHealth.down("node syncing"));
        assertThatThrownBy(chain::height).isInstanceOf(ChainUnavailableException.class)
            .hasMessageContaining("reason=node syncing");
        assertThatThrownBy(() -> chain.incomingSince(0)).isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(() -> chain.broadcast(1, chain.externalAddress(), 1, 1))
            .isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(chain::estimateFee).isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(() -> chain.newDepositAddress(1)).isInstanceOf(ChainUnavailableException.class);
        assertThat(chain.withdrawalTransactions()).isZero();
        chain.comeUp();
        assertThat(chain.health().up()).isTrue();
        assertThat(chain.height()).isZero();
    }

    @Test
    void aBroadcastIsIdempotentByWithdrawalIdEvenWhenItsAnswerWasLost() throws Exception {
        chain.loseNextBroadcastAnswers(1);
        final String to = chain.externalAddress();
        assertThatThrownBy(() -> chain.broadcast(9, to, 10, 2_000)).isInstanceOf(ChainUnavailableException.class);
        final SentTransaction again = chain.broadcast(9, to, 10, 3_000);
        assertThat(again).isEqualTo(new SentTransaction(chain.withdrawalTxId(9), 2_000));
        assertThat(chain.withdrawalTransactions()).isOne();
        assertThat(chain.broadcastCalls()).isEqualTo(2);
    }

    @Test
    void aMalformedAddressIsRejectedForGood() {
        assertThatThrownBy(() -> chain.broadcast(1, "not-an-address", 10, 2_000))
            .isInstanceOf(ChainRejectedException.class);
        assertThat(chain.withdrawalTransactions()).isZero();
    }

    @Test
    void theFeeEstimateRisesWithCongestion() throws Exception {
        assertThat(chain.estimateFee()).isEqualTo(2_000);
        final String to = chain.externalAddress();
        for (int i = 0; i < SimulatedChain.CONGESTION_STEP; i++) {
            chain.receive(to, 1);
        }
        assertThat(chain.estimateFee()).isEqualTo(4_000);
    }
}
