package org.candor.app.bench;

import java.util.SplittableRandom;
import org.candor.engine.Engine;
import org.candor.engine.RejectReason;

/**
 * Writes a {@link Workload}'s commands by choosing each from the mix and applying it to the shadow engine at once,
 * so the next choice sees the state it created. Live orders are tracked in a swap-remove array; an order found
 * closed (filled by someone else's taker) is dropped lazily when picked.
 */
final class Generator {
    private final Workload w;
    private final Engine shadow;
    private final ShadowEvents events;
    private final SplittableRandom random;
    private final long firstCommandId;
    private final Progress progress;
    private long[] liveIds;
    private long[] liveUsers;
    private int[] liveMarkets;
    private byte[] liveSides;
    private int liveCount;
    private int next;

    Generator(final Workload w, final Engine shadow, final ShadowEvents events, final SplittableRandom random,
        final long firstCommandId, final Progress progress) {
        this.w = w;
        this.shadow = shadow;
        this.events = events;
        this.random = random;
        this.firstCommandId = firstCommandId;
        this.progress = progress;
        final int capacity = w.total + 16;
        liveIds = new long[capacity];
        liveUsers = new long[capacity];
        liveMarkets = new int[capacity];
        liveSides = new byte[capacity];
    }

    void run() {
        progress.start("prefilling resting orders", w.spec.restingOrders());
        while (next < w.spec.restingOrders()) {
            passive();
            progress.update(next);
        }
        w.prefill = next;
        progress.start("generating commands", w.total);
        while (next < w.total) {
            final int roll = random.nextInt(100);
            if (roll < WorkloadSpec.GTC_PERCENT) {
                place(Workload.GTC, events.resting.size() > w.spec.restingOrders() ? w.spec.priceRangeTicks() / 4 : 2);
            } else if (roll < WorkloadSpec.GTC_PERCENT + WorkloadSpec.IOC_PERCENT) {
                place(Workload.IOC, w.spec.priceRangeTicks() / 4);
            } else if (roll < WorkloadSpec.GTC_PERCENT + WorkloadSpec.IOC_PERCENT + WorkloadSpec.CANCEL_PERCENT) {
                amend(Workload.CANCEL);
            } else if (roll < 100 - WorkloadSpec.MOVE_PERCENT) {
                amend(Workload.REDUCE);
            } else {
                amend(Workload.MOVE);
            }
            progress.update(next);
        }
        w.restingAtEnd = events.resting.size();
    }

    /** A prefill order that does not cross: bids below and asks above the last price. */
    private void passive() {
        final int market = random.nextInt(w.spec.markets());
        final byte side = (byte) random.nextInt(2);
        final long offset = 1 + random.nextInt(w.spec.priceRangeTicks());
        setOrder(Workload.GTC, market, side, priceNear(market, side, -offset));
    }

    /**
     * An IOC crosses the last price by up to {@code crossTicks}. A GTC lands anywhere from {@code crossTicks}
     * across the last price to the far end of the range behind it; while the book is deeper than the target the
     * caller passes a wide crossing band, so GTC orders take liquidity and the depth returns to the target, as in
     * exchange-core's generator.
     */
    private void place(final byte type, final int crossTicks) {
        final int market = random.nextInt(w.spec.markets());
        final byte side = (byte) random.nextInt(2);
        final long offset = type == Workload.IOC || crossTicks > 2 ? random.nextInt(crossTicks + 1)
            : crossTicks - random.nextInt(w.spec.priceRangeTicks() + crossTicks);
        setOrder(type, market, side, priceNear(market, side, offset));
    }

    /** Ticks at {@code offset} towards the other side of the book from the market's last trade price. */
    private long priceNear(final int market, final byte side, final long offset) {
        final long last = events.lastTradeTicks[market];
        final long ticks = side == 0 ? last + offset : last - offset;
        return Math.max(1, ticks);
    }

    private void setOrder(final byte type, final int market, final byte side, final long ticks) {
        final int i = next;
        w.type[i] = type;
        w.user[i] = 1 + random.nextInt(w.spec.users());
        w.market[i] = market;
        w.side[i] = side;
        w.price[i] = ticks * Workload.TICK;
        w.quantity[i] = (1 + random.nextInt(WorkloadSpec.LOTS_MAX)) * Workload.LOT;
        events.lastRestedOrderId = 0;
        applyAndCheck(i);
        if (events.lastRestedOrderId != 0) {
            addLive(events.lastRestedOrderId, w.user[i], market, side);
        }
        next++;
    }

    private void amend(final byte wanted) {
        final int pick = pickLive();
        if (pick < 0) {
            place(Workload.GTC, 0);
            return;
        }
        final long id = liveIds[pick];
        final long remainingLots = shadow.orderRemaining(id) / Workload.LOT;
        byte type = wanted;
        if (type == Workload.REDUCE && remainingLots < 2) {
            type = Workload.MOVE;
        }
        final int i = next;
        w.type[i] = type;
        w.user[i] = liveUsers[pick];
        w.market[i] = liveMarkets[pick];
        w.side[i] = liveSides[pick];
        w.orderId[i] = id;
        if (type == Workload.REDUCE) {
            w.quantity[i] = (1 + random.nextInt((int) Math.min(remainingLots - 1, Integer.MAX_VALUE))) * Workload.LOT;
        } else if (type == Workload.MOVE) {
            w.price[i] = movedPrice(id, liveMarkets[pick], liveSides[pick]);
        }
        applyAndCheck(i);
        if (type == Workload.CANCEL || shadow.orderRemaining(id) < 0) {
            removeLive(pick);
        }
        next++;
    }

    private long movedPrice(final long id, final int market, final byte side) {
        final long current = shadow.orderPrice(id) / Workload.TICK;
        long ticks;
        do {
            ticks = priceNear(market, side, 2 - random.nextInt(w.spec.priceRangeTicks() + 2));
        } while (ticks == current);
        return ticks * Workload.TICK;
    }

    /** A live order chosen at random, dropping ones found closed; -1 if none is left. */
    private int pickLive() {
        while (liveCount > 0) {
            final int pick = random.nextInt(liveCount);
            if (shadow.orderRemaining(liveIds[pick]) > 0) {
                return pick;
            }
            removeLive(pick);
        }
        return -1;
    }

    private void applyAndCheck(final int i) {
        final RejectReason reason = w.applyOne(shadow, i, firstCommandId + i);
        if (reason != RejectReason.NONE) {
            w.rejected++;
            w.rejectReasons.merge(reason.name() + "@" + w.type[i], 1, Integer::sum);
        }
    }

    private void addLive(final long id, final long user, final int market, final byte side) {
        liveIds[liveCount] = id;
        liveUsers[liveCount] = user;
        liveMarkets[liveCount] = market;
        liveSides[liveCount] = side;
        liveCount++;
    }

    private void removeLive(final int index) {
        liveCount--;
        liveIds[index] = liveIds[liveCount];
        liveUsers[index] = liveUsers[liveCount];
        liveMarkets[index] = liveMarkets[liveCount];
        liveSides[index] = liveSides[liveCount];
    }
}
