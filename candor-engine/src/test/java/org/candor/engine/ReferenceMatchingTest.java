package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.LOT;
import static org.candor.engine.EngineFixture.TICK;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random orders against a deliberately naive reference matcher (sorted lists, no indices): the engine must emit the
 * same trades (maker, taker, price, quantity) and the same order ends as the reference, and leave the same books.
 */
class ReferenceMatchingTest {
    private static final int USERS = 4;
    private static final EngineCapacity CAPACITY = new EngineCapacity(64, 16, 8, 512, 1024, 512, 1024, 8, 8, 8, 64);

    /** A resting order of the reference book. */
    private static final class Ref {
        final long id;
        final long user;
        final Side side;
        final long price;
        final long stamp;
        long remaining;

        Ref(final long id, final long user, final Side side, final long price, final long remaining,
            final long stamp) {
            this.id = id;
            this.user = user;
            this.side = side;
            this.price = price;
            this.remaining = remaining;
            this.stamp = stamp;
        }
    }

    private final List<Ref> book = new ArrayList<>();
    private final List<String> expectedTrades = new ArrayList<>();
    private final List<String> expectedDone = new ArrayList<>();
    private long stamps;

    private List<Ref> opposite(final Side side, final long limit) {
        final List<Ref> out = new ArrayList<>();
        for (final Ref r : book) {
            if (r.side != side && (limit < 0 || (side == Side.BUY ? r.price <= limit : r.price >= limit))) {
                out.add(r);
            }
        }
        final Comparator<Ref> byPrice = Comparator.comparingLong(r -> side == Side.BUY ? r.price : -r.price);
        out.sort(byPrice.thenComparingLong(r -> r.stamp));
        return out;
    }

    private void expire(final Ref maker) {
        book.remove(maker);
        expectedDone.add(maker.id + " " + OrderEndReason.EXPIRED_STP + " " + maker.remaining);
    }

    private void fill(final Ref maker, final long takerId, final long quantity) {
        expectedTrades.add(maker.id + " " + takerId + " " + maker.price + " " + quantity);
        maker.remaining -= quantity;
        if (maker.remaining == 0) {
            book.remove(maker);
            expectedDone.add(maker.id + " " + OrderEndReason.FILLED + " 0");
        }
    }

    /** The reference outcome of a limit or market-sell order that the engine accepted as {@code id}. */
    private void referenceOrder(final long id, final long user, final Side side, final TimeInForce tif,
        final long limit, final long quantity, final StpMode stp) {
        final List<Ref> crossing = opposite(side, limit);
        if (tif == TimeInForce.FOK) {
            long reachable = 0;
            for (final Ref maker : crossing) {
                if (maker.user == user && stp != StpMode.NONE) {
                    if (stp == StpMode.EXPIRE_MAKER) {
                        continue;
                    }
                    break;
                }
                reachable += maker.remaining;
            }
            if (reachable < quantity) {
                expectedDone.add(id + " " + OrderEndReason.EXPIRED_FOK + " " + quantity);
                return;
            }
        }
        long remaining = quantity;
        boolean stopped = false;
        for (final Ref maker : crossing) {
            if (remaining == 0) {
                break;
            }
            if (maker.user == user && stp != StpMode.NONE) {
                if (stp == StpMode.EXPIRE_MAKER || stp == StpMode.EXPIRE_BOTH) {
                    expire(maker);
                }
                if (stp == StpMode.EXPIRE_TAKER || stp == StpMode.EXPIRE_BOTH) {
                    stopped = true;
                    break;
                }
                continue;
            }
            final long q = Math.min(remaining, maker.remaining);
            remaining -= q;
            fill(maker, id, q);
        }
        if (remaining == 0) {
            expectedDone.add(id + " " + OrderEndReason.FILLED + " 0");
        } else if (stopped) {
            expectedDone.add(id + " " + OrderEndReason.EXPIRED_STP + " " + remaining);
        } else if (!tif.rests()) {
            expectedDone.add(id + " " + OrderEndReason.EXPIRED + " " + remaining);
        } else {
            book.add(new Ref(id, user, side, limit, remaining, ++stamps));
        }
    }

