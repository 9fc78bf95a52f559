package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.candor.engine.Side;
import org.candor.testkit.AssetTerms;
import org.candor.testkit.MarketTerms;
import org.candor.testkit.Universe;
import org.candor.testkit.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of the read views: a seeded random workload runs through a real engine, its events go the
 * journal's way into the views, and after every command the views must agree with the engine's own state: every
 * book level, every balance bucket, and every open order's remaining quantity.
 */
class ViewsMatchEngineTest {
    private static final int COMMANDS = 3_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void viewsAgreeWithTheEngineAfterEveryCommand(final long seed) {
        final Universe universe = Universe.standard(6, 3);
        final EngineCapacity capacity = EngineCapacity.small();
        final Workload workload = Workload.generate(seed, universe, capacity, COMMANDS);
        final EngineFeed feed = new EngineFeed(capacity);
        for (int i = 0; i < workload.size(); i++) {
            Workload.apply(feed.engine, workload.commands().get(i), i + 1);
            feed.publish();
            final String at = "seed=" + seed + " command=" + (i + 1);
            for (final MarketTerms market : universe.markets()) {
                assertThat(viewLevels(feed, market.marketId(), Side.BUY)).as(at)
                    .isEqualTo(engineLevels(feed, market.marketId(), Side.BUY));
                assertThat(viewLevels(feed, market.marketId(), Side.SELL)).as(at)
                    .isEqualTo(engineLevels(feed, market.marketId(), Side.SELL));
                assertThat(viewOpenOrders(feed, universe, market.marketId())).as(at)
                    .isEqualTo(engineOpenOrders(feed, market.marketId()));
            }
            for (final long user : universe.userIds()) {
                for (final AssetTerms asset : universe.assets()) {
                    assertThat(viewBalances(feed, user, asset.assetId())).as(at + " user=" + user)
                        .containsExactly(engineBalances(feed, user, asset.assetId()));
                }
            }
        }
    }

    private static List<String> viewLevels(final EngineFeed feed, final int marketId, final Side side) {
        final List<String> levels = new ArrayList<>();
        final BookSnapshot book = feed.views.read(s -> s.market().market(marketId) == null ? null
            : s.market().book(marketId, Integer.MAX_VALUE));
        if (book == null) {
            return levels;
        }
        for (final long[] level : side == Side.BUY ? book.bids() : book.asks()) {
            levels.add(level[0] + "x" + level[1]);
        }
        return levels;
    }

    private static List<String> engineLevels(final EngineFeed feed, final int marketId, final Side side) {
        final List<String> levels = new ArrayList<>();
        feed.engine.forEachLevel(marketId, side, Integer.MAX_VALUE, (price, quantity, orders) ->
            levels.add(price + "x" + quantity));
        return levels;
    }

    private static Map<Long, Long> viewOpenOrders(final EngineFeed feed, final Universe universe,
        final int marketId) {
        final Map<Long, Long> remaining = new TreeMap<>();
        for (final long user : universe.userIds()) {
            for (final OrderRecord order : feed.views.read(s -> s.accounts().openOrders(user, marketId))) {
                remaining.put(order.orderId(), order.quantity() - order.executedQuantity());
            }
        }
        return remaining;
    }

    private static Map<Long, Long> engineOpenOrders(final EngineFeed feed, final int marketId) {
        final Map<Long, Long> remaining = new TreeMap<>();
        for (final Side side : Side.values()) {
            feed.engine.forEachBookOrder(marketId, side, (orderId, userId, price, left, clientOrderId) ->
                remaining.put(orderId, left));
        }
        return remaining;
    }

    private static long[] viewBalances(final EngineFeed feed, final long user, final int assetId) {
        return feed.views.read(s -> s.accounts().balances(user).getOrDefault(assetId, new long[4]));
    }

    private static long[] engineBalances(final EngineFeed feed, final long user, final int assetId) {
        return new long[] {feed.engine.balance(user, assetId, Bucket.AVAILABLE),
            feed.engine.balance(user, assetId, Bucket.IN_ORDERS), feed.engine.balance(user, assetId,
                Bucket.WITHDRAWING), feed.engine.balance(user, assetId, Bucket.HELD)};
    }
}
