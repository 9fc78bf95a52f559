package org.candor.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed world a workload runs in: its assets, markets and users. Every workload starts by listing them, so the
 * engine and the reference begin from the same state.
 *
 * @param assets  the assets, listed first
 * @param markets the markets, listed after the assets
 * @param userIds the users, created after the markets
 */
public record Universe(List<AssetTerms> assets, List<MarketTerms> markets, List<Long> userIds) {

    public Universe {
        assets = List.copyOf(assets);
        markets = List.copyOf(markets);
        userIds = List.copyOf(userIds);
    }

    /**
     * Three assets and {@code marketCount} (1 to 3) markets whose terms differ on purpose: a cost per tick-lot of 1
     * and of 5, a minimum quantity above one lot, fees that round to zero on small trades and fees that do not.
     */
    public static Universe standard(final int userCount, final int marketCount) {
        final List<AssetTerms> assets = List.of(new AssetTerms(0, "BTC", 4), new AssetTerms(1, "USD", 2),
            new AssetTerms(2, "ETH", 3));
        final List<MarketTerms> all = List.of(
            new MarketTerms(0, "BTCUSD", 0, 1, 100, 100, 100, 100_000, 500, 10, 20, 1),
            new MarketTerms(1, "ETHUSD", 2, 1, 500, 10, 20, 10_000, 600, 0, 25, 5),
            new MarketTerms(2, "BTCETH", 0, 2, 10, 1_000, 1_000, 1_000_000, 200, 5, 5, 1));
        final List<Long> users = new ArrayList<>();
        for (int i = 1; i <= userCount; i++) {
            users.add((long) i);
        }
        return new Universe(assets, all.subList(0, Math.max(1, Math.min(marketCount, all.size()))), users);
    }

    public MarketTerms market(final int marketId) {
        for (final MarketTerms market : markets) {
            if (market.marketId() == marketId) {
                return market;
            }
        }
        return null;
    }
}
