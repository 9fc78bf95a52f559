package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.candor.testkit.RecordingEvents;
import org.candor.testkit.RecordingEvents.Event;
import org.candor.testkit.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A projector that dies (its transaction fails in the middle of a batch, its connection is killed by the server,
 * or its process stops with events received but not committed), then a new projector fed the whole stream again
 * from sequence 1: the tables equal a clean projection, with no gap and no duplicate.
 */
class CrashRecoveryTest {
    private static final int COMMANDS = 1_200;
    private static ReadModelDatabase crashed;
    private static ReadModelDatabase clean;

    @BeforeAll
    static void open() {
        crashed = TestDatabases.freshSchema("t_crash");
        clean = TestDatabases.freshSchema("t_crash_clean");
    }

    @AfterAll
    static void close() {
        crashed.close();
        clean.close();
    }

    /** How the server ends the projector's transaction when it writes the chosen trade. */
    enum Failure {
        STATEMENT_FAILS("RAISE EXCEPTION 'injected failure'"),
        CONNECTION_KILLED("PERFORM pg_terminate_backend(pg_backend_pid())");

        final String plpgsql;

        Failure(final String plpgsql) {
            this.plpgsql = plpgsql;
        }
    }

    static LongStream seeds() {
        return Seeds.of("CrashRecoveryTest", 3);
    }

    static Stream<Arguments> failures() {
        return seeds().boxed().flatMap(seed -> Stream.of(Failure.values()).map(f -> Arguments.of(seed, f)));
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("failures")
    void resumesWithoutGapsOrDuplicatesAfterATransactionFailsMidBatch(final long seed, final Failure failure) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Event> events = record(seed);
        final List<RecordingEvents.Trade> trades = ofKind(events, RecordingEvents.Trade.class);
        final long doomedTrade = trades.get(random.nextInt(trades.size())).tradeId();
        final String action = failure.plpgsql;
        ProjectionRebuild.reset(crashed);
        execute(crashed, "CREATE OR REPLACE FUNCTION fail_here() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + action + "; RETURN NEW; END $$");
        execute(crashed, "CREATE TRIGGER fail_here BEFORE INSERT ON trades FOR EACH ROW WHEN (NEW.trade_id = "
            + doomedTrade + ") EXECUTE FUNCTION fail_here()");

        final Projector first = Projector.open(crashed, 1 + random.nextInt(200));
        assertThatThrownBy(() -> {
            RecordedStream.replay(events, first);
            first.flush();
        }).isInstanceOf(ProjectionException.class);
        assertThatThrownBy(first::flush).isInstanceOf(ProjectionException.class);
        assertThatThrownBy(() -> first.userCreated(events.get(events.size() - 1).seq() + 1, 99))
            .isInstanceOf(ProjectionException.class);
        final long committed = Projections.count(crashed, "SELECT last_seq FROM projection_state");
        assertThat(committed).isLessThan(tradeSeq(trades, doomedTrade));
        assertThat(Projections.count(crashed, "SELECT count(*) FROM trades WHERE seq > " + committed)).isZero();

        execute(crashed, "DROP TRIGGER fail_here ON trades");
        resumeAndCompare(events, random);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void resumesWithoutGapsOrDuplicatesAfterTheProcessDiesWithUncommittedEvents(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Event> events = record(seed);
        ProjectionRebuild.reset(crashed);
        final Projector first = Projector.open(crashed, 1 + random.nextInt(200));
        final int diesAfter = random.nextInt(events.size());
        RecordedStream.replay(events.subList(0, diesAfter), first);
        first.halt();
        resumeAndCompare(events, random);
    }

    private static void resumeAndCompare(final List<Event> events, final SplittableRandom random) {
        try (Projector second = Projector.open(crashed, 1 + random.nextInt(500))) {
            RecordedStream.replay(events, second);
        }
        ProjectionRebuild.rebuild(clean, new RecordedStream(events), Projector.DEFAULT_COMMANDS_PER_BATCH);

        assertThat(TableDigest.of(crashed)).isEqualTo(TableDigest.of(clean));
        assertThat(Projections.longs(crashed, "SELECT seq FROM ledger_entries ORDER BY seq"))
            .isEqualTo(ofKind(events, RecordingEvents.LedgerEntry.class).stream()
                .map(RecordingEvents.LedgerEntry::seq).toList());
        assertThat(Projections.count(crashed, "SELECT count(*) FROM (SELECT balance, sum(amount) OVER (PARTITION BY "
            + "user_id, asset_id, bucket ORDER BY seq) AS running FROM statement_lines) s WHERE balance <> running"))
            .isZero();
        assertThat(Projections.count(crashed, "SELECT last_seq FROM projection_state"))
            .isEqualTo(events.get(events.size() - 1).seq());
    }

    private static List<Event> record(final long seed) {
        final Workload workload = Projections.workload(seed, COMMANDS);
        final RecordingEvents recording = new RecordingEvents();
        workload.run(Projections.CAPACITY, recording);
        return recording.events();
    }

    private static long tradeSeq(final List<RecordingEvents.Trade> trades, final long tradeId) {
        return trades.stream().filter(t -> t.tradeId() == tradeId).findFirst().orElseThrow().seq();
    }

    private static <T extends Event> List<T> ofKind(final List<Event> events, final Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static void execute(final ReadModelDatabase database, final String sql) {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (final SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
