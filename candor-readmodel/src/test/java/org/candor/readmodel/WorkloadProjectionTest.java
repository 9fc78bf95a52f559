package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.candor.engine.Engine;
import org.candor.engine.Hold;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.Side;
import org.candor.engine.Withdrawal;
import org.candor.testkit.RecordingEvents;
import org.candor.testkit.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A seeded workload through a real engine, projected live: the tables say what the engine says. */
class WorkloadProjectionTest {
    private static final int COMMANDS = 1_500;
    private static ReadModelDatabase database;

    @BeforeAll
    static void open() {
        database = TestDatabases.freshSchema("t_workload");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static LongStream seeds() {
        return Seeds.of("WorkloadProjectionTest", 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void projectsTablesThatAgreeWithTheEngine(final long seed) {
        ProjectionRebuild.reset(database);
        final Workload workload = Projections.workload(seed, COMMANDS);
        final RecordingEvents recording = new RecordingEvents();
        final Engine engine;
        try (Projector projector = Projector.open(database, 1 + (int) Math.floorMod(seed, 97L))) {
            engine = Projections.run(workload, recording, projector);
        }

        final Reconciliation.Report report = Reconciliation.run(database, engine::balance, engine.lastEventSeq());
        assertThat(report.differences()).isEmpty();
        assertThat(report.balanced()).isTrue();
        assertThat(report.accountsChecked()).isEqualTo(6 * 3 * 4 + 3 * 2);

        assertThat(Projections.rows(database, "SELECT order_id, user_id, price, remaining FROM orders "
            + "WHERE status = " + OrderStatus.RESTING.code() + " ORDER BY order_id")).isEqualTo(book(engine));
        assertThat(Projections.count(database, "SELECT count(*) FROM trades")).isEqualTo(recording.trades().size())
            .isPositive();
        assertThat(Projections.count(database, "SELECT count(*) FROM user_trades"))
            .isEqualTo(2L * recording.trades().size());
        assertThat(Projections.count(database, "SELECT count(*) FROM ledger_entries"))
            .isEqualTo(recording.ledgerEntries().size());
        assertThat(Projections.count(database, "SELECT count(*) FROM statement_lines"))
            .isEqualTo(2L * recording.ledgerEntries().size());
        assertThat(Projections.count(database, "SELECT count(*) FROM orders"))
            .isEqualTo(recording.ofKind(RecordingEvents.OrderAccepted.class).size());
        assertThat(Projections.count(database, "SELECT count(*) FROM orders WHERE status = "
            + OrderStatus.DONE.code())).isEqualTo(recording.ofKind(RecordingEvents.OrderDone.class).size());
        assertThat(Projections.count(database, "SELECT count(*) FROM orders WHERE status = "
            + OrderStatus.DONE.code() + " AND end_reason = " + OrderEndReason.FILLED.code()))
            .isPositive();
        assertThat(Projections.rows(database, "SELECT withdrawal_id, state_name, address_id, tx_ref, fee, "
            + "COALESCE(approved_by, 0), sla_misses > 0 AND last_sla_state = state FROM withdrawals "
            + "WHERE state IN (0, 4, 5, 6) ORDER BY withdrawal_id")).isEqualTo(liveWithdrawals(engine));
        assertThat(Projections.longs(database, "SELECT hold_id FROM holds WHERE active ORDER BY hold_id"))
            .isEqualTo(activeHolds(engine));
        assertThat(Projections.longs(database, "SELECT status FROM markets ORDER BY market_id"))
            .isEqualTo(marketStatuses(engine, workload));
        assertThat(Projections.count(database, "SELECT last_seq FROM projection_state"))
            .isEqualTo(engine.lastEventSeq());
    }

    private static List<String> book(final Engine engine) {
        final List<String> rows = new ArrayList<>();
        for (int market = 0; market < 3; market++) {
            for (final Side side : Side.values()) {
                engine.forEachBookOrder(market, side, (orderId, userId, price, remaining, clientOrderId) ->
                    rows.add(orderId + " " + userId + " " + price + " " + remaining));
            }
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(a.split(" ")[0]), Long.parseLong(b.split(" ")[0])));
        return rows;
    }

    /** Every withdrawal under way as the engine has it: state, address, broadcast, approver, a missed deadline. */
    private static List<String> liveWithdrawals(final Engine engine) {
        final List<String> rows = new ArrayList<>();
        for (final Withdrawal w : engine.pendingWithdrawals()) {
            rows.add(w.withdrawalId() + " " + w.state().name() + " " + w.addressId() + " "
                + (w.txRef() == null ? "" : w.txRef()) + " " + w.fee() + " " + w.approvedBy() + " "
                + (w.slaMissed() ? "t" : "f"));
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(a.split(" ")[0]), Long.parseLong(b.split(" ")[0])));
        return rows;
    }

    private static List<Long> activeHolds(final Engine engine) {
        final List<Long> ids = new ArrayList<>();
        for (final Hold hold : engine.activeHolds()) {
            ids.add(hold.holdId());
        }
        return ids;
    }

    private static List<Long> marketStatuses(final Engine engine, final Workload workload) {
        final List<Long> statuses = new ArrayList<>();
        for (int market = 0; market < workload.universe().markets().size(); market++) {
            final MarketStatus status = engine.marketStatus(market);
            statuses.add((long) status.code());
        }
        return statuses;
    }
}
