package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeeTest {
    private static final long SELLER = 1;
    private static final long BUYER = 2;
    /** 30,000.01 USDT: one lot at this price costs 3,000,001 quote minor units, an odd amount. */
    private static final long ODD_PRICE = 30_000_010_000L;
    private static final long GROSS = 3_000_001;

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(SELLER, BTC_UNIT, 0);
        fx.funded(BUYER, 0, 10_000 * USDT_UNIT);
    }

    @Test
    void makerFeeOnAnOddAmountRoundsDownAndLosesNoUnit() {
        fx.sell(SELLER, ODD_PRICE, 10_000);
        fx.buy(BUYER, ODD_PRICE, 10_000);

        final RecordingEvents.Trade trade = fx.events.trades.get(0);
        assertThat(trade.quoteAmount()).isEqualTo(GROSS);
        assertThat(trade.makerFee()).isEqualTo(3_000);
        assertThat(trade.takerFee()).isEqualTo(20);
        final long sellerNet = fx.available(SELLER, USDT);
        assertThat(sellerNet).isEqualTo(2_997_001);
        assertThat(sellerNet + trade.makerFee()).isEqualTo(GROSS);
        assertThat(fx.available(BUYER, BTC) + trade.takerFee()).isEqualTo(10_000);
        assertThat(fx.fees(USDT)).isEqualTo(3_000);
        assertThat(fx.fees(BTC)).isEqualTo(20);
        assertThat(fx.ledgerSum(USDT)).isZero();
        assertThat(fx.ledgerSum(BTC)).isZero();
    }

    @Test
    void takerSellFeeOnAnOddAmountRoundsDownAndLosesNoUnit() {
        fx.buy(BUYER, ODD_PRICE, 10_000);
        fx.sell(SELLER, ODD_PRICE, 10_000);

        final RecordingEvents.Trade trade = fx.events.trades.get(0);
        assertThat(trade.takerFee()).isEqualTo(6_000);
        assertThat(trade.makerFee()).isEqualTo(10);
        assertThat(fx.available(SELLER, USDT) + trade.takerFee()).isEqualTo(GROSS);
        fx.assertBuckets(SELLER, USDT, 2_994_001, 0, 0, 0);
        fx.assertBuckets(BUYER, BTC, 9_990, 0, 0, 0);
        fx.assertBuckets(BUYER, USDT, 10_000 * USDT_UNIT - GROSS, 0, 0, 0);
        assertThat(fx.ledgerSum(USDT)).isZero();
        assertThat(fx.ledgerSum(BTC)).isZero();
    }

    @Test
    void feeEntriesGoFromTheReceivedBucketToTheFeeAccount() {
        fx.sell(SELLER, ODD_PRICE, 10_000);
        fx.events.clear();
        fx.buy(BUYER, ODD_PRICE, 10_000);

        final long tradeId = fx.events.trades.get(0).tradeId();
        assertThat(fx.events.entries).contains(
            new RecordingEvents.Entry(USDT, SELLER, Bucket.AVAILABLE, Engine.SYSTEM_USER_ID, Bucket.FEES, 3_000,
                LedgerCause.TRADE_FEE, tradeId),
            new RecordingEvents.Entry(BTC, BUYER, Bucket.AVAILABLE, Engine.SYSTEM_USER_ID, Bucket.FEES, 20,
                LedgerCause.TRADE_FEE, tradeId));
    }
}
