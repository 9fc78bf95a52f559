package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.BTC_UNIT;
import static org.candor.engine.EngineFixture.CLIENT;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvariantViolationTest {
    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        fx.funded(1, BTC_UNIT, 0);
        fx.funded(2, 0, 100_000 * USDT_UNIT);
    }

    private void assertStopped() {
        final long seq = fx.engine.lastEventSeq();
        assertThatThrownBy(() -> fx.engine.createUser(CLIENT, 10_000, 0, 99))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fx.engine.deposit(CLIENT, 10_001, 0, 1, BTC, 1, 1))
            .isInstanceOf(IllegalStateException.class);
        assertThat(fx.engine.lastEventSeq()).isEqualTo(seq);
        assertThat(fx.engine.userExists(99)).isFalse();
    }

    @Test
    void auditOfACorruptedBalanceThrowsAndStopsTheEngine() {
        final int account = fx.engine.ledger.find(fx.engine.users.slotOf(1), BTC);
        fx.engine.ledger.restoreBalance(account, Bucket.AVAILABLE, BTC_UNIT + 1);

        assertThatThrownBy(() -> fx.engine.checkInvariants()).isInstanceOf(InvariantViolation.class)
            .hasMessageContaining("does not balance");
        assertStopped();
    }

    @Test
    void auditOfAStaleDigestThrowsAndStopsTheEngine() {
        fx.engine.digest.add(1);

        assertThatThrownBy(() -> fx.engine.checkInvariants()).isInstanceOf(InvariantViolation.class)
            .hasMessageContaining("digest");
        assertStopped();
    }

    @Test
    void debitBelowZeroDuringACommandThrowsAndStopsTheEngine() {
        fx.sell(1, PRICE_30K, 10_000_000);
        final int account = fx.engine.ledger.find(fx.engine.users.slotOf(1), BTC);
        fx.engine.ledger.restoreBalance(account, Bucket.IN_ORDERS, 0);

        assertThatThrownBy(() -> fx.engine.placeOrder(CLIENT, fx.nextCommandId(), 0, 2, EngineFixture.MARKET,
            Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PRICE_30K, 10_000_000, 0, 0, StpMode.NONE))
            .isInstanceOf(InvariantViolation.class).hasMessageContaining("below zero");
        assertStopped();
    }
}
