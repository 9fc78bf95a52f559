package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random histories of two chains under one withdrawal processor: withdrawals (some to bad addresses),
 * blocks, reorgs, outages, lost broadcast answers, stuck and dropped transactions, and restarts that resume from
 * what the engine would know. Whatever happens: at most one transaction per withdrawal, at most one broadcast
 * report and one final report each, confirmed only with the required confirmations, failed only when the chain
 * says so; and once the chains heal, every withdrawal has ended.
 */
class WithdrawalPropertiesTest {
    private static final int STEPS = 800;

    private record Lane(ChainAsset asset, SimulatedChain chain) {
    }

    static LongStream trials() {
        return Seeds.of("withdrawals", 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("trials")
    void everyWithdrawalEndsOnceWithAtMostOneTransaction(final long seed) throws Exception {
        final Random random = new Random(seed);
        final List<Lane> lanes = List.of(lane(1, "BTC", random, seed), lane(2, "ETH", random, seed + 1));
        final ChainRegistry registry = new ChainRegistry();
        lanes.forEach(lane -> registry.add(lane.asset(), lane.chain()));
        final Recorder recorder = new Recorder();
        final List<ApprovedWithdrawal> submitted = new ArrayList<>();
        WithdrawalProcessor processor =
            recorder.acknowledging(new WithdrawalProcessor(registry, recorder, recorder));
        long nowMs = 0;
        for (int step = 0; step < STEPS; step++) {
            final Lane lane = lanes.get(random.nextInt(lanes.size()));
            final SimulatedChain chain = lane.chain();
            final int action = random.nextInt(100);
            if (action < 15) {
                final ApprovedWithdrawal withdrawal = new ApprovedWithdrawal(submitted.size() + 1,
                    lane.asset().assetId(), random.nextInt(20) == 0 ? "bad" : chain.externalAddress(),
                    1 + random.nextInt(1_000_000));
                submitted.add(withdrawal);
                processor.submit(withdrawal);
            } else if (action < 45) {
                chain.mineBlock();
            } else if (action < 50 && chain.tipHeight() > 0) {
                chain.reorg(1 + random.nextInt((int) Math.min(3, chain.tipHeight())));
            } else if (action < 54) {
                toggleOutage(chain, step);
            } else if (action < 56) {
                chain.loseNextBroadcastAnswers(1 + random.nextInt(2));
            } else if (action < 62) {
                disturb(chain, random, submitted);
            } else if (action < 64) {
                processor = restart(registry, recorder, submitted, nowMs);
            } else {
                nowMs += 1 + random.nextInt(120_000);
                poll(seed, processor, nowMs, recorder, lanes);
            }
        }
        for (final Lane lane : lanes) {
            lane.chain().comeUp();
            lane.chain().loseNextBroadcastAnswers(0);
            for (final ApprovedWithdrawal withdrawal : submitted) {
                final String txId = lane.chain().withdrawalTxId(withdrawal.withdrawalId());
                if (txId != null) {
                    lane.chain().unstick(txId);
                }
            }
        }
        for (int round = 0; round < 10; round++) {
            lanes.forEach(lane -> lane.chain().mineBlock());
            nowMs += 120_000;
            poll(seed, processor, nowMs, recorder, lanes);
        }
        checkEnded(seed, submitted, recorder, lanes);
    }

    private static Lane lane(final int assetId, final String code, final Random random, final long seed) {
        final int required = 1 + random.nextInt(3);
        final ChainAsset asset = new ChainAsset(assetId, code, 8, required, 60_000, 300_000);
        return new Lane(asset, new SimulatedChain(code, seed, 60_000, 1_000));
    }

    private static void toggleOutage(final SimulatedChain chain, final int step) {
        if (chain.health().up()) {
            chain.goDown("outage " + step);
        } else {
            chain.comeUp();
        }
    }

    /** Sticks, unsticks or drops the unmined transaction of a random withdrawal of this chain. */
    private static void disturb(final SimulatedChain chain, final Random random,
        final List<ApprovedWithdrawal> submitted) {
        if (submitted.isEmpty()) {
            return;
        }
        final String txId = chain.withdrawalTxId(submitted.get(random.nextInt(submitted.size())).withdrawalId());
        if (txId == null || chain.confirmations(txId) > 0) {
            return;
        }
        switch (random.nextInt(3)) {
            case 0 -> chain.stick(txId);
            case 1 -> chain.unstick(txId);
            default -> chain.drop(txId);
        }
    }

    /** A new processor that knows what the engine knows: unfinished withdrawals, with their txId once reported. */
    private static WithdrawalProcessor restart(final ChainRegistry registry, final Recorder recorder,
        final List<ApprovedWithdrawal> submitted, final long nowMs) {
        final WithdrawalProcessor processor =
            recorder.acknowledging(new WithdrawalProcessor(registry, recorder, recorder));
        for (final ApprovedWithdrawal withdrawal : submitted) {
            final long id = withdrawal.withdrawalId();
            if (recorder.confirmed.contains(id) || recorder.failed.contains(id)) {
                continue;
            }
            final SentTransaction sent = recorder.sent.get(id);
            if (sent == null) {
                processor.submit(withdrawal);
            } else {
                processor.resume(withdrawal, sent.txId(), sent.fee(), nowMs);
            }
        }
        return processor;
    }

    private static void poll(final long seed, final WithdrawalProcessor processor, final long nowMs,
        final Recorder recorder, final List<Lane> lanes) throws Exception {
        final int confirmedBefore = recorder.confirmed.size();
        final int failedBefore = recorder.failed.size();
        processor.poll(nowMs);
        for (final long id : recorder.confirmed.subList(confirmedBefore, recorder.confirmed.size())) {
            final Lane lane = laneOf(id, lanes);
            assertThat(lane.chain().confirmations(lane.chain().withdrawalTxId(id))).as("seed %d id %d", seed, id)
                .isGreaterThanOrEqualTo(lane.asset().confirmationsRequired());
        }
        for (final long id : recorder.failed.subList(failedBefore, recorder.failed.size())) {
            final Lane lane = laneOf(id, lanes);
            final String txId = lane.chain().withdrawalTxId(id);
            if (txId != null) {
                assertThat(lane.chain().status(txId).state().terminalFailure()).as("seed %d id %d", seed, id)
                    .isTrue();
            }
        }
    }

    private static Lane laneOf(final long withdrawalId, final List<Lane> lanes) {
        for (final Lane lane : lanes) {
            if (lane.chain().withdrawalTxId(withdrawalId) != null) {
                return lane;
            }
        }
        return lanes.get(0);
    }

    private static void checkEnded(final long seed, final List<ApprovedWithdrawal> submitted,
        final Recorder recorder, final List<Lane> lanes) {
        final Set<Long> ended = new HashSet<>();
        for (final long id : recorder.confirmed) {
            assertThat(ended.add(id)).as("seed %d: %d ended twice", seed, id).isTrue();
        }
        for (final long id : recorder.failed) {
            assertThat(ended.add(id)).as("seed %d: %d ended twice", seed, id).isTrue();
        }
        assertThat(ended).as("seed %d: every withdrawal ended", seed).hasSize(submitted.size());
        assertThat(new HashSet<>(recorder.broadcasts)).as("seed %d: broadcast reported twice", seed)
            .hasSameSizeAs(recorder.broadcasts);
        // Every report names the one transaction the chain holds for that withdrawal.
        recorder.sent.forEach((id, sent) -> assertThat(laneOf(id, lanes).chain().withdrawalTxId(id))
            .as("seed %d id %d", seed, id).isEqualTo(sent.txId()));
        final int transactions = lanes.stream().mapToInt(lane -> lane.chain().withdrawalTransactions()).sum();
        assertThat(transactions).as("seed %d: one transaction per withdrawal", seed)
            .isLessThanOrEqualTo(submitted.size()).isGreaterThanOrEqualTo(recorder.broadcasts.size());
    }
}
