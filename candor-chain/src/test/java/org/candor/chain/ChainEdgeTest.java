package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChainEdgeTest {
    private final DemoChains demo = new DemoChains(5);
    private final Recorder recorder = new Recorder();
    private final ChainEdge edge = new ChainEdge(demo.registry(), recorder, recorder, Map.of(), List.of());

    @Test
    void theDemoAssetsUseTheEnginesIdsAndScales() {
        assertThat(demo.registry().entries()).extracting(e -> e.asset().code(), e -> e.asset().scale(),
                e -> e.asset().confirmationsRequired())
            .containsExactly(org.assertj.core.groups.Tuple.tuple("BTC", 8, 2),
                org.assertj.core.groups.Tuple.tuple("ETH", 8, 12),
                org.assertj.core.groups.Tuple.tuple("USDT", 6, 12));
        demo.advanceTo(600_000);
        assertThat(demo.chain(DemoChains.BTC_ID).tipHeight()).isOne();
        assertThat(demo.chain(DemoChains.ETH_ID).tipHeight()).isEqualTo(50);
    }

    @Test
    void oneClockDrivesDepositsAndWithdrawalsOnEveryChain() throws Exception {
        recorder.acknowledging(edge.withdrawals());
        final String btcAddress = edge.newDepositAddress(DemoChains.BTC_ID, 7);
        final String usdtAddress = edge.newDepositAddress(DemoChains.USDT_ID, 7);
        demo.chain(DemoChains.BTC_ID).receive(btcAddress, 100_000_000);
        demo.chain(DemoChains.USDT_ID).receive(usdtAddress, 250_000_000);
        edge.withdrawals().submit(new ApprovedWithdrawal(1, DemoChains.ETH_ID,
            demo.chain(DemoChains.ETH_ID).externalAddress(), 50_000_000));
        long nowMs = 0;
        for (; nowMs <= 12_000 * 3; nowMs += 1_000) {
            demo.advanceTo(nowMs);
            edge.poll(nowMs);
        }
        assertThat(edge.pendingDeposits(7)).extracting(p -> p.key().assetId(), PendingDeposit::confirmations)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(DemoChains.BTC_ID, 0L),
                org.assertj.core.groups.Tuple.tuple(DemoChains.USDT_ID, 3L));
        for (; nowMs <= 1_200_000; nowMs += 1_000) {
            demo.advanceTo(nowMs);
            edge.poll(nowMs);
        }
        assertThat(recorder.credits).extracting(c -> c.key().assetId(), ChainDeposit::amount)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DemoChains.USDT_ID, 250_000_000L),
                org.assertj.core.groups.Tuple.tuple(DemoChains.BTC_ID, 100_000_000L));
        assertThat(recorder.confirmed).containsExactly(1L);
        assertThat(edge.pendingDeposits(7)).isEmpty();
        assertThat(edge.scannedHeights()).containsEntry(DemoChains.BTC_ID, 2L).containsEntry(DemoChains.ETH_ID, 100L);
        assertThat(edge.health()).containsOnlyKeys("BTC", "ETH", "USDT");
    }
}
