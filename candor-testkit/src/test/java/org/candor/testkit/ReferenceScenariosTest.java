package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.candor.engine.Bucket;
import org.candor.engine.EngineCapacity;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;

/**
 * Small hand-worked cases. Each checks the reference against numbers computed by hand, so the oracle itself is
 * tested and not only its agreement with the engine, and each also runs the engine beside it and requires the two
 * to agree after every command. Market 0 is BTCUSD: tick 100 and lot 100 (one tick on one lot costs 1 USD minor
 * unit), maker fee 10 bps, taker fee 20 bps, minimum notional 500.
 */
class ReferenceScenariosTest {
    private static final int BTC = 0;
    private static final int USD = 1;
    private static final int MARKET = 0;

    private DifferentialDriver driver;
    private ReferenceExchange reference;

    @BeforeEach
    void listTheMarketAndFundThreeUsers() {
        final Universe universe = Universe.standard(3, 1);
        driver = new DifferentialDriver(universe, EngineCapacity.small());
        reference = driver.reference();
        for (final Command command : new CommandGenerator(1, universe).setup()) {
            if (!(command instanceof Command.Deposit)) {
                expect(command, RejectReason.NONE);
            }
        }
        expect(new Command.Deposit(1, USD, 100_000, 1), RejectReason.NONE);
        expect(new Command.Deposit(2, BTC, 100_000, 2), RejectReason.NONE);
        expect(new Command.Deposit(3, USD, 1_000, 3), RejectReason.NONE);
    }

    @Test
    void aLimitBuyBelowItsLimitGetsTheDifferenceBackAndEachSidePaysItsFeeInWhatItReceived() {
        expect(limit(2, Side.SELL, TimeInForce.GTC, 10_000, 5_000, StpMode.NONE), RejectReason.NONE);
        expect(limit(1, Side.BUY, TimeInForce.GTC, 10_500, 3_000, StpMode.NONE), RejectReason.NONE);

        assertThat(reference.get(1, USD, Bucket.AVAILABLE)).isEqualTo(100_000 - 3_000);
        assertThat(reference.get(1, USD, Bucket.IN_ORDERS)).isZero();
        assertThat(reference.get(1, BTC, Bucket.AVAILABLE)).isEqualTo(3_000 - 6);
        assertThat(reference.get(2, BTC, Bucket.IN_ORDERS)).isEqualTo(2_000);
        assertThat(reference.get(2, USD, Bucket.AVAILABLE)).isEqualTo(3_000 - 3);
        assertThat(reference.get(0, BTC, Bucket.FEES)).isEqualTo(6);
        assertThat(reference.get(0, USD, Bucket.FEES)).isEqualTo(3);
        assertThat(reference.get(0, USD, Bucket.CUSTODY)).isEqualTo(-101_000);
    }

    @Test
    void aMarketBuyStopsAtTheFirstMakerItCannotAffordALotOfAndGetsTheRestBack() {
        expect(limit(2, Side.SELL, TimeInForce.GTC, 10_000, 200, StpMode.NONE), RejectReason.NOTIONAL_TOO_SMALL);
        expect(limit(2, Side.SELL, TimeInForce.GTC, 10_000, 500, StpMode.NONE), RejectReason.NONE);
        expect(limit(2, Side.SELL, TimeInForce.GTC, 12_000, 500, StpMode.NONE), RejectReason.NONE);
        expect(Command.PlaceOrder.marketBuy(1, MARKET, 800, 0, StpMode.NONE), RejectReason.NONE);

        assertThat(reference.get(1, USD, Bucket.AVAILABLE)).isEqualTo(100_000 - 500 - 240);
        assertThat(reference.get(1, BTC, Bucket.AVAILABLE)).isEqualTo(700 - 1);
        assertThat(reference.state().books().get(ExchangeState.bookKey(MARKET, Side.SELL)))
            .extracting(ExchangeState.BookOrder::remaining).containsExactly(300L);
    }

