package org.candor.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * A deliberately naive exchange: the oracle differential tests hold the engine against. Books are plain lists kept
 * sorted by (price, time), balances sit in a sorted map, amounts are computed from whole prices and quantities with
 * {@link BigInteger} where a product could grow. Nothing here is fast; everything here should be obviously right.
 *
 * <p>It does not assign order ids: the engine's ids encode its storage slots, so the caller passes in the id the
 * engine gave an accepted order. Withdrawal and hold ids are sequential and computed here. Each command returns its
 * reject reason; {@link #lastReference()} then holds the id the command created or touched, as the engine's result
 * does.
 */
public final class ReferenceExchange {
    /** The engine's largest amount, 2^62; a notional above it is refused. */
    static final BigInteger AMOUNT_MAX = BigInteger.ONE.shiftLeft(62);
    private static final long SYSTEM = 0;

    private final EngineCapacity capacity;
    private final TreeMap<Integer, AssetTerms> assets = new TreeMap<>();
    private final TreeMap<Integer, Book> markets = new TreeMap<>();
    private final TreeSet<Long> users = new TreeSet<>();
    private final TreeMap<ExchangeState.BalanceKey, Long> balances = new TreeMap<>();
    /** Per asset, the credited deposit references in the order they were credited, at most the capacity's bound. */
    private final TreeMap<Integer, LinkedHashSet<Long>> creditedRefs = new TreeMap<>();
    private final ReferenceWithdrawals withdrawals;
    private final ReferencePolicies policies;
    private final ReferenceHolds holds;
    private long restSeq;
    private long lastReference;
    private boolean takerStopped;

    public ReferenceExchange(final EngineCapacity capacity) {
        this.capacity = capacity;
        this.holds = new ReferenceHolds(this, capacity.holdsMax());
        this.withdrawals = new ReferenceWithdrawals(this, capacity.pendingWithdrawalsMax());
        this.policies = new ReferencePolicies(this);
    }

    /** Allow-lists and the withdrawal lifecycle of the reference. */
    public ReferenceWithdrawals withdrawals() {
        return withdrawals;
    }

    /** Proposals and withdrawal settings of the reference. */
    public ReferencePolicies policies() {
        return policies;
    }

    /** The hold commands, deadlines and limiter of the reference. */
    public ReferenceHolds holds() {
        return holds;
    }

    /** The id the last successful command created or acted on (order, withdrawal, hold, count), else 0. */
    public long lastReference() {
        return lastReference;
    }

    // ---------------------------------------------------------------- listing

    public RejectReason createAsset(final AssetTerms asset) {
        lastReference = 0;
        if (assets.containsKey(asset.assetId())) {
            return RejectReason.ASSET_EXISTS;
        }
        assets.put(asset.assetId(), asset);
        return done(asset.assetId());
    }

    public RejectReason createMarket(final MarketTerms terms) {
        lastReference = 0;
        if (markets.containsKey(terms.marketId())) {
            return RejectReason.MARKET_EXISTS;
        }
        final AssetTerms base = assets.get(terms.baseAssetId());
        if (base == null || !assets.containsKey(terms.quoteAssetId())) {
            return RejectReason.UNKNOWN_ASSET;
        }
        final long tickLot = terms.tickSize() * terms.lotSize();
        if (tickLot % base.unitSize() != 0 || tickLot / base.unitSize() != terms.quotePerTickLot()) {
            return RejectReason.INVALID_MARKET_SPEC;
        }
        markets.put(terms.marketId(), new Book(terms));
        return done(terms.marketId());
    }

    public RejectReason createUser(final long userId) {
        lastReference = 0;
        if (userId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (users.contains(userId)) {
            return RejectReason.USER_EXISTS;
        }
        if (users.size() >= capacity.usersMax()) {
            return RejectReason.USERS_CAPACITY_REACHED;
        }
        users.add(userId);
        return done(userId);
    }

    public RejectReason setMarketStatus(final int marketId, final MarketStatus status) {
        lastReference = 0;
        final Book book = markets.get(marketId);
        if (book == null) {
            return RejectReason.UNKNOWN_MARKET;
        }
        if (status == null) {
            return RejectReason.INVALID_ARGUMENT;
        }
        book.halted = status == MarketStatus.HALTED;
        return done(marketId);
    }

    // ---------------------------------------------------------------- deposits, withdrawals, holds

    public RejectReason deposit(final long userId, final int assetId, final long amount, final long depositRef) {
        lastReference = 0;
        final RejectReason known = knownUserAndAsset(userId, assetId);
        if (known != RejectReason.NONE) {
            return known;
        }
        if (amount <= 0 || depositRef <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final LinkedHashSet<Long> credited = creditedRefs.computeIfAbsent(assetId, a -> new LinkedHashSet<>());
        if (credited.contains(depositRef)) {
            lastReference = depositRef;
            return RejectReason.DEPOSIT_ALREADY_CREDITED;
        }
        final BigInteger minted = BigInteger.valueOf(-get(SYSTEM, assetId, Bucket.CUSTODY))
            .add(BigInteger.valueOf(amount));
        if (minted.compareTo(AMOUNT_MAX) > 0) {
            return RejectReason.BALANCE_OVERFLOW;
        }
        add(SYSTEM, assetId, Bucket.CUSTODY, -amount);
        add(userId, assetId, Bucket.AVAILABLE, amount);
        credited.add(depositRef);
        if (credited.size() > capacity.depositRefsPerAsset()) {
            // Only the most recent references are remembered: the oldest is forgotten and may be credited again.
            credited.remove(credited.iterator().next());
        }
        return done(depositRef);
    }

    public RejectReason requestWithdrawal(final long userId, final int assetId, final long amount,
        final long addressId, final long now) {
        lastReference = 0;
        final RejectReason known = knownUserAndAsset(userId, assetId);
        if (known != RejectReason.NONE) {
            return known;
        }
        if (holds.blockingHold(userId) != 0) {
            return blocked(userId);
        }
        return withdrawals.request(userId, assetId, amount, addressId, now);
    }

    /** A confirmed withdrawal left the exchange: its funds go back to custody, the mirror of what came in. */
    void leave(final long userId, final int assetId, final long amount) {
        add(userId, assetId, Bucket.WITHDRAWING, -amount);
        add(SYSTEM, assetId, Bucket.CUSTODY, amount);
    }

    // ---------------------------------------------------------------- orders

    /**
     * Places an order. {@code orderId} is the id the engine gave it (any id when the engine refused it: the
     * comparison of the two outcomes reports that).
     */
    public RejectReason placeOrder(final long orderId, final long userId, final int marketId, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long quantity, final long quoteBudget,
        final long clientOrderId, final StpMode stp) {
        lastReference = 0;
        final Book book = markets.get(marketId);
        final RejectReason refused = refusePlace(book, userId, side, type, tif, price, quantity, quoteBudget,
            clientOrderId, stp);
        if (refused != RejectReason.NONE) {
            return refused;
        }
        lastReference = orderId;
        final MarketTerms terms = book.terms;
        final Order taker = new Order(orderId, userId, marketId, side, tif, stp, price, quantity, clientOrderId);
        if (tif == TimeInForce.FOK && !canFillWhole(book, taker)) {
            return RejectReason.NONE;
        }
        final int reserveAsset = side == Side.BUY ? terms.quoteAssetId() : terms.baseAssetId();
        move(userId, reserveAsset, Bucket.AVAILABLE, Bucket.IN_ORDERS, reserveFor(terms, type, taker, quoteBudget));
        if (type == OrderType.MARKET && side == Side.BUY) {
            final long unspent = matchBudget(book, taker, quoteBudget);
            move(userId, terms.quoteAssetId(), Bucket.IN_ORDERS, Bucket.AVAILABLE, unspent);
            return RejectReason.NONE;
        }
        match(book, taker, type == OrderType.LIMIT);
        completeTaker(book, taker);
        return RejectReason.NONE;
    }

    /** Every reason an order may be refused, in the order the engine checks them. */
    private RejectReason refusePlace(final Book book, final long userId, final Side side, final OrderType type,
        final TimeInForce tif, final long price, final long quantity, final long quoteBudget,
        final long clientOrderId, final StpMode stp) {
        if (!users.contains(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        if (book == null) {
            return RejectReason.UNKNOWN_MARKET;
        }
        if (side == null || type == null || tif == null || stp == null || clientOrderId < 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (holds.blockingHold(userId) != 0) {
            return blocked(userId);
        }
        final MarketTerms terms = book.terms;
        final RejectReason invalid = type == OrderType.MARKET
            ? ReferenceRules.checkMarketOrder(terms, side, tif, price, quantity, quoteBudget)
            : ReferenceRules.checkLimitOrder(terms, price, quantity, quoteBudget);
        if (invalid != RejectReason.NONE) {
            return invalid;
        }
        if (book.halted) {
            return RejectReason.MARKET_HALTED;
        }
        if (clientOrderId != 0 && findByClientOrderId(userId, clientOrderId) != null) {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (tif.rests() && openOrdersOf(userId) >= capacity.openOrdersPerUserMax()) {
            return RejectReason.USER_ORDERS_CAPACITY_REACHED;
        }
        if (tif.rests() && book.bids.size() + book.asks.size() >= capacity.openOrdersPerMarketMax()) {
            return RejectReason.MARKET_ORDERS_CAPACITY_REACHED;
        }
        final Order probe = new Order(0, userId, terms.marketId(), side, tif, stp, price, quantity, 0);
        final int reserveAsset = side == Side.BUY ? terms.quoteAssetId() : terms.baseAssetId();
        if (get(userId, reserveAsset, Bucket.AVAILABLE) < reserveFor(terms, type, probe, quoteBudget)) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (tif == TimeInForce.POST_ONLY && oppositeCrosses(book, side, price)) {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        return RejectReason.NONE;
    }

    public RejectReason cancelOrder(final long userId, final int marketId, final long orderId,
        final long clientOrderId) {
        lastReference = 0;
        final RejectReason known = knownUserAndMarket(userId, marketId);
        if (known != RejectReason.NONE) {
            return known;
        }
        final Order order = findOwned(userId, marketId, orderId, clientOrderId);
        if (order == null) {
            return RejectReason.UNKNOWN_ORDER;
        }
        cancelResting(markets.get(marketId), order);
        return done(order.orderId);
    }

    public RejectReason cancelAllOrders(final long userId, final int marketId) {
        lastReference = 0;
        final RejectReason known = knownUserAndMarket(userId, marketId);
        if (known != RejectReason.NONE) {
            return known;
        }
        final Book book = markets.get(marketId);
        int cancelled = 0;
        for (final Order order : book.all()) {
            if (order.userId == userId) {
                cancelResting(book, order);
                cancelled++;
            }
        }
        return done(cancelled);
    }

    public RejectReason reduceOrder(final long userId, final int marketId, final long orderId, final long reduceBy) {
        lastReference = 0;
        final RejectReason known = knownUserAndMarket(userId, marketId);
        if (known != RejectReason.NONE) {
            return known;
        }
        final Order order = findOwned(userId, marketId, orderId, 0);
        if (order == null) {
            return RejectReason.UNKNOWN_ORDER;
        }
        final Book book = markets.get(marketId);
        if (reduceBy <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (reduceBy % book.terms.lotSize() != 0) {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        if (reduceBy >= order.remaining) {
            cancelResting(book, order);
        } else {
            order.remaining -= reduceBy;
            releaseReservation(book.terms, order, reduceBy);
        }
        return done(orderId);
    }

    public RejectReason moveOrder(final long userId, final int marketId, final long orderId, final long newPrice) {
        lastReference = 0;
        final RejectReason known = knownUserAndMarket(userId, marketId);
        if (known != RejectReason.NONE) {
            return known;
        }
        if (holds.blockingHold(userId) != 0) {
            return blocked(userId);
        }
        final Order order = findOwned(userId, marketId, orderId, 0);
        if (order == null) {
            return RejectReason.UNKNOWN_ORDER;
        }
        final Book book = markets.get(marketId);
        final MarketTerms terms = book.terms;
        RejectReason invalid = ReferenceRules.checkPrice(terms, newPrice);
        if (invalid == RejectReason.NONE) {
            invalid = ReferenceRules.checkNotional(terms, newPrice, order.remaining);
        }
        if (invalid != RejectReason.NONE) {
            return invalid;
        }
        if (book.halted) {
            return RejectReason.MARKET_HALTED;
        }
        if (newPrice == order.price) {
            return RejectReason.PRICE_UNCHANGED;
        }
        if (order.tif == TimeInForce.POST_ONLY && oppositeCrosses(book, order.side, newPrice)) {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        final long oldReserve = order.side == Side.BUY ? terms.notional(order.price, order.remaining) : 0;
        final long newReserve = order.side == Side.BUY ? terms.notional(newPrice, order.remaining) : 0;
        if (newReserve - oldReserve > get(userId, terms.quoteAssetId(), Bucket.AVAILABLE)) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        book.remove(order);
        if (newReserve > oldReserve) {
            move(userId, terms.quoteAssetId(), Bucket.AVAILABLE, Bucket.IN_ORDERS, newReserve - oldReserve);
        } else {
            move(userId, terms.quoteAssetId(), Bucket.IN_ORDERS, Bucket.AVAILABLE, oldReserve - newReserve);
        }
        order.price = newPrice;
        match(book, order, true);
        completeTaker(book, order);
        return done(orderId);
    }

    // ---------------------------------------------------------------- matching

    /** Whether the liquidity this taker could reach at its limit, honouring its STP mode, covers all of it. */
    private boolean canFillWhole(final Book book, final Order taker) {
        long reachable = 0;
        for (final Order maker : book.side(taker.side.opposite())) {
            if (!crosses(taker.side, maker.price, taker.price)) {
                return false;
            }
            if (maker.userId == taker.userId && taker.stp != StpMode.NONE) {
                if (taker.stp == StpMode.EXPIRE_MAKER) {
                    continue;
                }
                return false;
            }
            reachable += maker.remaining;
            if (reachable >= taker.remaining) {
                return true;
            }
        }
        return false;
    }

    /** Trades a quantity-sized taker against the best makers until filled, uncrossed or stopped by STP. */
    private void match(final Book book, final Order taker, final boolean hasLimit) {
        takerStopped = false;
        final List<Order> makers = book.side(taker.side.opposite());
        while (taker.remaining > 0 && !makers.isEmpty()) {
            final Order maker = makers.get(0);
            if (hasLimit && !crosses(taker.side, maker.price, taker.price)) {
                return;
            }
            if (maker.userId == taker.userId && taker.stp != StpMode.NONE) {
                if (preventSelfTrade(book, taker, maker)) {
                    return;
                }
                continue;
            }
            final long fill = Math.min(taker.remaining, maker.remaining);
            taker.remaining -= fill;
            execute(book, taker, maker, fill, hasLimit);
        }
    }

    /**
     * Trades a market buy sized by its quote budget; returns what it could not spend. Self-trade prevention only
     * acts on a resting order the taker could actually trade with, so affordability is checked first.
     */
    private long matchBudget(final Book book, final Order taker, final long budget) {
        takerStopped = false;
        final MarketTerms terms = book.terms;
        long left = budget;
        while (!book.asks.isEmpty()) {
            final Order maker = book.asks.get(0);
            final long costPerLot = terms.notional(maker.price, terms.lotSize());
            final long affordableLots = left / costPerLot;
            if (affordableLots == 0) {
                break;
            }
            if (maker.userId == taker.userId && taker.stp != StpMode.NONE) {
                if (preventSelfTrade(book, taker, maker)) {
                    break;
                }
                continue;
            }
            final long fill = Math.min(affordableLots * terms.lotSize(), maker.remaining);
            left -= terms.notional(maker.price, fill);
            execute(book, taker, maker, fill, false);
        }
        return left;
    }

    private boolean preventSelfTrade(final Book book, final Order taker, final Order maker) {
        if (taker.stp == StpMode.EXPIRE_MAKER || taker.stp == StpMode.EXPIRE_BOTH) {
            cancelResting(book, maker);
        }
        if (taker.stp == StpMode.EXPIRE_TAKER || taker.stp == StpMode.EXPIRE_BOTH) {
            takerStopped = true;
            return true;
        }
        return false;
    }

    /**
     * One execution at the maker's price: quote from the buyer's reservation to the seller, base from the seller's
     * reservation to the buyer, then each pays its fee, rounded down, out of what it received.
     */
    private void execute(final Book book, final Order taker, final Order maker, final long quantity,
        final boolean takerHasLimit) {
        final MarketTerms terms = book.terms;
        final int base = terms.baseAssetId();
        final int quoteAsset = terms.quoteAssetId();
        final long quote = terms.notional(maker.price, quantity);
        final boolean takerBuys = taker.side == Side.BUY;
        final long buyer = takerBuys ? taker.userId : maker.userId;
        final long seller = takerBuys ? maker.userId : taker.userId;
        final long buyerFee = fee(quantity, takerBuys ? terms.takerFeeBps() : terms.makerFeeBps());
        final long sellerFee = fee(quote, takerBuys ? terms.makerFeeBps() : terms.takerFeeBps());
        maker.remaining -= quantity;
        if (maker.remaining == 0) {
            book.remove(maker);
        }
        add(buyer, quoteAsset, Bucket.IN_ORDERS, -quote);
        add(seller, quoteAsset, Bucket.AVAILABLE, quote - sellerFee);
        add(SYSTEM, quoteAsset, Bucket.FEES, sellerFee);
        add(seller, base, Bucket.IN_ORDERS, -quantity);
        add(buyer, base, Bucket.AVAILABLE, quantity - buyerFee);
        add(SYSTEM, base, Bucket.FEES, buyerFee);
        if (takerBuys && takerHasLimit && taker.price > maker.price) {
            final long saved = terms.notional(taker.price, quantity) - quote;
            move(taker.userId, quoteAsset, Bucket.IN_ORDERS, Bucket.AVAILABLE, saved);
        }
    }

    /** After matching: a filled taker is done; an IOC or STP-stopped one releases the rest; others rest. */
    private void completeTaker(final Book book, final Order taker) {
        if (taker.remaining == 0) {
            return;
        }
        if (takerStopped || !taker.tif.rests()) {
            releaseReservation(book.terms, taker, taker.remaining);
            return;
        }
        taker.time = ++restSeq;
        book.add(taker);
    }

    private void cancelResting(final Book book, final Order order) {
        book.remove(order);
        releaseReservation(book.terms, order, order.remaining);
    }

    private void releaseReservation(final MarketTerms terms, final Order order, final long quantity) {
        if (order.side == Side.BUY) {
            move(order.userId, terms.quoteAssetId(), Bucket.IN_ORDERS, Bucket.AVAILABLE,
                terms.notional(order.price, quantity));
        } else {
            move(order.userId, terms.baseAssetId(), Bucket.IN_ORDERS, Bucket.AVAILABLE, quantity);
        }
    }

    private static long reserveFor(final MarketTerms terms, final OrderType type, final Order order,
        final long quoteBudget) {
        if (order.side == Side.SELL) {
            return order.remaining;
        }
        return type == OrderType.MARKET ? quoteBudget : terms.notional(order.price, order.remaining);
    }

    private static boolean crosses(final Side takerSide, final long makerPrice, final long takerPrice) {
        return takerSide == Side.BUY ? makerPrice <= takerPrice : makerPrice >= takerPrice;
    }

    private static boolean oppositeCrosses(final Book book, final Side side, final long price) {
        final List<Order> opposite = book.side(side.opposite());
        return !opposite.isEmpty() && crosses(side, opposite.get(0).price, price);
    }

    /** floor(amount * bps / 10,000), computed without any chance of overflow. */
    static long fee(final long amount, final int bps) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(bps))
            .divide(BigInteger.valueOf(10_000)).longValueExact();
    }

    // ---------------------------------------------------------------- lookups and balances

    /** The user's open order in this market, by order id, or by client order id when the order id is 0. */
    private Order findOwned(final long userId, final int marketId, final long orderId, final long clientOrderId) {
        final Order order = orderId != 0 ? findById(orderId)
            : clientOrderId != 0 ? findByClientOrderId(userId, clientOrderId) : null;
        if (order == null || order.userId != userId || order.marketId != marketId) {
            return null;
        }
        if (orderId != 0 && clientOrderId != 0 && order.clientOrderId != clientOrderId) {
            return null;
        }
        return order;
    }

    private Order findById(final long orderId) {
        for (final Book book : markets.values()) {
            for (final Order order : book.all()) {
                if (order.orderId == orderId) {
                    return order;
                }
            }
        }
        return null;
    }

    /** Client order ids are unique per user across all markets, as the engine indexes them. */
    private Order findByClientOrderId(final long userId, final long clientOrderId) {
        for (final Book book : markets.values()) {
            for (final Order order : book.all()) {
                if (order.userId == userId && order.clientOrderId == clientOrderId) {
                    return order;
                }
            }
        }
        return null;
    }

    private int openOrdersOf(final long userId) {
        int count = 0;
        for (final Book book : markets.values()) {
            for (final Order order : book.all()) {
                if (order.userId == userId) {
                    count++;
                }
            }
        }
        return count;
    }

    private RejectReason knownUserAndAsset(final long userId, final int assetId) {
        if (!users.contains(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        return assets.containsKey(assetId) ? RejectReason.NONE : RejectReason.UNKNOWN_ASSET;
    }

    private RejectReason knownUserAndMarket(final long userId, final int marketId) {
        if (!users.contains(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        return markets.containsKey(marketId) ? RejectReason.NONE : RejectReason.UNKNOWN_MARKET;
    }

    RejectReason done(final long reference) {
        lastReference = reference;
        return RejectReason.NONE;
    }

    /** A debit refused by an account block; the reference names the blocking hold, as the engine's result does. */
    private RejectReason blocked(final long userId) {
        lastReference = holds.blockingHold(userId);
        return RejectReason.ACCOUNT_BLOCKED;
    }

    void clearReference() {
        lastReference = 0;
    }

    boolean hasUser(final long userId) {
        return users.contains(userId);
    }

    boolean hasAsset(final int assetId) {
        return assets.containsKey(assetId);
    }

    Iterable<Integer> assetIds() {
        return assets.keySet();
    }

    /** A balance; a bucket never touched holds 0. */
    public long get(final long userId, final int assetId, final Bucket bucket) {
        return balances.getOrDefault(new ExchangeState.BalanceKey(userId, assetId, bucket), 0L);
    }

    private void add(final long userId, final int assetId, final Bucket bucket, final long delta) {
        final long after = Math.addExact(get(userId, assetId, bucket), delta);
        if (after < 0 && bucket != Bucket.CUSTODY) {
            throw new IllegalStateException("reference balance went negative: user " + userId + " asset " + assetId
                + " " + bucket + " = " + after);
        }
        balances.put(new ExchangeState.BalanceKey(userId, assetId, bucket), after);
    }

    void move(final long userId, final int assetId, final Bucket from, final Bucket to, final long amount) {
        add(userId, assetId, from, -amount);
        add(userId, assetId, to, amount);
    }

    /** The observable state, in the same shape {@link ExchangeState#of} reads from an engine. */
    public ExchangeState state() {
        final SortedMap<String, List<ExchangeState.BookOrder>> books = new TreeMap<>();
        for (final Book book : markets.values()) {
            for (final Side side : Side.values()) {
                final List<ExchangeState.BookOrder> orders = new ArrayList<>();
                for (final Order order : book.side(side)) {
                    orders.add(new ExchangeState.BookOrder(order.orderId, order.userId, order.price, order.remaining,
                        order.clientOrderId));
                }
                books.put(ExchangeState.bookKey(book.terms.marketId(), side), orders);
            }
        }
        final SortedMap<ExchangeState.BalanceKey, Long> nonZero = new TreeMap<>();
        balances.forEach((key, amount) -> {
            if (amount != 0) {
                nonZero.put(key, amount);
            }
        });
        return new ExchangeState(books, nonZero, holds.views());
    }

    /** A pending withdrawal: whose money, which asset, how much. */

    /** An order while it is matched or rests; mutable, as the naive model updates it in place. */
    private static final class Order {
        final long orderId;
        final long userId;
        final int marketId;
        final Side side;
        final TimeInForce tif;
        final StpMode stp;
        final long clientOrderId;
        long price;
        long remaining;
        long time;

        Order(final long orderId, final long userId, final int marketId, final Side side, final TimeInForce tif,
            final StpMode stp, final long price, final long quantity, final long clientOrderId) {
            this.orderId = orderId;
            this.userId = userId;
            this.marketId = marketId;
            this.side = side;
            this.tif = tif;
            this.stp = stp;
            this.price = price;
            this.remaining = quantity;
            this.clientOrderId = clientOrderId;
        }
    }

    /** One market: its terms, its status and its two sides, each a list kept in priority order. */
    private static final class Book {
        private static final Comparator<Order> BIDS = Comparator.<Order>comparingLong(o -> -o.price)
            .thenComparingLong(o -> o.time);
        private static final Comparator<Order> ASKS = Comparator.<Order>comparingLong(o -> o.price)
            .thenComparingLong(o -> o.time);

        final MarketTerms terms;
        final List<Order> bids = new ArrayList<>();
        final List<Order> asks = new ArrayList<>();
        boolean halted;

        Book(final MarketTerms terms) {
            this.terms = terms;
        }

        List<Order> side(final Side side) {
            return side == Side.BUY ? bids : asks;
        }

        void add(final Order order) {
            final List<Order> orders = side(order.side);
            orders.add(order);
            orders.sort(order.side == Side.BUY ? BIDS : ASKS);
        }

        void remove(final Order order) {
            side(order.side).remove(order);
        }

        /** A copy of every resting order, so callers may cancel while they walk it. */
        List<Order> all() {
            final List<Order> all = new ArrayList<>(bids);
            all.addAll(asks);
            return all;
        }
    }
}
