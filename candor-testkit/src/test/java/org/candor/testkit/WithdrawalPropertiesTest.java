package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.PolicyKind;
import org.candor.engine.SnapshotWriter;
import org.candor.engine.RejectReason;
import org.candor.engine.Withdrawal;
import org.candor.engine.WithdrawalState;
import org.candor.engine.WithdrawalView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of withdrawals and policies over random streams (decision 0010): every WITHDRAWING unit belongs to a
 * live withdrawal; no policy is loosened without a second, different operator; every service-level deadline fires
 * once per state entry (SENDING's too), also when the engine is snapshotted and restored on the way; once the chain
 * edge claimed a withdrawal no cancel or rejection returns its funds, and custody changes only by deposits and
 * confirmed withdrawals.
 */
class WithdrawalPropertiesTest {
    private static final EngineCapacity CAPACITY = EngineCapacity.small();
    private static final PolicyKind[] SETTINGS = {PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD,
        PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT, PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT,
        PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, PolicyKind.WITHDRAWAL_SLA_REQUESTED};

    static LongStream withdrawingIsBackedAndNoPolicyLoosensWithOneOperatorTrials() {
        return Trials.seeds("withdrawingIsBackedAndNoPolicyLoosensWithOneOperator", 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("withdrawingIsBackedAndNoPolicyLoosensWithOneOperatorTrials")
    void withdrawingIsBackedAndNoPolicyLoosensWithOneOperator(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final Universe universe = Universe.standard(trial.intIn(1, 10), trial.intIn(1, 3));
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(CAPACITY, events);
        long id = 0;
        for (final Command command : generator.setup()) {
            Workload.apply(engine, command, ++id);
        }
        final Map<Long, Long> proposer = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            final Command command = generator.next(engine);
            final Map<String, Long> before = policies(engine, universe);
            Workload.apply(engine, command, ++id);
            final Map<String, Long> after = policies(engine, universe);
            for (final var p : events.ofKind(RecordingEvents.PolicyChangeProposed.class)) {
                proposer.put(p.proposalId(), p.operatorId());
            }
            if (loosened(before, after)) {
                final var approvals = events.ofKind(RecordingEvents.PolicyChangeApproved.class);
                assertThat(approvals).as("loosening by %s without an approval", command).hasSize(1);
                assertThat(approvals.get(0).operatorId()).as("approver differs from proposer")
                    .isNotEqualTo(proposer.get(approvals.get(0).proposalId()));
            }
            events.clear();
            engine.checkInvariants();
            for (final AssetTerms asset : universe.assets()) {
                long withdrawing = 0;
                for (final long userId : universe.userIds()) {
                    withdrawing += engine.balance(userId, asset.assetId(), Bucket.WITHDRAWING);
                }
                long live = 0;
                for (final Withdrawal w : engine.pendingWithdrawals()) {
                    live += w.assetId() == asset.assetId() ? w.amount() : 0;
                }
                assertThat(withdrawing).as("withdrawing of asset %d after %s", asset.assetId(), command)
                    .isEqualTo(live);
            }
        }
    }

    private static Map<String, Long> policies(final Engine engine, final Universe universe) {
        final Map<String, Long> values = new HashMap<>();
        final WithdrawalView view = engine.withdrawalView();
        for (final AssetTerms asset : universe.assets()) {
            values.put(asset.assetId() + "/" + PolicyKind.HOLD_APPROVAL_THRESHOLD,
                engine.holdApprovalThreshold(asset.assetId()));
            for (final PolicyKind kind : SETTINGS) {
                values.put(asset.assetId() + "/" + kind, view.setting(asset.assetId(), kind));
            }
        }
        values.put("accounts", (long) view.blastRadiusAccountsMax());
        values.put("share", (long) view.blastRadiusShareBpsMax());
        values.put("window", view.blastRadiusWindowMs());
        return values;
    }

    private static boolean loosened(final Map<String, Long> before, final Map<String, Long> after) {
        for (final Map.Entry<String, Long> entry : before.entrySet()) {
            final String key = entry.getKey();
            final long was = entry.getValue();
            final long now = after.get(key);
            if (key.equals("window")) {
                if (was != 0 && (now == 0 || now < was)) {
                    return true;
                }
            } else if (key.equals("accounts") || key.equals("share")) {
                if (before.get("window") != 0 && now > was) {
                    return true;
                }
            } else if (PolicyKind.valueOf(key.substring(key.indexOf('/') + 1)).loosens(was, now)) {
                return true;
            }
        }
        return false;
    }

    static LongStream noCancelOrRejectReturnsTheFundsOfAClaimedWithdrawalTrials() {
        return Trials.seeds("noCancelOrRejectReturnsTheFundsOfAClaimedWithdrawal", 30);
    }

    /**
     * The hazard the claim removes: a withdrawal whose transaction may be on the network must never have its funds
     * returned by its owner or an operator. Once SENDING is announced, its only ends are CONFIRMED and FAILED (the
     * chain's verdicts), every cancel or rejection naming it is refused, and a broadcast is recorded only for a
     * claimed withdrawal. Custody, the mirror of what sits on chain, moves only by deposits and confirmations.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("noCancelOrRejectReturnsTheFundsOfAClaimedWithdrawalTrials")
    void noCancelOrRejectReturnsTheFundsOfAClaimedWithdrawal(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final Universe universe = Universe.standard(trial.intIn(1, 6), trial.intIn(1, 3));
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(CAPACITY, events);
        long id = 0;
        for (final Command command : generator.setup()) {
            Workload.apply(engine, command, ++id);
        }
        // Addresses usable at once (two operators lower the time lock), so every stream has withdrawals to claim.
        for (final AssetTerms asset : universe.assets()) {
            Workload.apply(engine, new Command.SetWithdrawalPolicy(asset.assetId(),
                PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0, 7), ++id);
            final long proposal = events.ofKind(RecordingEvents.PolicyChangeProposed.class).get(0).proposalId();
            Workload.apply(engine, new Command.ApprovePolicyChange(proposal, 8), ++id);
            events.clear();
        }
        final Map<Integer, Long> custody = new HashMap<>();
        for (final AssetTerms asset : universe.assets()) {
            custody.put(asset.assetId(), engine.balance(Engine.SYSTEM_USER_ID, asset.assetId(), Bucket.CUSTODY));
        }
        events.clear();
        final Map<Long, RecordingEvents.WithdrawalRequested> requested = new HashMap<>();
        final Set<Long> claimed = new HashSet<>();
        int refusedAfterClaim = 0;
        for (int i = 0; i < 2_000; i++) {
            final Command command = generator.next(engine);
            final long target = command instanceof Command.CancelWithdrawal c ? c.withdrawalId()
                : command instanceof Command.RejectWithdrawal r ? r.withdrawalId() : 0;
            final RejectReason reason = Workload.apply(engine, command, ++id);
            if (claimed.contains(target)) {
                assertThat(reason).as("%s of a claimed withdrawal", command).isNotEqualTo(RejectReason.NONE);
                refusedAfterClaim++;
            }
            for (final RecordingEvents.Event event : events.events()) {
                if (event instanceof RecordingEvents.WithdrawalRequested w) {
                    requested.put(w.withdrawalId(), w);
                } else if (event instanceof RecordingEvents.DepositCredited d) {
                    custody.merge(d.assetId(), -d.amount(), Long::sum);
                } else if (event instanceof RecordingEvents.WithdrawalBroadcast b) {
                    assertThat(claimed).as("broadcast recorded without a claim").contains(b.withdrawalId());
                } else if (event instanceof RecordingEvents.WithdrawalStateChanged changed) {
                    final long w = changed.withdrawalId();
                    if (changed.state() == WithdrawalState.SENDING) {
                        assertThat(claimed.add(w)).as("claimed twice: %d", w).isTrue();
                    } else if (claimed.contains(w)) {
                        assertThat(changed.state()).as("end of claimed withdrawal %d", w)
                            .isIn(WithdrawalState.CONFIRMED, WithdrawalState.FAILED);
                    }
                    if (changed.state() == WithdrawalState.CONFIRMED) {
                        custody.merge(requested.get(w).assetId(), requested.get(w).amount(), Long::sum);
                    }
                }
            }
            events.clear();
            engine.checkInvariants();
            for (final AssetTerms asset : universe.assets()) {
                final int assetId = asset.assetId();
                assertThat(engine.balance(Engine.SYSTEM_USER_ID, assetId, Bucket.CUSTODY))
                    .as("custody of asset %d after %s", assetId, command).isEqualTo(custody.get(assetId));
            }
        }
        assertThat(claimed).as("the stream claims withdrawals").isNotEmpty();
        assertThat(refusedAfterClaim).as("and tries to cancel or reject some it claimed").isPositive();
    }

    static LongStream slaDeadlinesFireOncePerStateEntryAcrossSnapshotAndRestoreTrials() {
        return Trials.seeds("slaDeadlinesFireOncePerStateEntryAcrossSnapshotAndRestore", 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("slaDeadlinesFireOncePerStateEntryAcrossSnapshotAndRestoreTrials")
    void slaDeadlinesFireOncePerStateEntryAcrossSnapshotAndRestore(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final Universe universe = Universe.standard(trial.intIn(1, 8), trial.intIn(1, 3));
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        Engine engine = new Engine(CAPACITY, events);
        long id = 0;
        for (final Command command : generator.setup()) {
            Workload.apply(engine, command, ++id);
        }
        final int restoreAt = trial.intIn(100, 1_500);
        final Set<String> fired = new HashSet<>();
        int missed = 0;
        int due = 0;
        int missedSending = 0;
        int dueSending = 0;
        for (int i = 0; i < 2_000; i++) {
            if (i == restoreAt) {
                final SnapshotWriter out = new SnapshotWriter();
                engine.writeSnapshot(out);
                final byte[] bytes = new byte[out.length()];
                out.buffer().getBytes(0, bytes);
                final Engine restored = Engine.restore(CAPACITY, events, new UnsafeBuffer(bytes), 0, bytes.length);
                assertThat(restored.digest()).isEqualTo(engine.digest());
                assertThat(restored.nextDeadlineMs()).isEqualTo(engine.nextDeadlineMs());
                engine = restored;
            }
            Workload.apply(engine, generator.next(engine), ++id);
            if (i % 50 == 49) {
                // Time runs far ahead now and then, so the half-hour and six-hour deadlines fall due.
                final long jumpMs = Workload.timeOf(id) + 7L * 3_600_000;
                for (final Withdrawal w : engine.pendingWithdrawals()) {
                    final int falls = !w.slaMissed() && w.slaDeadlineMs() <= jumpMs ? 1 : 0;
                    due += falls;
                    dueSending += w.state() == WithdrawalState.SENDING ? falls : 0;
                }
                engine.advanceTime(jumpMs);
            }
            for (final RecordingEvents.Event event : events.events()) {
                if (event instanceof RecordingEvents.WithdrawalSlaMissed m) {
                    missed++;
                    missedSending += m.state() == WithdrawalState.SENDING ? 1 : 0;
                    final String key = m.withdrawalId() + "/" + m.state() + "/" + m.deadlineMs();
                    assertThat(fired.add(key)).as("deadline fired twice: %s", key).isTrue();
                }
            }
            events.clear();
        }
        assertThat(missed).as("every deadline that fell due at a jump fired").isGreaterThanOrEqualTo(due);
        assertThat(missedSending).as("SENDING's among them").isGreaterThanOrEqualTo(dueSending);
    }
}
