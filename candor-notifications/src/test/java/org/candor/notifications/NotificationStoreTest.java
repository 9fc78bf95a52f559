package org.candor.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.candor.readmodel.EncodedEventLog;
import org.candor.readmodel.EventSource;
import org.candor.readmodel.Page;
import org.candor.testkit.Workload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store against a real PostgreSQL: following, crashes, rebuild, pages, isolation and read marks. */
class NotificationStoreTest {
    private static final int COMMANDS = 2_000;
    private static DataSource database;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshDatabase();
    }

    static LongStream seeds() {
        return Workloads.seeds("NotificationStoreTest", 2);
    }

    private static NotificationStore fresh(final String schema) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return NotificationStore.open(database, schema);
    }

    /** Follows the whole source, flushing after every poll of {@code pollLimit} events, as the gateway does. */
    private static List<Notification> follow(final NotificationStore store, final EventSource source,
        final int pollLimit) {
        final NotificationFollower follower = NotificationFollower.open(store);
        final List<Notification> written = new ArrayList<>();
        while (follower.poll(source, pollLimit) > 0) {
            written.addAll(follower.flush());
        }
        written.addAll(follower.flush());
        return written;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRebuildFromTheJournalGivesTheLiveRowsBackAndKeepsReadMarks(final long seed) {
        final NotificationStore store = fresh("t_rebuild");
        final EncodedEventLog log = Workloads.encoded(Workloads.workload(seed, COMMANDS));
        final List<Notification> written = follow(store, log.fromStart(), 97);
        assertThat(store.position().lastSeq()).isEqualTo(log.events());
        assertThat(written).isNotEmpty();
        final long user = written.stream().filter(n -> !n.broadcast()).findFirst().orElseThrow().userId();
        final long mark = store.markRead(user, written.get(written.size() / 2).id());
        final String live = store.digest();

        NotificationFollower.rebuild(store, log.fromStart(), 5_000);

        assertThat(store.digest()).isEqualTo(live);
        assertThat(store.readUpTo(user)).as("read marks are user state, not derived").isEqualTo(mark);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFollowerThatDiesMidStreamResumesWithoutGapOrDuplicate(final long seed) {
        final NotificationStore clean = fresh("t_clean");
        final EncodedEventLog log = Workloads.encoded(Workloads.workload(seed, COMMANDS));
        follow(clean, log.fromStart(), 1_000);
        final String expected = clean.digest();

        final NotificationStore crashed = fresh("t_crashed");
        final NotificationFollower first = NotificationFollower.open(crashed);
        final EventSource source = log.fromStart();
        first.poll(source, (int) (log.events() / 3));
        first.flush();
        // Events read but never flushed: the process dies here, and its memory with it.
        first.poll(source, (int) (log.events() / 3));
        final long committed = crashed.position().lastSeq();
        assertThat(committed).isPositive().isLessThan(log.events());

        final List<Notification> resumed = follow(crashed, log.fromStart(), 333);

        assertThat(resumed).allMatch(n -> n.id() > committed);
        assertThat(crashed.digest()).isEqualTo(expected);
    }

    @Test
    void aFollowerFedAStreamThatDoesNotStartAtOneRefusesIt() {
        final NotificationStore store = fresh("t_gap");
        final EventSource source = Workloads.encoded(Workloads.workload(1, 50)).fromStart();
        source.poll(new Script().notifier, 1);
        final NotificationFollower follower = NotificationFollower.open(store);
        assertThatThrownBy(() -> follower.poll(source, 10)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("out of sequence");
        assertThat(store.position().lastSeq()).isZero();
    }

    @Test
    void aSecondWriterOnTheSameSchemaFailsInsteadOfWritingTwice() {
        final NotificationStore store = fresh("t_two_writers");
        final Notification deposit = new Notification(1, 5, 10, NotificationKind.DEPOSIT_CREDITED, "t", "b", 0, 0,
            "BTC", null);
        store.append(List.of(deposit), 0, 2, 10);
        assertThatThrownBy(() -> store.append(List.of(), 0, 3, 11)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("position-moved-by-another-writer");
        assertThat(store.position()).isEqualTo(new NotificationStore.Position(2, 10));
    }

    /** Writes a user's notification or a notice for everyone at each id. */
    private static void write(final NotificationStore store, final long... userIdAtId) {
        final List<Notification> rows = new ArrayList<>();
        for (int i = 0; i < userIdAtId.length; i++) {
            if (userIdAtId[i] >= 0) {
                rows.add(new Notification(i + 1, userIdAtId[i], 1_000 + i, NotificationKind.DEPOSIT_CREDITED,
                    "title " + (i + 1), "body", 0, 0, "BTC", null));
            }
        }
        store.append(rows, 0, userIdAtId.length, 1_000 + userIdAtId.length);
    }

    private static List<Long> ids(final Page<Notification> page) {
        return page.items().stream().map(Notification::id).toList();
    }

    @Test
    void aUserSeesTheirOwnAndEveryonesNotificationsNewestFirstInKeysetPages() {
        final NotificationStore store = fresh("t_pages");
        write(store, 5, 6, 0, 5, -1, 5, 6, 0, 5);
        final Page<Notification> first = store.page(5, 0, 3, false);
        assertThat(ids(first)).containsExactly(9L, 8L, 6L);
        assertThat(first.more()).isTrue();
        final Page<Notification> second = store.page(5, first.next(), 3, false);
        assertThat(ids(second)).containsExactly(4L, 3L, 1L);
        assertThat(second.more()).isFalse();
        assertThat(ids(store.page(6, 0, 100, false))).containsExactly(8L, 7L, 3L, 2L);
        assertThat(ids(store.page(99, 0, 100, false))).as("a user with no rows sees the notices").containsExactly(8L,
            3L);
        assertThat(store.page(5, 0, 1, false).items().get(0).title()).isEqualTo("title 9");
        assertThatThrownBy(() -> store.page(5, 0, NotificationStore.PAGE_LIMIT_MAX + 1, false))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReaderTailsEveryUsersRowsOldestFirstUpToThePositionInBoundedPieces() {
        final NotificationStore store = fresh("t_tail");
        write(store, 5, 6, 0, 5, -1, 5, 6, 0, 5);
        final long upTo = store.position().lastSeq();
        assertThat(upTo).isEqualTo(9);
        assertThat(store.after(0, upTo, 4).stream().map(Notification::id).toList()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.after(4, upTo, 4).stream().map(Notification::id).toList()).as("id 5 caused nothing")
            .containsExactly(6L, 7L, 8L, 9L);
        assertThat(store.after(9, upTo, 4)).isEmpty();
        assertThat(store.after(2, 6, 100).stream().map(Notification::id).toList()).as("nothing above upToId")
            .containsExactly(3L, 4L, 6L);
        final Notification notice = store.after(2, 3, 1).get(0);
        assertThat(notice.broadcast()).isTrue();
        assertThat(notice.title()).isEqualTo("title 3");
        assertThatThrownBy(() -> store.after(0, upTo, NotificationStore.TAIL_LIMIT_MAX + 1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.after(5, 4, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.after(-1, 4, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readMarksMoveForwardOnlyAndNeverPastWhatTheUserCanSee() {
        final NotificationStore store = fresh("t_marks");
        write(store, 5, 6, 0, 5, 6, 6);
        assertThat(store.unreadCount(5)).isEqualTo(3);
        assertThat(store.readUpTo(5)).isZero();

        assertThat(store.markRead(5, 3)).isEqualTo(3);
        assertThat(store.unreadCount(5)).isEqualTo(1);
        assertThat(ids(store.page(5, 0, 10, true))).containsExactly(4L);
        assertThat(store.markRead(5, 2)).as("a mark never moves back").isEqualTo(3);
        assertThat(store.markRead(5, 1_000_000)).as("clamped to the newest the user sees").isEqualTo(4);
        assertThat(store.unreadCount(5)).isZero();
        assertThat(store.unreadCount(6)).as("another user's marks are theirs").isEqualTo(4);
        assertThat(store.markRead(77, 10)).as("only notices for everyone to read").isEqualTo(3);
        assertThat(store.markRead(78, 0)).as("nothing at or below 0 to read").isZero();

        store.append(List.of(new Notification(7, 5, 2_000, NotificationKind.HOLD_PLACED, "t", "b", 1, 0, "BTC",
            null)), 6, 7, 2_000);
        assertThat(store.unreadCount(5)).as("a notification after the mark is unread").isEqualTo(1);
    }

    @Test
    void migratingTwiceChangesNothingAndKeepsTheRows() {
        final NotificationStore store = fresh("t_reopen");
        write(store, 5);
        final NotificationStore reopened = NotificationStore.open(database, "t_reopen");
        assertThat(reopened.position().lastSeq()).isEqualTo(1);
        assertThat(ids(reopened.page(5, 0, 10, false))).containsExactly(1L);
        assertThatThrownBy(() -> NotificationStore.open(database, "Bad-Name"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWorkloadStoredThenReadAsTheFollowerWroteIt() {
        final NotificationStore store = fresh("t_roundtrip");
        final Workload workload = Workloads.workload(7, 500);
        final List<Notification> written = follow(store, Workloads.encoded(workload).fromStart(), 10_000);
        final Notification sample = written.stream().filter(n -> !n.broadcast()).reduce((a, b) -> b).orElseThrow();
        final List<Notification> page = store.page(sample.userId(), sample.id() + 1, 1, false).items();
        assertThat(page).containsExactly(sample);
    }
}
