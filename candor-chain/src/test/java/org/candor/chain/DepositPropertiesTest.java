package org.candor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random histories of one chain (payments, blocks, reorgs, failed transactions, outages, restarts) under a
 * deposit tracker. Whatever happens: no deposit is credited twice, none before its required confirmations, and
 * once the chain settles every final deposit is credited. With reorgs shallower than the confirmations no credit
 * is ever reversed; with deeper ones every reversed credit raised an incident.
 */
class DepositPropertiesTest {
    private static final int STEPS = 600;
    private static final int USERS = 5;

    static LongStream trials() {
        return Seeds.of("deposits", 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("trials")
    void depositsAreCreditedExactlyOnceAfterTheirConfirmations(final long seed) throws Exception {
        final Random random = new Random(seed);
        final int required = 1 + random.nextInt(4);
        final boolean deepReorgs = random.nextBoolean();
        final boolean restarts = random.nextBoolean();
        final ChainAsset asset = new ChainAsset(1, "BTC", 8, required, 600_000, 7_200_000);
        final SimulatedChain chain = new SimulatedChain("BTC", seed, 600_000, 2_000);
        final Recorder recorder = new Recorder();
        final List<String> addresses = new ArrayList<>();
        for (int user = 1; user <= USERS; user++) {
            addresses.add(chain.newDepositAddress(user));
        }
        final List<String> incoming = new ArrayList<>();
        DepositTracker tracker = new DepositTracker(asset, chain, recorder, recorder, 0, List.of());
        long nowMs = 0;
        int blocksSinceReorg = 0;
        recorder.lines.add("required=" + required + " deep=" + deepReorgs + " restarts=" + restarts);
        for (int step = 0; step < STEPS; step++) {
            final int action = random.nextInt(100);
            if (action < 25) {
                incoming.add(pay(chain, random, addresses));
            } else if (action < 55) {
                chain.mineBlock();
                blocksSinceReorg++;
            } else if (action < 62 && chain.tipHeight() > 0) {
                final int deepest = deepReorgs ? required + 2 : Math.min(required - 1, blocksSinceReorg >= required
                    ? required - 1 : 0);
                final int depth = (int) Math.min(chain.tipHeight(), deepest < 1 ? 0 : 1 + random.nextInt(deepest));
                chain.reorg(depth);
                blocksSinceReorg = 0;
            } else if (action < 65 && !incoming.isEmpty()) {
                final String txId = incoming.get(random.nextInt(incoming.size()));
                if (chain.confirmations(txId) == 0) {
                    chain.failOnMining(txId);
                }
            } else if (action < 69) {
                if (chain.health().up()) {
                    chain.goDown("outage " + step);
                } else {
                    chain.comeUp();
                }
            } else if (action < 72 && restarts) {
                tracker = new DepositTracker(asset, chain, recorder, recorder, tracker.scannedHeight(),
                    recorder.creditedKeys());
            } else {
                nowMs += 1 + random.nextInt(5_000);
                final int before = recorder.credits.size();
                tracker.poll(nowMs);
                for (final ChainDeposit credit : recorder.credits.subList(before, recorder.credits.size())) {
                    assertThat(chain.confirmations(credit.key().txId())).as("seed %d", seed)
                        .isGreaterThanOrEqualTo(required);
                }
            }
        }
        chain.comeUp();
        chain.advance(required);
        tracker.poll(nowMs + 3_600_000);
        checkSettled(seed, chain, recorder, required, deepReorgs, restarts);
    }

    private static String pay(final SimulatedChain chain, final Random random, final List<String> addresses) {
        final String ours = addresses.get(random.nextInt(addresses.size()));
        final long amount = 1 + random.nextInt(1_000_000);
        if (random.nextInt(4) == 0) {
            final String other = random.nextBoolean() ? chain.externalAddress()
                : addresses.get(random.nextInt(addresses.size()));
            return chain.receive(List.of(other, ours), List.of(amount, amount + 1));
        }
        return chain.receive(ours, amount);
    }

    private static void checkSettled(final long seed, final SimulatedChain chain, final Recorder recorder,
        final int required, final boolean deepReorgs, final boolean restarts) throws Exception {
        final List<DepositKey> credited = recorder.creditedKeys();
        assertThat(new HashSet<>(credited)).as("seed %d: credited twice: %s", seed, recorder.lines)
            .hasSameSizeAs(credited);
        final Map<DepositKey, Long> creditedHeights = new HashMap<>();
        for (final ChainDeposit credit : recorder.credits) {
            creditedHeights.put(credit.key(), credit.height());
        }
        final Map<DepositKey, IncomingTransfer> onChain = new HashMap<>();
        for (final IncomingTransfer transfer : chain.incomingSince(0)) {
            onChain.put(new DepositKey(1, transfer.txId(), transfer.outputIndex()), transfer);
            if (transfer.confirmations() >= required) {
                assertThat(credited).as("seed %d: final deposit not credited", seed)
                    .contains(new DepositKey(1, transfer.txId(), transfer.outputIndex()));
            }
        }
        for (final DepositKey key : credited) {
            final IncomingTransfer now = onChain.get(key);
            final boolean stayed = now != null && now.height() == creditedHeights.get(key);
            if (!deepReorgs) {
                assertThat(stayed).as("seed %d: a shallow reorg moved credit %s", seed, key).isTrue();
            } else if (!stayed && !restarts) {
                assertThat(recorder.reversed).as("seed %d: silent reversal", seed).contains(key);
            }
        }
        if (!deepReorgs) {
            assertThat(recorder.reversed).as("seed %d", seed).isEmpty();
        }
    }
}
