package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldState;
import org.candor.testkit.RecordingEvents;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Migrations on an empty database, a schema of one's own, and an embedded server whose data survives a restart. */
class DatabaseLifecycleTest {

    /**
     * A database projected by the first version (holds as amounts placed in force by one operator) migrates to the
     * accountable holds of version 2 with its rows kept and described as what they were.
     */
    @Test
    void migratesTheFirstVersionsSchemaWithItsRows() throws Exception {
        TestDatabases.dropSchema("t_migrate_v1");
        final PostgresEndpoint endpoint = TestDatabases.endpoint();
        final PGSimpleDataSource single = new PGSimpleDataSource();
        single.setUrl(endpoint.jdbcUrl());
        single.setUser(endpoint.user());
        single.setPassword(endpoint.password());
        try (Connection connection = single.getConnection()) {
            Flyway.configure().dataSource(single).schemas("t_migrate_v1").defaultSchema("t_migrate_v1")
                .createSchemas(true).locations(ReadModelDatabase.MIGRATIONS).target("1").load().migrate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO t_migrate_v1.holds VALUES (1, 10, 0, 500, 0, 7, 3, 1000, true, "
                    + "NULL, NULL, NULL), (2, 11, 0, 700, 1, 7, 4, 1001, false, 8, 9, 1002)");
                statement.execute("INSERT INTO t_migrate_v1.withdrawals VALUES (5, 10, 0, 100, 1, 3, 1000, 4, 1001)");
            }
            assertThat(ReadModelDatabase.migrate(single, "t_migrate_v1")).isEqualTo(3);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT state_name, address_id, sla_misses "
                     + "FROM t_migrate_v1.withdrawals")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("V3 names the states V1 stored").isEqualTo("CONFIRMED");
                assertThat(rows.getLong(2)).isZero();
                assertThat(rows.getInt(3)).isZero();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT hold_id, state, kind, renewals, explanation, "
                     + "released_by FROM t_migrate_v1.holds ORDER BY hold_id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(2)).as("in force").isEqualTo(HoldState.ACTIVE.code());
                assertThat(rows.getInt(3)).isEqualTo(HoldKind.AMOUNT.code());
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(2)).as("released").isEqualTo(HoldState.RELEASED.code());
                assertThat(rows.getLong(6)).isEqualTo(8);
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void migratesAnEmptySchemaAndKeepsFlywaysHistoryInIt() {
        try (ReadModelDatabase database = TestDatabases.freshSchema("t_migrate")) {
            assertThat(Projections.rows(database, "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 't_migrate' ORDER BY table_name")).containsAll(tableNames())
                .contains("flyway_schema_history", "projection_state");
            assertThat(Projections.rows(database, "SELECT version, success FROM flyway_schema_history "
                + "WHERE version IS NOT NULL ORDER BY installed_rank")).containsExactly("1 t", "2 t", "3 t", "4 t");
            assertThat(Projections.count(database, "SELECT last_seq FROM projection_state")).isZero();
            assertThat(ReadModelDatabase.migrate(database.dataSource(), "t_migrate")).isZero();
        }
        try (ReadModelDatabase other = TestDatabases.freshSchema("t_migrate_other")) {
            assertThat(Projections.count(other, "SELECT count(*) FROM information_schema.tables WHERE table_schema "
                + "= 't_migrate_other' AND table_name = 'flyway_schema_history'")).isEqualTo(1);
        }
    }

    @Test
    void rebuildsAndRepairsExactlyTheIndexesTheMigrationMade() throws SQLException {
        final String indexes = "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 't_indexes' "
            + "ORDER BY 1";
        try (ReadModelDatabase database = TestDatabases.freshSchema("t_indexes")) {
            final List<String> migrated = Projections.rows(database, indexes);
            assertThat(migrated).hasSizeGreaterThan(BulkIndexes.ALL.size())
                .allSatisfy(index -> assertThat(index).contains("t_indexes."));
            final RecordingEvents recording = new RecordingEvents();
            Projections.workload(3, 200).run(Projections.CAPACITY, recording);

            ProjectionRebuild.rebuild(database, new RecordedStream(recording.events()), 1_000);
            assertThat(Projections.rows(database, indexes)).isEqualTo(migrated);

            try (Connection connection = database.connection()) {
                BulkIndexes.drop(connection);
            }
            assertThat(Projections.rows(database, indexes)).hasSize(migrated.size() - BulkIndexes.ALL.size());
            ReadModelDatabase.connect(TestDatabases.endpoint(), "t_indexes", 2).close();
            assertThat(Projections.rows(database, indexes)).isEqualTo(migrated);
        }
    }

    @Test
    void refusesASecondProjectorWritingToTheSameSchema() {
        try (ReadModelDatabase database = TestDatabases.freshSchema("t_two_writers")) {
            final RecordingEvents recording = new RecordingEvents();
            Projections.workload(5, 200).run(Projections.CAPACITY, recording);
            final Projector first = Projector.open(database, 50_000);
            final Projector second = Projector.open(database, 50_000);
            RecordedStream.replay(recording.events(), first);
            RecordedStream.replay(recording.events(), second);
            first.flush();
            assertThatThrownBy(second::flush).isInstanceOf(ProjectionException.class)
                .hasMessageContaining("another projector");
        }
    }

    @Test
    void keepsTheEmbeddedDataAcrossARestart() {
        final Path directory = EmbeddedPostgresSettings.newReachableDirectory("candor-readmodel-restart-");
        final RecordingEvents recording = new RecordingEvents();
        Projections.workload(11, 300).run(Projections.CAPACITY, recording);
        final TableDigest before;
        final EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.in(directory);
        try (ReadModelDatabase database = ReadModelDatabase.embedded(settings, ReadModelDatabase.DEFAULT_SCHEMA)) {
            try (Projector projector = Projector.open(database, 64)) {
                RecordedStream.replay(recording.events(), projector);
            }
            before = TableDigest.of(database);
        }
        try (ReadModelDatabase database = ReadModelDatabase.embedded(settings, ReadModelDatabase.DEFAULT_SCHEMA)) {
            assertThat(TableDigest.of(database)).isEqualTo(before);
            try (Projector projector = Projector.open(database, 64)) {
                assertThat(projector.committedSeq()).isEqualTo(recording.events().get(recording.size() - 1).seq());
                RecordedStream.replay(recording.events(), projector);
                assertThat(projector.lag().eventsBehind()).isZero();
            }
            assertThat(TableDigest.of(database)).isEqualTo(before);
        } finally {
            FileTree.delete(directory);
        }
    }

    private static List<String> tableNames() {
        return Tables.PROJECTIONS.stream().map(Table::name).toList();
    }
}
