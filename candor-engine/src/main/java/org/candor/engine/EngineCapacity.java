package org.candor.engine;

/**
 * Every bound the engine has. Reaching one is a clean rejection with its own code, never unbounded growth. The
 * defaults are the named constants below, each with the reason for its value; tests and benchmarks pass their own.
 *
 * @param usersMax                users the engine can hold
 * @param assetsMax               assets; asset ids are 0 .. assetsMax-1
 * @param marketsMax              markets; market ids are 0 .. marketsMax-1
 * @param accountsMax             (user, asset) pairs that have ever held money
 * @param ordersMax               orders open at once across all markets (resting plus the one being matched)
 * @param openOrdersPerUserMax    resting orders one user may have across all markets
 * @param openOrdersPerMarketMax  resting orders one market may hold
 * @param pendingWithdrawalsMax   withdrawals requested and not yet completed, failed or cancelled
 * @param holdsMax                active holds
 * @param clientsMax              command sources (gateways, admin tools) whose command ids are remembered
 * @param resultsPerClient        recent command results remembered per client; a power of two
 * @param depositRefsPerAsset     credited deposit references remembered per asset (a repeat is refused); a power
 *                                of two
 */
public record EngineCapacity(int usersMax, int assetsMax, int marketsMax, int accountsMax, int ordersMax,
    int openOrdersPerUserMax, int openOrdersPerMarketMax, int pendingWithdrawalsMax, int holdsMax, int clientsMax,
    int resultsPerClient, int depositRefsPerAsset) {

    /** A million users fit in a few tens of megabytes of per-user arrays; more calls for a larger machine. */
    public static final int USERS_MAX = 1_000_000;
    /** Asset ids index dense per-asset arrays; 1,024 listings is more than any exchange carries. */
    public static final int ASSETS_MAX = 1_024;
    /** Market ids index a dense array of books; 4,096 exceeds Binance's spot listings twice over. */
    public static final int MARKETS_MAX = 4_096;
    /** Most users hold a handful of assets; eight per user at the user limit, 32 bytes of balances each. */
    public static final int ACCOUNTS_MAX = 8 * USERS_MAX;
    /**
     * Order slots are preallocated arrays of about 100 bytes each; 2^21 is twice the million-order benchmark book
     * and costs about 200 MB. Order ids encode the slot in their low {@value Engine#ORDER_SLOT_BITS} bits.
     */
    public static final int ORDERS_MAX = 1 << 21;
    /** Binance allows 200 open orders per symbol; 1,000 across markets lets market makers quote several books. */
    public static final int OPEN_ORDERS_PER_USER_MAX = 1_000;
    /** A book deeper than a million orders is a flood, not liquidity; it also bounds a full-book cancel. */
    public static final int OPEN_ORDERS_PER_MARKET_MAX = 1 << 20;
    /** Withdrawals settle within hours; 65,536 pending covers a bank-run day while operations catch up. */
    public static final int PENDING_WITHDRAWALS_MAX = 1 << 16;
    /** Holds are exceptional and reviewed by people; more than 65,536 active would itself be an incident. */
    public static final int HOLDS_MAX = 1 << 16;
    /** Gateways and admin tools that send commands; each costs its result window in memory. */
    public static final int CLIENTS_MAX = 256;
    /**
     * A client resends only commands it has in flight, and the client library bounds those below this window, so
     * every resend is found here and answered with its original result.
     */
    public static final int RESULTS_PER_CLIENT = 1 << 14;
    /**
     * The engine refuses a deposit reference it credited before for the same asset, so the chain edge may re-send
     * every deposit of its rescan window after a restart without paying anyone twice. The bound must cover every
     * deposit the edge can re-send: those of its rescan window, the asset's confirmations plus the 64 blocks it
     * watches for reorgs ({@code DepositTracker.REORG_WATCH_BLOCKS}) below the last scanned height it kept, which is
     * about 11 hours of Bitcoin blocks (2 + 64) and 15 minutes of Ethereum blocks (12 + 64). 65,536 covers 6,000
     * deposits of one asset an hour across Bitcoin's window. It costs about 1.5 MB for each asset that receives
     * deposits (a ring of longs and a hash set, grown as they arrive). An older reference is forgotten and would be
     * credited again, so the edge must not re-send a deposit older than its window.
     */
    public static final int DEPOSIT_REFS_PER_ASSET = 1 << 16;

    public static final EngineCapacity DEFAULT = new EngineCapacity(USERS_MAX, ASSETS_MAX, MARKETS_MAX, ACCOUNTS_MAX,
        ORDERS_MAX, OPEN_ORDERS_PER_USER_MAX, OPEN_ORDERS_PER_MARKET_MAX, PENDING_WITHDRAWALS_MAX, HOLDS_MAX,
        CLIENTS_MAX, RESULTS_PER_CLIENT, DEPOSIT_REFS_PER_ASSET);

    /** Every bound but the deposit memory, which keeps its default {@link #DEPOSIT_REFS_PER_ASSET}. */
    public EngineCapacity(final int usersMax, final int assetsMax, final int marketsMax, final int accountsMax,
        final int ordersMax, final int openOrdersPerUserMax, final int openOrdersPerMarketMax,
        final int pendingWithdrawalsMax, final int holdsMax, final int clientsMax, final int resultsPerClient) {
        this(usersMax, assetsMax, marketsMax, accountsMax, ordersMax, openOrdersPerUserMax, openOrdersPerMarketMax,
            pendingWithdrawalsMax, holdsMax, clientsMax, resultsPerClient, DEPOSIT_REFS_PER_ASSET);
    }

    /** Constructors reject impossible sizes: every bound must be positive and fit the structures that use it. */
    public EngineCapacity {
        requirePositive("usersMax", usersMax);
        requirePositive("assetsMax", assetsMax);
        requirePositive("marketsMax", marketsMax);
        requirePositive("accountsMax", accountsMax);
        requirePositive("ordersMax", ordersMax);
        requirePositive("openOrdersPerUserMax", openOrdersPerUserMax);
        requirePositive("openOrdersPerMarketMax", openOrdersPerMarketMax);
        requirePositive("pendingWithdrawalsMax", pendingWithdrawalsMax);
        requirePositive("holdsMax", holdsMax);
        requirePositive("clientsMax", clientsMax);
        requirePositive("resultsPerClient", resultsPerClient);
        requirePositive("depositRefsPerAsset", depositRefsPerAsset);
        if (ordersMax > (1 << Engine.ORDER_SLOT_BITS) - 1) {
            throw new IllegalArgumentException("ordersMax=" + ordersMax + " exceeds the order slot space");
        }
        if (marketsMax > (1 << 24)) {
            throw new IllegalArgumentException("marketsMax=" + marketsMax + " exceeds the order store's 24-bit field");
        }
        if (assetsMax > (1 << 16)) {
            throw new IllegalArgumentException("assetsMax=" + assetsMax + " exceeds 65536");
        }
        if (Integer.bitCount(resultsPerClient) != 1) {
            throw new IllegalArgumentException("resultsPerClient=" + resultsPerClient + " is not a power of two");
        }
        if (Integer.bitCount(depositRefsPerAsset) != 1) {
            throw new IllegalArgumentException("depositRefsPerAsset=" + depositRefsPerAsset
                + " is not a power of two");
        }
    }

    /** A small engine for tests: every bound is low enough to be reached in a unit test. */
    public static EngineCapacity small() {
        return new EngineCapacity(64, 16, 8, 512, 1024, 64, 512, 64, 64, 8, 1024, 1024);
    }

    private static void requirePositive(final String name, final int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + "=" + value + " must be positive");
        }
    }
}
