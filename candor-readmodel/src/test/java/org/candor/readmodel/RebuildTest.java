package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.candor.engine.Engine;
import org.candor.testkit.RecordingEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dropping the projections and rebuilding them from the event stream gives the live tables back, row for row. */
class RebuildTest {
    private static final int COMMANDS = 1_500;
    private static ReadModelDatabase database;

    @BeforeAll
    static void open() {
        database = TestDatabases.freshSchema("t_rebuild");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static LongStream seeds() {
        return Seeds.of("RebuildTest", 2);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rebuildsTheSameTablesAsTheLiveProjection(final long seed) {
        ProjectionRebuild.reset(database);
        final RecordingEvents recording = new RecordingEvents();
        final Engine engine;
        try (Projector live = Projector.open(database, 37)) {
            engine = Projections.run(Projections.workload(seed, COMMANDS), recording, live);
        }
        final TableDigest liveDigest = TableDigest.of(database);

        final ProjectionRebuild.Result result = ProjectionRebuild.rebuild(database,
            new RecordedStream(recording.events()), 5_000);

        assertThat(result.events()).isEqualTo(recording.size());
        assertThat(result.lastSeq()).isEqualTo(engine.lastEventSeq());
        assertThat(TableDigest.of(database)).isEqualTo(liveDigest);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void digestsDifferWhenTheEventsDiffer(final long seed) {
        final RecordingEvents recording = new RecordingEvents();
        Projections.workload(seed, COMMANDS).run(Projections.CAPACITY, recording);
        ProjectionRebuild.rebuild(database, new RecordedStream(recording.events()), 1_000);
        final TableDigest whole = TableDigest.of(database);

        final int lastResult = recording.events().indexOf(recording.results().get(recording.results().size() - 2));
        ProjectionRebuild.rebuild(database, new RecordedStream(recording.events().subList(0, lastResult + 1)), 1_000);

        assertThat(TableDigest.of(database).total()).isNotEqualTo(whole.total());
    }
}
