package org.candor.readmodel;

import java.util.List;

/**
 * One page of a keyset-paginated query. Ask for the next page with {@code next} as the cursor; there is none when
 * {@code more} is false. A cursor is a position in the key order, not an offset, so rows written between two
 * requests neither repeat nor go missing.
 *
 * @param items the rows, in the query's order
 * @param next  the cursor that continues after the last row
 * @param more  whether rows remain after this page
 */
public record Page<T>(List<T> items, long next, boolean more) {
    public Page {
        items = List.copyOf(items);
    }
}
