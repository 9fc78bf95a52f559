package org.candor.app.bench;

/**
 * The shape of a benchmark workload, modelled on exchange-core's throughput test so the two can be compared.
 *
 * @param priceRangeTicks how far from the last trade price new and moved orders are placed, in ticks
 */
record WorkloadSpec(int users, int markets, int restingOrders, int commands, long seed, int priceRangeTicks) {
    /** Percent of each command kind; they add up to 100. */
    static final int GTC_PERCENT = 13;
    static final int IOC_PERCENT = 2;
    static final int CANCEL_PERCENT = 7;
    static final int REDUCE_PERCENT = 7;
    static final int MOVE_PERCENT = 71;
    /** Order sizes are 1 to 126 lots, as in exchange-core's generator. */
    static final int LOTS_MAX = 126;

    String describe() {
        return "users=" + users + " markets=" + markets + " resting=" + restingOrders + " commands=" + commands
            + " seed=" + seed + " mix=gtc:" + GTC_PERCENT + "%,ioc:" + IOC_PERCENT + "%,cancel:" + CANCEL_PERCENT
            + "%,reduce:" + REDUCE_PERCENT + "%,move:" + MOVE_PERCENT + "% lots=1-" + LOTS_MAX
            + " price_range_ticks=" + priceRangeTicks;
    }
}
