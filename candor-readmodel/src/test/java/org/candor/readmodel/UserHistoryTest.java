package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.OrderEndReason;
import org.candor.testkit.RecordingEvents;
import org.candor.testkit.RecordingEvents.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history queries page through exactly a user's own rows, newest first, within a time range. */
class UserHistoryTest {
    private static final int PAGE = 7;
    private static ReadModelDatabase database;
    private static RecordingEvents recording;
    private static Engine engine;
    private static Map<Long, Long> commandTime;
    private static UserHistory history;

    @BeforeAll
    static void project() {
        database = TestDatabases.freshSchema("t_history");
        recording = new RecordingEvents();
        try (Projector projector = Projector.open(database, 100)) {
            engine = Projections.run(Projections.workload(Seeds.of("UserHistoryTest", 1).findFirst().orElseThrow(),
                1_500), recording, projector);
        }
        commandTime = commandTimes(recording.events());
        history = new UserHistory(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void pagesThroughExactlyEachUsersOwnOrdersNewestFirst() {
        for (long user = 1; user <= 6; user++) {
            final long owner = user;
            final List<Long> expected = recording.ofKind(RecordingEvents.OrderAccepted.class).stream()
                .filter(o -> o.userId() == owner).map(RecordingEvents.OrderAccepted::orderId)
                .sorted(Comparator.reverseOrder()).toList();
            final List<Long> paged = all(cursor -> history.orders(owner, TimeRange.ALL, cursor, PAGE),
                UserHistory.OrderView::orderId);
            assertThat(paged).isNotEmpty().isEqualTo(expected);
        }
    }

    @Test
    void pagesThroughEachUsersTradesWithBothSidesOfASelfTrade() {
        for (long user = 1; user <= 6; user++) {
            final long owner = user;
            final long expected = recording.trades().stream()
                .mapToLong(t -> (t.makerUserId() == owner ? 1 : 0) + (t.takerUserId() == owner ? 1 : 0)).sum();
            final List<Long> cursors = all(cursor -> history.trades(owner, TimeRange.ALL, cursor, PAGE),
                UserHistory.TradeView::cursor);
            assertThat(cursors).hasSize((int) expected).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Test
    void showsEachUserOnlyTheirDepositsWithdrawalsAndStatement() {
        for (long user = 1; user <= 6; user++) {
            final long owner = user;
            assertThat(all(cursor -> history.deposits(owner, TimeRange.ALL, cursor, PAGE),
                UserHistory.DepositView::seq)).isEqualTo(recording.ofKind(RecordingEvents.DepositCredited.class)
                    .stream().filter(d -> d.userId() == owner).map(Event::seq).sorted(Comparator.reverseOrder())
                    .toList());
            assertThat(all(cursor -> history.withdrawals(owner, TimeRange.ALL, cursor, PAGE),
                UserHistory.WithdrawalView::withdrawalId)).isEqualTo(recording
                    .ofKind(RecordingEvents.WithdrawalRequested.class).stream().filter(w -> w.userId() == owner)
                    .map(RecordingEvents.WithdrawalRequested::withdrawalId).sorted(Comparator.reverseOrder()).toList());
            final List<UserHistory.StatementLine> lines = new ArrayList<>();
            all(cursor -> history.statement(owner, 1, Bucket.AVAILABLE, TimeRange.ALL, cursor, PAGE), line -> {
                lines.add(line);
                return line.seq();
            });
            assertThat(lines.get(0).balance()).isEqualTo(engine.balance(owner, 1, Bucket.AVAILABLE));
            assertThat(lines.stream().mapToLong(UserHistory.StatementLine::amount).sum())
                .isEqualTo(engine.balance(owner, 1, Bucket.AVAILABLE));
        }
        assertThat(history.orders(999, TimeRange.ALL, UserHistory.NEWEST, PAGE).items()).isEmpty();
        assertThat(history.statement(999, 1, Bucket.AVAILABLE, TimeRange.ALL, UserHistory.NEWEST, PAGE).items())
            .isEmpty();
    }

    @Test
    void listsEveryStateChangeOfAnOrderToItsOwnerOnly() {
        final RecordingEvents.OrderDone done = recording.ofKind(RecordingEvents.OrderDone.class).stream()
            .filter(d -> d.reason() == OrderEndReason.FILLED).findFirst().orElseThrow();
        final RecordingEvents.OrderAccepted accepted = recording.ofKind(RecordingEvents.OrderAccepted.class).stream()
            .filter(a -> a.orderId() == done.orderId()).findFirst().orElseThrow();
        final List<Long> expected = new ArrayList<>();
        for (final Event event : recording.events()) {
            if (concerns(event, done.orderId())) {
                expected.add(event.seq());
            }
        }
        final List<UserHistory.OrderChange> changes = new ArrayList<>();
        Page<UserHistory.OrderChange> page = history.orderChanges(accepted.userId(), done.orderId(), 0, 2);
        changes.addAll(page.items());
        while (page.more()) {
            page = history.orderChanges(accepted.userId(), done.orderId(), page.next(), 2);
            changes.addAll(page.items());
        }
        assertThat(changes.stream().map(UserHistory.OrderChange::seq).toList()).isEqualTo(expected);
        assertThat(changes.get(0).kind()).isEqualTo(OrderEventKind.ACCEPTED);
        assertThat(changes.get(changes.size() - 1).kind()).isEqualTo(OrderEventKind.DONE);
        assertThat(changes.get(changes.size() - 1).remaining()).isZero();
        assertThat(history.orderChanges(accepted.userId() % 6 + 1, done.orderId(), 0, 10).items()).isEmpty();
    }

    private static boolean concerns(final Event event, final long orderId) {
        if (event instanceof RecordingEvents.Trade t) {
            return t.makerOrderId() == orderId || t.takerOrderId() == orderId;
        }
        return event instanceof RecordingEvents.OrderAccepted e && e.orderId() == orderId
            || event instanceof RecordingEvents.OrderRested e2 && e2.orderId() == orderId
            || event instanceof RecordingEvents.OrderReduced e3 && e3.orderId() == orderId
            || event instanceof RecordingEvents.OrderMoved e4 && e4.orderId() == orderId
            || event instanceof RecordingEvents.OrderDone e5 && e5.orderId() == orderId;
    }

    @Test
    void keepsToTheTimeRange() {
        final List<Long> times = commandTime.values().stream().sorted().toList();
        final TimeRange range = new TimeRange(times.get(times.size() / 3), times.get(2 * times.size() / 3));
        for (long user = 1; user <= 6; user++) {
            final long owner = user;
            final List<Long> expected = recording.ofKind(RecordingEvents.OrderAccepted.class).stream()
                .filter(o -> o.userId() == owner).filter(o -> commandTime.get(o.seq()) >= range.fromMs()
                    && commandTime.get(o.seq()) < range.toMs())
                .map(RecordingEvents.OrderAccepted::orderId).sorted(Comparator.reverseOrder()).toList();
            assertThat(all(cursor -> history.orders(owner, range, cursor, PAGE), UserHistory.OrderView::orderId))
                .isEqualTo(expected);
        }
    }

    @Test
    void candlesAddUpToTheTradesOfEachInterval() {
        final Klines klines = new Klines(database);
        for (final KlineInterval interval : KlineInterval.values()) {
            final List<Klines.Candle> candles = new ArrayList<>();
            Page<Klines.Candle> page = klines.candles(0, interval, TimeRange.ALL, 2);
            candles.addAll(page.items());
            while (page.more()) {
                page = klines.candles(0, interval, new TimeRange(page.next(), Long.MAX_VALUE), 2);
                candles.addAll(page.items());
            }
            final List<RecordingEvents.Trade> trades = recording.trades().stream().filter(t -> t.marketId() == 0)
                .toList();
            assertThat(candles.stream().mapToLong(Klines.Candle::tradeCount).sum()).isEqualTo(trades.size());
            assertThat(candles.stream().mapToLong(Klines.Candle::volume).sum())
                .isEqualTo(trades.stream().mapToLong(RecordingEvents.Trade::quantity).sum());
            assertThat(candles.get(0).open()).isEqualTo(trades.get(0).price());
            assertThat(candles.get(candles.size() - 1).close()).isEqualTo(trades.get(trades.size() - 1).price());
            assertThat(candles).allSatisfy(c -> assertThat(c.openTimeMs() % interval.lengthMs()).isZero());
        }
    }

    @Test
    void refusesPagesOutsideTheBounds() {
        assertThatThrownBy(() -> history.orders(1, TimeRange.ALL, UserHistory.NEWEST, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.orders(1, TimeRange.ALL, UserHistory.NEWEST, Paging.PAGE_SIZE_MAX + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    /** Follows the cursors from the newest row to the last page, collecting each row's key. */
    private static <T> List<Long> all(final LongFunction<Page<T>> pageAt, final ToLongFunction<T> key) {
        final List<Long> keys = new ArrayList<>();
        Page<T> page = pageAt.apply(UserHistory.NEWEST);
        while (true) {
            assertThat(page.items().size()).isLessThanOrEqualTo(PAGE);
            page.items().forEach(item -> keys.add(key.applyAsLong(item)));
            if (!page.more()) {
                return keys;
            }
            page = pageAt.apply(page.next());
        }
    }

    /** Each event's command time: events come before their command's result, which carries the time. */
    private static Map<Long, Long> commandTimes(final List<Event> events) {
        final Map<Long, Long> times = new HashMap<>();
        final List<Long> waiting = new ArrayList<>();
        for (final Event event : events) {
            if (event instanceof RecordingEvents.CommandResult result) {
                waiting.forEach(seq -> times.put(seq, result.timestampMs()));
                waiting.clear();
            } else {
                waiting.add(event.seq());
            }
        }
        return times;
    }
}
