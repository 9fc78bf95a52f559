package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The deposit history's page over pending and credited deposits equals the page of the one list they make (newest
 * first, a pending row before a credited one of the same millisecond), for every offset and limit, while reading
 * only a window of credited rows no longer than the pending rows plus the limit.
 */
class DepositHistoryPageTest {
    @Test
    void pendingDepositsTakeTheirPlaceAmongCreditedOnesByTime() {
        final List<DepositHistoryPage.Row> credited = List.of(row("c1", 500), row("c2", 400), row("c3", 300));
        final List<DepositHistoryPage.Row> pending = List.of(row("p-old", 100), row("p-new", 450), row("p-tie", 400));
        assertThat(ids(DepositHistoryPage.page(pending, source(credited, null), 0, 10)))
            .containsExactly("c1", "p-new", "p-tie", "c2", "c3", "p-old");
        assertThat(ids(DepositHistoryPage.page(pending, source(credited, null), 2, 2))).containsExactly("p-tie", "c2");
        assertThat(ids(DepositHistoryPage.page(pending, source(credited, null), 5, 10))).containsExactly("p-old");
        assertThat(ids(DepositHistoryPage.page(pending, source(credited, null), 6, 10))).isEmpty();
        assertThat(ids(DepositHistoryPage.page(List.of(), source(credited, null), 1, 1))).containsExactly("c2");
        assertThat(ids(DepositHistoryPage.page(pending, source(List.of(), null), 1, 5)))
            .containsExactly("p-tie", "p-old");
    }

    @Test
    void everyPageEqualsTheSliceOfTheMergedListInSeededHistories() {
        final long seed = Long.getLong("candor.seed", 20_260_601L);
        final Random random = new Random(seed);
        for (int trial = 0; trial < 300; trial++) {
            final List<DepositHistoryPage.Row> credited = new ArrayList<>();
            long time = 10_000;
            for (int i = random.nextInt(30); i > 0; i--) {
                time -= random.nextInt(4);
                credited.add(row("c" + credited.size(), time));
            }
            final List<DepositHistoryPage.Row> pending = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                pending.add(row("p" + pending.size(), 10_000 - random.nextInt(100)));
            }
            final List<String> merged = ids(merged(pending, credited));
            for (int offset = 0; offset <= merged.size() + 1; offset++) {
                for (final int limit : new int[] {1, 2, 3, 7, 1000}) {
                    final AtomicInteger widest = new AtomicInteger();
                    final List<String> page = ids(DepositHistoryPage.page(pending, source(credited, widest), offset,
                        limit));
                    assertThat(page).as("seed=%d trial=%d offset=%d limit=%d", seed, trial, offset, limit)
                        .isEqualTo(merged.subList(Math.min(offset, merged.size()),
                            Math.min(offset + limit, merged.size())));
                    assertThat(widest.get()).isLessThanOrEqualTo(pending.size() + limit);
                }
            }
        }
    }

    /** The obvious way: both lists in one, sorted, each kind keeping its own order among equal times. */
    private static List<Map<String, Object>> merged(final List<DepositHistoryPage.Row> pending,
        final List<DepositHistoryPage.Row> credited) {
        final List<DepositHistoryPage.Row> all = new ArrayList<>();
        final List<DepositHistoryPage.Row> pendingSorted = new ArrayList<>(pending);
        pendingSorted.sort(Comparator.comparingLong(DepositHistoryPage.Row::timeMs).reversed());
        all.addAll(pendingSorted);
        all.addAll(credited);
        all.sort(Comparator.comparingLong(DepositHistoryPage.Row::timeMs).reversed());
        final List<Map<String, Object>> json = new ArrayList<>();
        for (final DepositHistoryPage.Row row : all) {
            json.add(row.json());
        }
        return json;
    }

    private static DepositHistoryPage.CreditedRows source(final List<DepositHistoryPage.Row> credited,
        final AtomicInteger widest) {
        return (offset, limit) -> {
            assertThat(offset).isNotNegative();
            assertThat(limit).isPositive();
            if (widest != null) {
                widest.accumulateAndGet(limit, Math::max);
            }
            return credited.subList(Math.min(offset, credited.size()), Math.min(offset + limit, credited.size()));
        };
    }

    private static DepositHistoryPage.Row row(final String id, final long timeMs) {
        return new DepositHistoryPage.Row(timeMs, Map.of("id", id));
    }

    private static List<String> ids(final List<Map<String, Object>> rows) {
        final List<String> ids = new ArrayList<>();
        for (final Map<String, Object> row : rows) {
            ids.add((String) row.get("id"));
        }
        return ids;
    }
}