    private void referenceMarketBuy(final long id, final long user, final long budget, final StpMode stp) {
        long remaining = budget;
        boolean stopped = false;
        for (final Ref maker : opposite(Side.BUY, -1)) {
            final long costPerLot = maker.price / TICK;
            if (remaining / costPerLot == 0) {
                break;
            }
            if (maker.user == user && stp != StpMode.NONE) {
                if (stp == StpMode.EXPIRE_MAKER || stp == StpMode.EXPIRE_BOTH) {
                    expire(maker);
                }
                if (stp == StpMode.EXPIRE_TAKER || stp == StpMode.EXPIRE_BOTH) {
                    stopped = true;
                    break;
                }
                continue;
            }
            final long lots = Math.min(remaining / costPerLot, maker.remaining / LOT);
            remaining -= lots * costPerLot;
            fill(maker, id, lots * LOT);
        }
        final OrderEndReason reason = remaining == 0 ? OrderEndReason.FILLED
            : stopped ? OrderEndReason.EXPIRED_STP : OrderEndReason.EXPIRED;
        expectedDone.add(id + " " + reason + " " + remaining);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void engineMatchesLikeTheNaiveReference(final long seed) {
        final EngineFixture fx = new EngineFixture(CAPACITY);
        for (int user = 1; user <= USERS; user++) {
            fx.funded(user, 1_000 * BTC_UNIT, 100_000_000 * USDT_UNIT);
        }
        final Random random = new Random(seed);
        int tradeCount = 0;
        for (int i = 0; i < 800; i++) {
            fx.events.clear();
            step(fx, random);
            tradeCount += fx.events.trades.size();
            final List<String> trades = new ArrayList<>();
            fx.events.trades.forEach(t -> trades.add(t.makerOrderId() + " " + t.takerOrderId() + " " + t.price() + " "
                + t.quantity()));
            final List<String> done = new ArrayList<>();
            fx.events.done.forEach(d -> done.add(d.orderId() + " " + d.reason() + " " + d.remaining()));
            assertThat(trades).as("trades at step %d", i).isEqualTo(expectedTrades);
            assertThat(done).as("order ends at step %d", i).isEqualTo(expectedDone);
            expectedTrades.clear();
            expectedDone.clear();
        }
        assertThat(tradeCount).isGreaterThan(100);
        final List<String> expectedBook = new ArrayList<>();
        for (final Side side : Side.values()) {
            opposite(side.opposite(), -1).forEach(r -> expectedBook.add(r.id + "@" + r.price + "x" + r.remaining));
        }
        final List<String> actualBook = new ArrayList<>(fx.book(Side.BUY));
        actualBook.addAll(fx.book(Side.SELL));
        assertThat(actualBook).isEqualTo(expectedBook);
    }

    private void step(final EngineFixture fx, final Random random) {
        final long user = 1 + random.nextInt(USERS);
        final StpMode stp = StpMode.fromCode(random.nextInt(4));
        final int kind = random.nextInt(10);
        if (kind < 7) {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final TimeInForce tif = TimeInForce.fromCode(random.nextInt(3) == 0 ? random.nextInt(4) : 0);
            final long price = (30_000 + random.nextInt(11) - 5) * USDT_UNIT;
            final long quantity = (1 + random.nextInt(50)) * 1_000_000L;
            final boolean crosses = !opposite(side, price).isEmpty();
            final RejectReason reason = fx.place(user, side, OrderType.LIMIT, tif, price, quantity, 0, 0, stp);
            if (tif == TimeInForce.POST_ONLY && crosses) {
                assertThat(reason).isEqualTo(RejectReason.POST_ONLY_WOULD_TAKE);
                return;
            }
            EngineFixture.accept(reason);
            referenceOrder(fx.lastReference(), user, side, tif, price, quantity, stp);
        } else if (kind < 8) {
            final long quantity = (1 + random.nextInt(80)) * 1_000_000L;
            EngineFixture.accept(fx.place(user, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, quantity, 0, 0,
                stp));
            referenceOrder(fx.lastReference(), user, Side.SELL, TimeInForce.IOC, -1, quantity, stp);
        } else if (kind < 9) {
            final long budget = (1 + random.nextInt(20_000)) * USDT_UNIT + random.nextInt(1_000_000);
            EngineFixture.accept(fx.place(user, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, budget, 0, stp));
            referenceMarketBuy(fx.lastReference(), user, budget, stp);
        } else if (!book.isEmpty()) {
            final Ref victim = book.get(random.nextInt(book.size()));
            EngineFixture.accept(fx.cancel(victim.user, victim.id));
            book.remove(victim);
            expectedDone.add(victim.id + " " + OrderEndReason.CANCELLED + " " + victim.remaining);
        }
    }
}
