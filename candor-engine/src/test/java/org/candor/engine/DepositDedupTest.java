package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine credits a deposit reference once per asset: a repeat is refused DEPOSIT_ALREADY_CREDITED and changes
 * nothing, within the bound of the asset's most recent references, across snapshots and replays.
 */
class DepositDedupTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    /** Every bound of {@link EngineCapacity#small()}, but four deposit references remembered per asset. */
    private static final EngineCapacity FOUR_REFS = new EngineCapacity(64, 16, 8, 512, 1024, 64, 512, 64, 64, 8,
        1024, 4);

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        EngineFixture.accept(fx.user(ALICE));
        EngineFixture.accept(fx.user(BOB));
    }

    private static EngineFixture.Command deposit(final long userId, final int assetId, final long amount,
        final long ref) {
        return (e, c, id, t) -> e.deposit(c, id, t, userId, assetId, amount, ref);
    }

    /** Runs a repeated deposit: refused naming its reference, only its result emitted, nothing changed. */
    private static void assertRefusedAsCredited(final EngineFixture f, final EngineFixture.Command repeat,
        final long ref) {
        final String before = f.state();
        final List<Long> balances = balances(f);
        final long seqBefore = f.engine.lastEventSeq();
        f.events.clear();

        assertThat(f.exec(repeat)).isEqualTo(RejectReason.DEPOSIT_ALREADY_CREDITED);

        assertThat(f.events.all).as("only the command's result").hasSize(1);
        assertThat(f.events.lastResult().reason()).isEqualTo(RejectReason.DEPOSIT_ALREADY_CREDITED);
        assertThat(f.events.lastResult().reference()).as("names the deposit reference").isEqualTo(ref);
        assertThat(f.events.entries).isEmpty();
        assertThat(f.engine.lastEventSeq()).isEqualTo(seqBefore + 1);
        assertThat(f.state()).isEqualTo(before);
        assertThat(balances(f)).isEqualTo(balances);
    }

    /** Every bucket of both users and custody, in BTC and USDT. */
    private static List<Long> balances(final EngineFixture f) {
        final List<Long> out = new ArrayList<>();
        for (final int asset : new int[] {BTC, USDT}) {
            for (final long user : new long[] {ALICE, BOB}) {
                for (final Bucket bucket : new Bucket[] {Bucket.AVAILABLE, Bucket.IN_ORDERS, Bucket.WITHDRAWING,
                    Bucket.HELD}) {
                    out.add(f.balance(user, asset, bucket));
                }
            }
            out.add(f.balance(Engine.SYSTEM_USER_ID, asset, Bucket.CUSTODY));
        }
        return out;
    }

    @Test
    void aRepeatedReferenceIsRefusedAndChangesNothing() {
        EngineFixture.accept(fx.exec(deposit(ALICE, BTC, BTC_UNIT, 5_001)));

        assertRefusedAsCredited(fx, deposit(ALICE, BTC, BTC_UNIT, 5_001), 5_001);
        assertRefusedAsCredited(fx, deposit(BOB, BTC, BTC_UNIT, 5_001), 5_001);
        assertRefusedAsCredited(fx, deposit(ALICE, BTC, 3, 5_001), 5_001);

        fx.assertBuckets(ALICE, BTC, BTC_UNIT, 0, 0, 0);
        fx.assertBuckets(BOB, BTC, 0, 0, 0, 0);
        assertThat(fx.balance(Engine.SYSTEM_USER_ID, BTC, Bucket.CUSTODY)).isEqualTo(-BTC_UNIT);
    }

    @Test
    void theSameReferenceInAnotherAssetIsAnotherDeposit() {
        EngineFixture.accept(fx.exec(deposit(ALICE, BTC, BTC_UNIT, 5_002)));
        fx.events.clear();

        EngineFixture.accept(fx.exec(deposit(ALICE, USDT, 10 * USDT_UNIT, 5_002)));

        assertThat(fx.events.lastResult().reference()).isEqualTo(5_002);
        assertThat(fx.events.entries).containsExactly(new RecordingEvents.Entry(USDT, Engine.SYSTEM_USER_ID,
            Bucket.CUSTODY, ALICE, Bucket.AVAILABLE, 10 * USDT_UNIT, LedgerCause.DEPOSIT, 5_002));
        assertRefusedAsCredited(fx, deposit(BOB, USDT, 1, 5_002), 5_002);
    }

    @Test
    void aReferenceMustBePositive() {
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, deposit(ALICE, BTC, BTC_UNIT, 0));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, deposit(ALICE, BTC, BTC_UNIT, -7));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, deposit(ALICE, BTC, BTC_UNIT, Long.MIN_VALUE));
    }

    @Test
    void aRefusedDepositDoesNotUseItsReference() {
        EngineFixture.accept(fx.deposit(ALICE, BTC, Ledger.AMOUNT_MAX - 1));
        fx.assertRejectedWithoutChange(RejectReason.BALANCE_OVERFLOW, deposit(BOB, BTC, 2, 5_003));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_USER, deposit(99, USDT, 2, 5_004));

        EngineFixture.accept(fx.exec(deposit(BOB, BTC, 1, 5_003)));
        EngineFixture.accept(fx.exec(deposit(BOB, USDT, 1, 5_004)));
        fx.assertBuckets(BOB, BTC, 1, 0, 0, 0);
    }

    @Test
    void argumentsAreCheckedBeforeTheMemory() {
        EngineFixture.accept(fx.exec(deposit(ALICE, BTC, BTC_UNIT, 5_005)));

        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_USER, deposit(99, BTC, 1, 5_005));
        fx.assertRejectedWithoutChange(RejectReason.UNKNOWN_ASSET, deposit(ALICE, 9, 1, 5_005));
        fx.assertRejectedWithoutChange(RejectReason.INVALID_ARGUMENT, deposit(ALICE, BTC, 0, 5_005));
        assertRefusedAsCredited(fx, deposit(ALICE, BTC, Ledger.AMOUNT_MAX, 5_005), 5_005);
    }

    @Test
    void theOldestReferenceIsForgottenBeyondTheBoundAndCreditedAgain() {
        final EngineFixture four = new EngineFixture(FOUR_REFS);
        EngineFixture.accept(four.user(ALICE));
        for (long ref = 1; ref <= 5; ref++) {
            EngineFixture.accept(four.exec(deposit(ALICE, BTC, 10, ref)));
        }

        EngineFixture.accept(four.exec(deposit(ALICE, BTC, 10, 1)));
        assertThat(four.available(ALICE, BTC)).as("ref 1 left the window of four and is credited again")
            .isEqualTo(60);
        for (final long remembered : new long[] {3, 4, 5, 1}) {
            assertRefusedAsCredited(four, deposit(ALICE, BTC, 10, remembered), remembered);
        }
        EngineFixture.accept(four.exec(deposit(ALICE, BTC, 10, 2)));
        assertThat(four.engine.funds.memory().size(BTC)).isEqualTo(4);
    }

    @Test
    void theDefaultBoundRemembersTheLast65536ReferencesOfEachAsset() {
        final EngineCapacity defaultBound = new EngineCapacity(64, 16, 8, 512, 1024, 64, 512, 64, 64, 8, 1024);
        final Engine engine = new Engine(defaultBound, new IgnoringEvents() { });
        long command = 0;
        engine.createAsset(1, ++command, 0, BTC, "BTC", 8);
        engine.createAsset(1, ++command, 0, USDT, "USDT", 6);
        engine.createUser(1, ++command, 0, ALICE);
        final int bound = EngineCapacity.DEPOSIT_REFS_PER_ASSET;
        assertThat(bound).isEqualTo(65_536);
        for (long ref = 1; ref <= bound; ref++) {
            assertThat(engine.deposit(1, ++command, 0, ALICE, BTC, 1, ref)).isEqualTo(RejectReason.NONE);
        }
        assertThat(engine.deposit(1, ++command, 0, ALICE, USDT, 1, 1)).isEqualTo(RejectReason.NONE);
        assertThat(engine.deposit(1, ++command, 0, ALICE, BTC, 1, 1)).as("ref 1 is still within the last 65,536")
            .isEqualTo(RejectReason.DEPOSIT_ALREADY_CREDITED);

        assertThat(engine.deposit(1, ++command, 0, ALICE, BTC, 1, bound + 1)).isEqualTo(RejectReason.NONE);

        assertThat(engine.deposit(1, ++command, 0, ALICE, BTC, 1, 1)).as("the 65,537th pushed ref 1 out")
            .isEqualTo(RejectReason.NONE);
        assertThat(engine.deposit(1, ++command, 0, ALICE, BTC, 1, 3)).as("ref 3 is not")
            .isEqualTo(RejectReason.DEPOSIT_ALREADY_CREDITED);
        assertThat(engine.deposit(1, ++command, 0, ALICE, USDT, 1, 1)).as("another asset's memory")
            .isEqualTo(RejectReason.DEPOSIT_ALREADY_CREDITED);
        assertThat(engine.balance(ALICE, BTC, Bucket.AVAILABLE)).isEqualTo(bound + 2);
        engine.checkInvariants();
        assertThat(engine.recomputeDigest()).isEqualTo(engine.digest());
    }

    @Test
    void theDigestCoversTheOrderInWhichReferencesWillBeForgotten() {
        final EngineFixture other = new EngineFixture();
        EngineFixture.accept(other.user(ALICE));
        EngineFixture.accept(other.user(BOB));

        EngineFixture.accept(fx.exec(deposit(ALICE, BTC, 10, 5_006)));
        EngineFixture.accept(fx.exec(deposit(ALICE, BTC, 10, 5_007)));
        EngineFixture.accept(other.exec(deposit(ALICE, BTC, 10, 5_007)));
        EngineFixture.accept(other.exec(deposit(ALICE, BTC, 10, 5_006)));

        assertThat(balances(other)).isEqualTo(balances(fx));
        assertThat(other.engine.digest()).isNotEqualTo(fx.engine.digest());
    }

    @Test
    void theMemorySurvivesASnapshotInOrder() {
        final EngineFixture four = new EngineFixture(FOUR_REFS);
        EngineFixture.accept(four.user(ALICE));
        for (final long ref : new long[] {7, 3, 9, 5, 8}) {
            EngineFixture.accept(four.exec(deposit(ALICE, BTC, 10, ref)));
        }
        EngineFixture.accept(four.exec(deposit(ALICE, USDT, 10, 7)));
        final byte[] bytes = snapshot(four.engine);
        final RecordingEvents restoredEvents = new RecordingEvents();
        final Engine restored = Engine.restore(FOUR_REFS, restoredEvents, new UnsafeBuffer(bytes), 0, bytes.length);
        final EngineFixture copy = new EngineFixture(restored, restoredEvents, four.nextCommandId(), four.nowMs());

        assertThat(restored.digest()).isEqualTo(four.engine.digest());
        assertThat(snapshot(restored)).isEqualTo(bytes);
        for (final EngineFixture f : List.of(copy, four)) {
            assertRefusedAsCredited(f, deposit(ALICE, BTC, 10, 9), 9);
            assertRefusedAsCredited(f, deposit(ALICE, USDT, 10, 7), 7);
        }
        four.events.clear();
        copy.events.clear();
        for (final long ref : new long[] {7, 11, 3, 9, 7}) {
            assertThat(copy.exec(deposit(ALICE, BTC, 10, ref))).isEqualTo(four.exec(deposit(ALICE, BTC, 10, ref)));
        }
        assertThat(copy.events.all).isEqualTo(four.events.all);
        assertThat(restored.digest()).isEqualTo(four.engine.digest());
        assertThat(four.available(ALICE, BTC)).as("7, 11, 3 and 9 credited (out of the window of four by then)")
            .isEqualTo(90);
    }

    @Test
    void aReplayOfTheSameCommandsRefusesTheSameRepeats() {
        final List<EngineFixture.Command> commands = List.of(deposit(ALICE, BTC, 10, 5_010),
            deposit(BOB, BTC, 20, 5_010), deposit(BOB, USDT, 30, 5_010), deposit(ALICE, BTC, 0, 5_011),
            deposit(ALICE, BTC, 40, 5_011), deposit(BOB, USDT, 50, 5_010));
        final EngineFixture replay = new EngineFixture();
        EngineFixture.accept(replay.user(ALICE));
        EngineFixture.accept(replay.user(BOB));
        fx.events.clear();
        replay.events.clear();

        final List<RejectReason> first = new ArrayList<>();
        final List<RejectReason> second = new ArrayList<>();
        for (final EngineFixture.Command command : commands) {
            first.add(fx.exec(command));
            second.add(replay.exec(command));
        }

        assertThat(first).containsExactly(RejectReason.NONE, RejectReason.DEPOSIT_ALREADY_CREDITED, RejectReason.NONE,
            RejectReason.INVALID_ARGUMENT, RejectReason.NONE, RejectReason.DEPOSIT_ALREADY_CREDITED);
        assertThat(second).isEqualTo(first);
        assertThat(replay.events.all).isEqualTo(fx.events.all);
        assertThat(replay.engine.digest()).isEqualTo(fx.engine.digest());
        fx.assertBuckets(ALICE, BTC, 50, 0, 0, 0);
        fx.assertBuckets(BOB, USDT, 30, 0, 0, 0);
    }

    @Test
    void aResentDepositIsAnsweredWithItsFirstResultNotRefused() {
        EngineFixture.accept(fx.execAs(40, 1, deposit(ALICE, BTC, 10, 5_020)));
        fx.events.clear();

        assertThat(fx.execAs(40, 1, deposit(ALICE, BTC, 10, 5_020))).isEqualTo(RejectReason.NONE);

        assertThat(fx.events.lastResult().duplicate()).isTrue();
        assertThat(fx.execAs(40, 2, deposit(ALICE, BTC, 10, 5_020)))
            .isEqualTo(RejectReason.DEPOSIT_ALREADY_CREDITED);
        fx.assertBuckets(ALICE, BTC, 10, 0, 0, 0);
    }

    /**
     * A snapshot written by the build before the deposit memory (format 4: alice 2 BTC by ref 101, bob 1 BTC by
     * ref 102 and 50,000 USDT by ref 101, an ask of alice, a withdrawal of bob) restores with the digest it had and
     * an empty memory: its references are not known, so they would be credited again; new ones are remembered.
     */
    @Test
    void restoresAFormatFourSnapshotWithAnEmptyMemory() throws IOException {
        final RecordingEvents events = new RecordingEvents();
        final byte[] v4 = resource("v4-deposits.bin");
        final Engine restored = Engine.restore(EngineCapacity.small(), events, new UnsafeBuffer(v4), 0, v4.length);

        restored.checkInvariants();
        assertThat(restored.digest()).as("the digest the format 4 build had").isEqualTo(-5377745052722709571L);
        assertThat(restored.balance(ALICE, BTC, Bucket.AVAILABLE)).isEqualTo(2 * BTC_UNIT - 10_000_000);
        assertThat(restored.balance(BOB, USDT, Bucket.AVAILABLE)).isEqualTo(50_000 * USDT_UNIT);
        assertThat(restored.funds.memory().size(BTC)).isZero();
        final EngineFixture continued = new EngineFixture(restored, events, 10_000, 1_700_000_100_000L);

        EngineFixture.accept(continued.exec(deposit(BOB, BTC, 5, 102)));
        assertRefusedAsCredited(continued, deposit(BOB, BTC, 5, 102), 102);
        final byte[] v5 = snapshot(restored);
        assertThat(v5[8]).as("written as format 5").isEqualTo((byte) 5);
        assertThat(Engine.restore(EngineCapacity.small(), new RecordingEvents(), new UnsafeBuffer(v5), 0, v5.length)
            .digest()).isEqualTo(restored.digest());
    }

    @Test
    void aSnapshotWithMoreReferencesThanTheBoundIsRefused() {
        final EngineFixture five = new EngineFixture();
        EngineFixture.accept(five.user(ALICE));
        for (long ref = 1; ref <= 5; ref++) {
            EngineFixture.accept(five.exec(deposit(ALICE, BTC, 10, ref)));
        }
        final byte[] bytes = snapshot(five.engine);

        assertThatThrownBy(() -> Engine.restore(FOUR_REFS, new RecordingEvents(),
            new UnsafeBuffer(bytes), 0, bytes.length)).isInstanceOf(SnapshotReader.SnapshotFormatException.class);
    }

    private static byte[] snapshot(final Engine engine) {
        final SnapshotWriter out = new SnapshotWriter();
        engine.writeSnapshot(out);
        final byte[] bytes = new byte[out.length()];
        out.buffer().getBytes(0, bytes);
        return bytes;
    }

    private static byte[] resource(final String name) throws IOException {
        try (InputStream in = DepositDedupTest.class.getResourceAsStream("/snapshots/" + name)) {
            return in.readAllBytes();
        }
    }
}
