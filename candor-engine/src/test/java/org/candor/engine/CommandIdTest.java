package org.candor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.candor.engine.EngineFixture.BTC;
import static org.candor.engine.EngineFixture.CLIENT;
import static org.candor.engine.EngineFixture.MARKET;
import static org.candor.engine.EngineFixture.PRICE_30K;
import static org.candor.engine.EngineFixture.USDT;
import static org.candor.engine.EngineFixture.USDT_UNIT;

import org.junit.jupiter.api.Test;

class CommandIdTest {

    private static EngineFixture.Command buy() {
        return (e, c, id, t) -> e.placeOrder(c, id, t, 1, MARKET, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            PRICE_30K, 10_000_000, 0, 0, StpMode.NONE);
    }

    @Test
    void resendOfAnAppliedCommandRepeatsItsResultAndChangesNothing() {
        final EngineFixture fx = new EngineFixture();
        fx.funded(1, 0, 100_000 * USDT_UNIT);
        final long commandId = fx.nextCommandId();
        EngineFixture.accept(fx.exec(buy()));
        final RecordingEvents.Result original = fx.events.lastResult();
        fx.buy(1, PRICE_30K, 10_000_000);
        final String before = fx.state();
        fx.events.clear();

        final RejectReason reason = fx.execAs(CLIENT, commandId, buy());

        assertThat(reason).isEqualTo(RejectReason.NONE);
        assertThat(fx.events.all).hasSize(1);
        final RecordingEvents.Result repeat = fx.events.lastResult();
        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.reason()).isEqualTo(original.reason());
        assertThat(repeat.reference()).isEqualTo(original.reference()).isNotZero();
        assertThat(repeat.firstSeq()).isEqualTo(original.firstSeq());
        assertThat(fx.state()).isEqualTo(before);
        assertThat(fx.available(1, USDT)).isEqualTo(94_000 * USDT_UNIT);
    }

    @Test
    void resendOfARejectedCommandRepeatsTheRejection() {
        final EngineFixture fx = new EngineFixture();
        EngineFixture.accept(fx.user(1));
        final long commandId = fx.nextCommandId();
        assertThat(fx.exec(buy())).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        fx.deposit(1, USDT, 100_000 * USDT_UNIT);
        fx.events.clear();

        assertThat(fx.execAs(CLIENT, commandId, buy())).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);

        assertThat(fx.events.lastResult().duplicate()).isTrue();
        assertThat(fx.engine.openOrderCount(1)).isZero();
    }

    @Test
    void rejectsIdBelowTheWindowAsStale() {
        final EngineFixture fx = new EngineFixture(new EngineCapacity(64, 16, 8, 512, 1024, 64, 512, 64, 64, 8, 4));
        for (int i = 1; i <= 5; i++) {
            EngineFixture.accept(fx.user(i));
        }
        final String before = fx.state();
        fx.events.clear();

        assertThat(fx.execAs(CLIENT, 2, (e, c, id, t) -> e.createUser(c, id, t, 20)))
            .isEqualTo(RejectReason.STALE_COMMAND_ID);

        assertThat(fx.events.all).hasSize(1);
        assertThat(fx.events.lastResult().duplicate()).isFalse();
        assertThat(fx.state()).isEqualTo(before);
        assertThat(fx.engine.userExists(20)).isFalse();
    }

    @Test
    void rejectsSkippedIdBelowTheLastAsStale() {
        final EngineFixture fx = new EngineFixture();
        EngineFixture.accept(fx.execAs(3, 10, (e, c, id, t) -> e.createUser(c, id, t, 1)));
        EngineFixture.accept(fx.execAs(3, 20, (e, c, id, t) -> e.createUser(c, id, t, 2)));

        assertThat(fx.execAs(3, 15, (e, c, id, t) -> e.createUser(c, id, t, 5)))
            .isEqualTo(RejectReason.STALE_COMMAND_ID);
        assertThat(fx.execAs(3, 10, (e, c, id, t) -> e.createUser(c, id, t, 5))).isEqualTo(RejectReason.NONE);
        assertThat(fx.events.lastResult().duplicate()).isTrue();
        assertThat(fx.engine.userExists(5)).isFalse();
    }

    @Test
    void rejectsNonPositiveIds() {
        final EngineFixture fx = new EngineFixture();
        final String before = fx.state();

        assertThat(fx.execAs(4, 0, (e, c, id, t) -> e.createUser(c, id, t, 1)))
            .isEqualTo(RejectReason.STALE_COMMAND_ID);
        assertThat(fx.execAs(4, -1, (e, c, id, t) -> e.createUser(c, id, t, 1)))
            .isEqualTo(RejectReason.STALE_COMMAND_ID);
        assertThat(fx.execAs(CLIENT, Long.MIN_VALUE, (e, c, id, t) -> e.createUser(c, id, t, 1)))
            .isEqualTo(RejectReason.STALE_COMMAND_ID);
        assertThat(fx.state()).isEqualTo(before);
        assertThat(fx.engine.memory.clientCount()).isEqualTo(1);
    }

    @Test
    void clientsHaveIndependentIdSequences() {
        final EngineFixture fx = new EngineFixture();
        EngineFixture.accept(fx.execAs(100, 1, (e, c, id, t) -> e.createUser(c, id, t, 1)));
        EngineFixture.accept(fx.execAs(200, 1, (e, c, id, t) -> e.createUser(c, id, t, 2)));

        assertThat(fx.engine.userExists(2)).isTrue();
        assertThat(fx.execAs(100, 1, (e, c, id, t) -> e.deposit(c, id, t, 1, BTC, 5, 5)))
            .isEqualTo(RejectReason.NONE);
        assertThat(fx.events.lastResult().duplicate()).isTrue();
        assertThat(fx.available(1, BTC)).isZero();
    }
}
