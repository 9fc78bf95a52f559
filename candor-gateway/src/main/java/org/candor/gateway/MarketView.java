package org.candor.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * The public market state, built only from committed events: assets, markets, each book's price levels with the
 * sequence of its last change, recent trades and 24-hour statistics. Not thread-safe by itself: {@link ReadViews}
 * lets one thread apply events and many read under a lock.
 *
 * <p>Trades carry no time; the command's {@code commandResult} that follows them does. Trades wait in
 * {@link #pendingTrades} until then, so every trade is stamped with the cluster time of its command.
 */
final class MarketView extends IgnoringEvents {
    /** Recent trades kept per market for /api/v3/trades: Binance's largest page. */
    static final int RECENT_TRADES_MAX = 1000;

    private final Map<Integer, AssetInfo> assets = new HashMap<>();
    private final Map<Integer, MarketState> markets = new TreeMap<>();
    private final Map<String, MarketState> bySymbol = new HashMap<>();
    /** Orders accepted and not yet done: where they are, and how much of them rests on the book. */
    private final Map<Long, LiveOrder> live = new HashMap<>();
    private final List<PendingTrade> pendingTrades = new ArrayList<>();
    /** Markets changed since the last {@link #drainUpdates()}, in the order they first changed. */
    private final Set<MarketState> changed = new LinkedHashSet<>();

    // ---------------------------------------------------------------- reads (under the read lock)

    MarketInfo market(final String symbol) {
        final MarketState state = bySymbol.get(symbol);
        return state == null ? null : state.info;
    }

    List<MarketInfo> markets() {
        final List<MarketInfo> list = new ArrayList<>(markets.size());
        for (final MarketState state : markets.values()) {
            list.add(state.info);
        }
        return list;
    }

    AssetInfo asset(final int assetId) {
        return assets.get(assetId);
    }

    /** The listed asset with this code, or null. */
    AssetInfo asset(final String code) {
        for (final AssetInfo asset : assets.values()) {
            if (asset.code().equals(code)) {
                return asset;
            }
        }
        return null;
    }

    /** Every listed asset, by id. */
    List<AssetInfo> assets() {
        final List<AssetInfo> list = new ArrayList<>(assets.values());
        list.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return list;
    }

    MarketInfo market(final int marketId) {
        final MarketState state = markets.get(marketId);
        return state == null ? null : state.info;
    }

    /** Up to {@code levelsMax} levels per side, best first. */
    BookSnapshot book(final int marketId, final int levelsMax) {
        final MarketState state = markets.get(marketId);
        return new BookSnapshot(state.lastUpdateId, levels(state.bids, levelsMax), levels(state.asks, levelsMax));
    }

    private static List<long[]> levels(final NavigableMap<Long, Long> side, final int levelsMax) {
        final List<long[]> list = new ArrayList<>(Math.min(levelsMax, side.size()));
        for (final Map.Entry<Long, Long> level : side.entrySet()) {
            if (list.size() == levelsMax) {
                break;
            }
            list.add(new long[] {level.getKey(), level.getValue()});
        }
        return list;
    }

    /**
     * The worst price a taker on {@code takerSide} would reach taking {@code quantity} from the book now: the price
     * of the level where the quantity is covered, or of the last level if the book holds less. -1 when the side it
     * would take from is empty.
     */
    long sweepPrice(final int marketId, final Side takerSide, final long quantity) {
        final MarketState state = markets.get(marketId);
        long covered = 0;
        long price = -1;
        for (final Map.Entry<Long, Long> level : (takerSide == Side.BUY ? state.asks : state.bids).entrySet()) {
            price = level.getKey();
            covered += level.getValue();
            if (covered >= quantity) {
                break;
            }
        }
        return price;
    }

    /** The most recent {@code limit} trades, oldest first. */
    List<PublicTrade> trades(final int marketId, final int limit) {
        final ArrayDeque<PublicTrade> recent = markets.get(marketId).recentTrades;
        final List<PublicTrade> list = new ArrayList<>(Math.min(limit, recent.size()));
        final Iterator<PublicTrade> newestFirst = recent.descendingIterator();
        while (newestFirst.hasNext() && list.size() < limit) {
            list.add(newestFirst.next());
        }
        Collections.reverse(list);
        return list;
    }

    DayTicker ticker(final int marketId, final long nowMs) {
        return markets.get(marketId).stats.window(nowMs);
    }

    /** What changed in each market since the last call; the writer thread calls it after each batch. */
    List<MarketUpdate> drainUpdates() {
        final List<MarketUpdate> updates = new ArrayList<>(changed.size());
        for (final MarketState state : changed) {
            updates.add(state.drain());
        }
        changed.clear();
        return updates;
    }

    // ---------------------------------------------------------------- events (the writer thread)

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        assets.put(assetId, new AssetInfo(assetId, code, scale));
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        final MarketState state = new MarketState(new MarketInfo(marketId, symbol, assets.get(baseAssetId),
            assets.get(quoteAssetId), tickSize, lotSize, minQuantity, maxQuantity, minNotional, makerFeeBps,
            takerFeeBps, MarketStatus.TRADING));
        markets.put(marketId, state);
        bySymbol.put(symbol, state);
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        final MarketState state = markets.get(marketId);
        state.info = state.info.withStatus(status);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        live.put(orderId, new LiveOrder(markets.get(marketId), side));
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        final LiveOrder order = live.get(orderId);
        order.price = price;
        order.resting = remaining;
        order.market.change(order.side, price, remaining, seq);
        changed.add(order.market);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        final LiveOrder maker = live.get(makerOrderId);
        unrest(maker, maker.resting - makerRemaining, seq);
        pendingTrades.add(new PendingTrade(maker.market, tradeId, price, quantity, quoteAmount,
            takerSide == Side.SELL));
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        final LiveOrder order = live.get(orderId);
        unrest(order, order.resting - remaining, seq);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        final LiveOrder order = live.get(orderId);
        unrest(order, order.resting, seq);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        final LiveOrder order = live.remove(orderId);
        unrest(order, order.resting, seq);
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        for (final PendingTrade pending : pendingTrades) {
            final PublicTrade trade = new PublicTrade(pending.id, pending.price, pending.quantity, pending.quote,
                timestampMs, pending.buyerMaker);
            pending.market.addTrade(trade);
            changed.add(pending.market);
        }
        pendingTrades.clear();
    }

    /** Takes {@code quantity} of a resting order off its level. */
    private void unrest(final LiveOrder order, final long quantity, final long seq) {
        if (quantity == 0 || order.resting == 0) {
            return;
        }
        order.resting -= quantity;
        order.market.change(order.side, order.price, -quantity, seq);
        changed.add(order.market);
    }

    /** One market's listing, book and trade history. */
    private static final class MarketState {
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        final ArrayDeque<PublicTrade> recentTrades = new ArrayDeque<>();
        final DayStats stats = new DayStats();
        /** Levels and trades changed since the last update was drained. */
        final Set<Long> changedBids = new TreeSet<>(Collections.reverseOrder());
        final Set<Long> changedAsks = new TreeSet<>();
        final List<PublicTrade> newTrades = new ArrayList<>();
        MarketInfo info;
        long lastUpdateId;
        long drainedUpdateId;

        MarketState(final MarketInfo info) {
            this.info = info;
        }

        void change(final Side side, final long price, final long delta, final long seq) {
            final NavigableMap<Long, Long> levels = side == Side.BUY ? bids : asks;
            final long quantity = levels.getOrDefault(price, 0L) + delta;
            if (quantity < 0) {
                throw new IllegalStateException("reason=negative-level market=" + info.symbol() + " price=" + price
                    + " seq=" + seq);
            }
            if (quantity == 0) {
                levels.remove(price);
            } else {
                levels.put(price, quantity);
            }
            (side == Side.BUY ? changedBids : changedAsks).add(price);
            lastUpdateId = seq;
        }

        MarketUpdate drain() {
            final MarketUpdate update = new MarketUpdate(info, drainedUpdateId + 1, lastUpdateId,
                current(changedBids, bids), current(changedAsks, asks), List.copyOf(newTrades), best(bids),
                best(asks));
            drainedUpdateId = lastUpdateId;
            changedBids.clear();
            changedAsks.clear();
            newTrades.clear();
            return update;
        }

        private static List<long[]> current(final Set<Long> prices, final NavigableMap<Long, Long> levels) {
            final List<long[]> list = new ArrayList<>(prices.size());
            for (final long price : prices) {
                list.add(new long[] {price, levels.getOrDefault(price, 0L)});
            }
            return list;
        }

        private static long[] best(final NavigableMap<Long, Long> levels) {
            final Map.Entry<Long, Long> first = levels.firstEntry();
            return first == null ? new long[2] : new long[] {first.getKey(), first.getValue()};
        }

        void addTrade(final PublicTrade trade) {
            if (recentTrades.size() == RECENT_TRADES_MAX) {
                recentTrades.removeFirst();
            }
            recentTrades.addLast(trade);
            stats.add(trade);
            newTrades.add(trade);
        }
    }

    /** An order between its acceptance and its end; {@code resting} is its quantity on the book (0 if none). */
    private static final class LiveOrder {
        final MarketState market;
        final Side side;
        long price;
        long resting;

        LiveOrder(final MarketState market, final Side side) {
            this.market = market;
            this.side = side;
        }
    }

    private record PendingTrade(MarketState market, long id, long price, long quantity, long quote,
        boolean buyerMaker) {
    }
}
