package org.candor.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One page of Binance's deposit history over two sources: the deposits still waiting for confirmations (the wallet
 * service's, all in memory, a handful per user) and the credited ones (the read model's, paged in SQL). The page is
 * exactly the one a single list would give: every row newest first by its {@code insertTime} (a pending row before
 * a credited one of the same millisecond), then {@code offset} rows skipped and at most {@code limit} kept.
 *
 * <p>Only a bounded window of credited rows is read: with {@code p} pending rows, a credited row's place in the
 * merged list is its own place plus at most {@code p}, so the page needs credited rows
 * {@code [offset - p, offset + limit)} and no others. Pending rows newer than the first of those are all before the
 * page (their place is at most {@code p - 1 + offset - p}), so they need no count of the credited rows skipped.
 */
final class DepositHistoryPage {
    private DepositHistoryPage() {
    }

    /** A row and the time it is ordered by (its {@code insertTime}). */
    record Row(long timeMs, Map<String, Object> json) {
    }

    /** The credited rows newest first, those at places {@code [offset, offset + limit)} of the whole list. */
    @FunctionalInterface
    interface CreditedRows {
        List<Row> read(int offset, int limit);
    }

    /**
     * @param pending  every pending row that passes the request's filters, in any order
     * @param credited the credited rows that pass them, newest first (the read model's order, by sequence, whose
     *                 times never decrease as the sequence grows)
     */
    static List<Map<String, Object>> page(final List<Row> pending, final CreditedRows credited, final int offset,
        final int limit) {
        final List<Row> newestFirst = new ArrayList<>(pending);
        newestFirst.sort(Comparator.comparingLong(Row::timeMs).reversed());
        final int pendingCount = newestFirst.size();
        final int creditedFrom = Math.max(0, offset - pendingCount);
        final List<Row> window = credited.read(creditedFrom, offset - creditedFrom + limit);
        final long end = (long) offset + limit;
        final List<Placed> placed = new ArrayList<>();
        for (int j = 0; j < window.size(); j++) {
            final long place = creditedFrom + j + countNotOlder(newestFirst, window.get(j).timeMs());
            if (place >= offset && place < end) {
                placed.add(new Placed(place, window.get(j)));
            }
        }
        for (int k = 0; k < pendingCount; k++) {
            final Row row = newestFirst.get(k);
            if (creditedFrom > 0 && (window.isEmpty() || row.timeMs() >= window.get(0).timeMs())) {
                continue;
            }
            final long place = k + creditedFrom + countNewer(window, row.timeMs());
            if (place >= offset && place < end) {
                placed.add(new Placed(place, row));
            }
        }
        placed.sort(Comparator.comparingLong(Placed::place));
        final List<Map<String, Object>> page = new ArrayList<>(placed.size());
        for (final Placed row : placed) {
            page.add(row.row().json());
        }
        return page;
    }

    /** Pending rows placed before a credited row of {@code timeMs}: the newer and those of the same millisecond. */
    private static int countNotOlder(final List<Row> pendingNewestFirst, final long timeMs) {
        int count = 0;
        while (count < pendingNewestFirst.size() && pendingNewestFirst.get(count).timeMs() >= timeMs) {
            count++;
        }
        return count;
    }

    /** Credited rows placed before a pending row of {@code timeMs}: the strictly newer ones. */
    private static int countNewer(final List<Row> creditedNewestFirst, final long timeMs) {
        int count = 0;
        while (count < creditedNewestFirst.size() && creditedNewestFirst.get(count).timeMs() > timeMs) {
            count++;
        }
        return count;
    }

    private record Placed(long place, Row row) {
    }
}
