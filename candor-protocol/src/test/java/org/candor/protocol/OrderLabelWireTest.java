package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.protocol.sbe.MessageHeaderDecoder;
import org.candor.protocol.sbe.MessageHeaderEncoder;
import org.candor.protocol.sbe.OrderLabelledEventDecoder;
import org.candor.protocol.sbe.PlaceOrderCommandEncoder;
import org.junit.jupiter.api.Test;

/**
 * Schema version 5: an order's client order label on the wire (decision 0016). A version 4 order still places, with
 * no label; events other than the new one keep version 4 in their header, so a journal written by version 4 replays
 * byte for byte.
 */
class OrderLabelWireTest {
    private static final long CLIENT = 1;
    private static final int BTC = 1;
    private static final int USDT = 2;
    private static final int MARKET = 1;
    private static final long USER = 5;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandEncoder.MAX_COMMAND_LENGTH]);
    private final RecordingEvents events = new RecordingEvents();
    private final List<int[]> versions = new ArrayList<>();
    private final Engine engine = new Engine(EngineCapacity.small(), RecordingEvents.tee(events.events,
        new EventEncoder((bytes, offset, length) -> versions.add(new int[] {
            bytes.getShort(offset + MessageHeaderEncoder.templateIdEncodingOffset()),
            bytes.getShort(offset + MessageHeaderEncoder.versionEncodingOffset())}))));
    private final CommandDispatcher dispatcher = new CommandDispatcher(engine);
    private final CommandEncoder encoder = new CommandEncoder();
    private long commandId;

    OrderLabelWireTest() {
        ok(engine.createAsset(CLIENT, ++commandId, 1, BTC, "BTC", 8));
        ok(engine.createAsset(CLIENT, ++commandId, 1, USDT, "USDT", 6));
        ok(engine.createMarket(CLIENT, ++commandId, 1, MARKET, "BTCUSDT", BTC, USDT, 10_000, 10_000, 10_000,
            100_000_000_000L, 1_000_000, 10, 20));
        ok(engine.createUser(CLIENT, ++commandId, 1, USER));
        ok(engine.deposit(CLIENT, ++commandId, 1, USER, USDT, 100_000_000_000L, 1));
    }

    private int placeOrder(final long clientOrderId, final String label) {
        return encoder.placeOrder(buffer, 0, CLIENT, ++commandId, 2, USER, MARKET, Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 30_000_000_000L, 10_000_000, 0, clientOrderId, StpMode.NONE, label);
    }

    @Test
    void aLabelledOrderComesOutWithItsLabelInAVersionFiveEvent() {
        versions.clear();
        events.calls.clear();
        ok(dispatcher.dispatch(buffer, 0, placeOrder(42, "x-AbC.1:2/3_4")));

        assertThat(events.calls.get(1).name()).isEqualTo("orderLabelled");
        assertThat(events.calls.get(1).args().subList(2, 5)).containsExactly(USER, 42L, "x-AbC.1:2/3_4");
        for (final int[] event : versions) {
            assertThat(event[1]).as("template %d", event[0]).isEqualTo(
                event[0] == OrderLabelledEventDecoder.TEMPLATE_ID ? 5 : EventEncoder.UNCHANGED_EVENT_VERSION);
        }
        assertThat(MessageHeaderDecoder.SCHEMA_VERSION).isEqualTo(5);
    }

    /** A command written by version 4 has a shorter block and no label: it places exactly as it did. */
    @Test
    void aVersionFourOrderPlacesWithoutALabel() {
        final int v5Length = placeOrder(43, "");
        final int v4Block = PlaceOrderCommandEncoder.clientOrderLabelEncodingOffset();
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 4);
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short) v4Block);
        assertThat(v4Block).isLessThan(v5Length - MessageHeaderEncoder.ENCODED_LENGTH);
        events.calls.clear();

        ok(dispatcher.dispatch(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + v4Block));

        assertThat(events.calls.get(0).name()).isEqualTo("orderAccepted");
        assertThat(events.calls).noneMatch(call -> call.name().equals("orderLabelled"));
    }

    @Test
    void aShortVersionFiveOrderIsRefused() {
        placeOrder(44, "bot-1");
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(),
            (short) PlaceOrderCommandEncoder.clientOrderLabelEncodingOffset());
        assertThatThrownBy(() -> dispatcher.dispatch(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH
            + PlaceOrderCommandEncoder.clientOrderLabelEncodingOffset())).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=short-block");
    }

    @Test
    void theEncoderRefusesLabelsTheFieldCannotCarry() {
        assertThat(PlaceOrderCommandEncoder.clientOrderLabelLength()).isEqualTo(
            org.candor.engine.OrderRules.CLIENT_ORDER_LABEL_MAX);
        assertThatThrownBy(() -> placeOrder(45, "x".repeat(37))).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=string-too-long field=clientOrderLabel");
        assertThatThrownBy(() -> placeOrder(45, "caf\u00e9")).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=string-not-ascii field=clientOrderLabel");
    }

    /** The engine, not the wire, judges what a label may hold: printable ASCII it refuses is refused by it. */
    @Test
    void aLabelTheEngineRefusesComesBackAsARejection() {
        assertThat(dispatcher.dispatch(buffer, 0, placeOrder(46, "has space"))).isEqualTo(
            RejectReason.INVALID_ARGUMENT);
    }

    private static void ok(final RejectReason reason) {
        assertThat(reason).isEqualTo(RejectReason.NONE);
    }
}