    @Test
    void fillOrKillWithExpireMakerLooksPastTheTakersOwnOrdersButExpireTakerStopsAtThem() {
        expect(new Command.Deposit(1, BTC, 1_000, 4), RejectReason.NONE);
        expect(limit(1, Side.SELL, TimeInForce.GTC, 10_000, 500, StpMode.NONE), RejectReason.NONE);
        expect(limit(2, Side.SELL, TimeInForce.GTC, 10_100, 500, StpMode.NONE), RejectReason.NONE);

        expect(limit(1, Side.BUY, TimeInForce.FOK, 10_100, 500, StpMode.EXPIRE_TAKER), RejectReason.NONE);
        assertThat(reference.get(1, USD, Bucket.AVAILABLE)).isEqualTo(100_000);
        assertThat(reference.get(1, BTC, Bucket.IN_ORDERS)).isEqualTo(500);

        expect(limit(1, Side.BUY, TimeInForce.FOK, 10_100, 500, StpMode.EXPIRE_MAKER), RejectReason.NONE);
        assertThat(reference.get(1, BTC, Bucket.IN_ORDERS)).isZero();
        assertThat(reference.get(1, BTC, Bucket.AVAILABLE)).isEqualTo(1_000 + 500 - 1);
        assertThat(reference.get(1, USD, Bucket.AVAILABLE)).isEqualTo(100_000 - 505);
        assertThat(reference.state().books().get(ExchangeState.bookKey(MARKET, Side.SELL))).isEmpty();
    }

    @Test
    void aBuyMovedUpNeedsTheExtraReserveAndAPostOnlyMoveMayNotCross() {
        expect(limit(3, Side.BUY, TimeInForce.POST_ONLY, 10_000, 500, StpMode.NONE), RejectReason.NONE);
        final long orderId = reference.lastReference();
        expect(new Command.MoveOrder(3, MARKET, orderId, 30_000), RejectReason.INSUFFICIENT_FUNDS);
        expect(new Command.MoveOrder(3, MARKET, orderId, 20_000), RejectReason.NONE);
        assertThat(reference.get(3, USD, Bucket.AVAILABLE)).isZero();
        expect(limit(2, Side.SELL, TimeInForce.GTC, 25_000, 500, StpMode.NONE), RejectReason.NONE);
        expect(new Command.MoveOrder(3, MARKET, orderId, 10_000), RejectReason.NONE);
        expect(new Command.MoveOrder(3, MARKET, orderId, 25_000), RejectReason.POST_ONLY_WOULD_TAKE);
        expect(new Command.MoveOrder(2, MARKET, orderId, 11_000), RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void aHaltedMarketRefusesOrdersAndMovesButStillCancelsAndReduces() {
        expect(limit(1, Side.BUY, TimeInForce.GTC, 10_000, 1_000, StpMode.NONE), RejectReason.NONE);
        final long first = reference.lastReference();
        expect(new Command.PlaceOrder(1, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            10_000, 1_000, 0, 7, StpMode.NONE), RejectReason.NONE);
        expect(new Command.SetMarketStatus(MARKET, MarketStatus.HALTED), RejectReason.NONE);
        expect(limit(1, Side.BUY, TimeInForce.GTC, 10_000, 1_000, StpMode.NONE), RejectReason.MARKET_HALTED);
        expect(new Command.MoveOrder(1, MARKET, first, 10_100), RejectReason.MARKET_HALTED);
        expect(new Command.ReduceOrder(1, MARKET, first, 400), RejectReason.NONE);
        expect(new Command.CancelOrder(1, MARKET, 0, 7), RejectReason.NONE);
        assertThat(reference.get(1, USD, Bucket.IN_ORDERS)).isEqualTo(600);
        expect(new Command.ReduceOrder(1, MARKET, first, 600), RejectReason.NONE);
        assertThat(reference.get(1, USD, Bucket.IN_ORDERS)).isZero();
    }

    @Test
    void aDepositReferenceIsCreditedOncePerAssetAndARepeatIsRefusedNamingIt() {
        expect(new Command.Deposit(2, USD, 500, 1), RejectReason.DEPOSIT_ALREADY_CREDITED);
        assertThat(reference.lastReference()).isEqualTo(1);
        expect(new Command.Deposit(1, USD, 500, 1), RejectReason.DEPOSIT_ALREADY_CREDITED);
        expect(new Command.Deposit(2, USD, 500, 2), RejectReason.NONE);
        expect(new Command.Deposit(2, USD, 500, 0), RejectReason.INVALID_ARGUMENT);
        expect(new Command.Deposit(2, USD, 0, 9), RejectReason.INVALID_ARGUMENT);
        expect(new Command.Deposit(2, USD, 500, 9), RejectReason.NONE);

        assertThat(reference.get(1, USD, Bucket.AVAILABLE)).isEqualTo(100_000);
        assertThat(reference.get(2, USD, Bucket.AVAILABLE)).isEqualTo(1_000);
    }

    private static Command limit(final long userId, final Side side, final TimeInForce tif, final long price,
        final long quantity, final StpMode stp) {
        return Command.PlaceOrder.limit(userId, MARKET, side, tif, price, quantity, 0, stp);
    }

    private void expect(final Command command, final RejectReason reason) {
        assertThat(driver.step(command, true)).isNull();
        assertThat(driver.lastReason()).as("%s", command).isEqualTo(reason);
    }
}
