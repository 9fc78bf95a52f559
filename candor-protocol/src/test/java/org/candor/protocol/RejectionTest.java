package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.protocol.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bytes the protocol cannot read are refused at the edge and never reach the engine. */
class RejectionTest {
    private static final int TEMPLATE_ID_AT = MessageHeaderDecoder.templateIdEncodingOffset();
    private static final int SCHEMA_ID_AT = MessageHeaderDecoder.schemaIdEncodingOffset();
    private static final int VERSION_AT = MessageHeaderDecoder.versionEncodingOffset();
    private static final int BLOCK_LENGTH_AT = MessageHeaderDecoder.blockLengthEncodingOffset();

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final RecordingEvents events = new RecordingEvents();
    private final Engine engine = new Engine(EngineCapacity.small(), events.events);
    private final CommandDispatcher dispatcher = new CommandDispatcher(engine);
    private int length;

    @BeforeEach
    void encodeAValidCommand() {
        length = new CommandEncoder().createUser(buffer, 0, 1, 1, 1_000, 42);
    }

    @Test
    void unknownTemplateIdIsRejected() {
        buffer.putShort(TEMPLATE_ID_AT, (short) 999);
        assertRefused("reason=unknown-template templateId=999");
    }

    @Test
    void anEventTemplateIsNotACommand() {
        buffer.putShort(TEMPLATE_ID_AT, (short) 101);
        assertRefused("reason=unknown-template templateId=101");
    }

    @Test
    void futureSchemaVersionIsRejected() {
        buffer.putShort(VERSION_AT, (short) (MessageHeaderDecoder.SCHEMA_VERSION + 1));
        assertRefused("reason=unsupported-version version=" + (MessageHeaderDecoder.SCHEMA_VERSION + 1));
    }

    @Test
    void versionZeroIsRejected() {
        buffer.putShort(VERSION_AT, (short) 0);
        assertRefused("reason=unsupported-version version=0");
    }

    @Test
    void anotherSchemaIsRejected() {
        buffer.putShort(SCHEMA_ID_AT, (short) 8);
        assertRefused("reason=unknown-schema schemaId=8");
    }

    @Test
    void truncatedMessagesAreRejected() {
        assertThatThrownBy(() -> dispatcher.dispatch(buffer, 0, 5))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("reason=truncated-header length=5");
        assertThatThrownBy(() -> dispatcher.dispatch(buffer, 0, length - 1))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("reason=truncated-body");
        assertThat(engine.lastEventSeq()).isZero();
    }

    @Test
    void aBlockShorterThanTheVersionNeedsIsRejected() {
        buffer.putShort(BLOCK_LENGTH_AT, (short) 8);
        assertRefused("reason=short-block");
    }

    @Test
    void theValidMessageIsAccepted() {
        assertThat(dispatcher.dispatch(buffer, 0, length)).isEqualTo(RejectReason.NONE);
        assertThat(engine.userExists(42)).isTrue();
    }

    @Test
    void eventDecoderRefusesUnknownTemplatesAndFutureVersions() {
        final EventDecoder decoder = new EventDecoder(events.events);
        final int eventLength = encodeOneEvent();
        buffer.putShort(TEMPLATE_ID_AT, (short) 1);
        assertThatThrownBy(() -> decoder.decode(buffer, 0, eventLength))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("reason=unknown-template templateId=1");
        encodeOneEvent();
        buffer.putShort(VERSION_AT, (short) (MessageHeaderDecoder.SCHEMA_VERSION + 1));
        assertThatThrownBy(() -> decoder.decode(buffer, 0, eventLength))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("reason=unsupported-version");
        assertThat(events.calls).isEmpty();
    }

    @Test
    void stringsTheWireCannotCarryAreRefusedWhenEncoding() {
        final CommandEncoder encoder = new CommandEncoder();
        assertThatThrownBy(() -> encoder.createAsset(buffer, 0, 1, 2, 3, 1, "ABCDEFGHIJKLMNOPQ", 8))
            .isInstanceOf(ProtocolException.class)
            .hasMessage("reason=string-too-long field=code length=17 capacity=16");
        assertThatThrownBy(() -> encoder.createMarket(buffer, 0, 1, 2, 3, 1, "BTC\u20acX", 1, 2, 1, 1, 1, 1, 0, 0, 0))
            .isInstanceOf(ProtocolException.class).hasMessage("reason=string-not-ascii field=symbol index=3");
    }

    @Test
    void nullEnumsAndStringsReachTheEngineAsNullAndAreRejectedThere() {
        final CommandEncoder encoder = new CommandEncoder();
        assertThat(dispatcher.dispatch(buffer, 0, length)).isEqualTo(RejectReason.NONE);
        assertThat(dispatcher.dispatch(buffer, 0, encoder.createAsset(buffer, 0, 1, 2, 3, 1, null, 8)))
            .isEqualTo(RejectReason.INVALID_ARGUMENT);
        dispatcher.dispatch(buffer, 0, encoder.createAsset(buffer, 0, 1, 3, 3, 1, "BTC", 8));
        dispatcher.dispatch(buffer, 0, encoder.createAsset(buffer, 0, 1, 4, 3, 2, "USDT", 6));
        assertThat(dispatcher.dispatch(buffer, 0, encoder.createMarket(buffer, 0, 1, 5, 3, 1, "BTCUSDT", 1, 2,
            10_000, 10_000, 10_000, 100_000_000_000L, 1_000_000, 10, 20))).isEqualTo(RejectReason.NONE);
        assertThat(dispatcher.dispatch(buffer, 0, encoder.placeOrder(buffer, 0, 1, 6, 4, 42, 1, null,
            OrderType.LIMIT, TimeInForce.GTC, 30_000_000_000L, 10_000, 0, 0, StpMode.NONE)))
            .isEqualTo(RejectReason.INVALID_ARGUMENT);
        assertThat(dispatcher.dispatch(buffer, 0, encoder.setMarketStatus(buffer, 0, 1, 7, 5, 1, null)))
            .isEqualTo(RejectReason.INVALID_ARGUMENT);
    }

    private int encodeOneEvent() {
        final int[] encoded = new int[1];
        new EventEncoder((source, offset, eventLength) -> {
            buffer.putBytes(0, source, offset, eventLength);
            encoded[0] = eventLength;
        }).marketStatusChanged(1, 1, MarketStatus.HALTED);
        return encoded[0];
    }

    private void assertRefused(final String expected) {
        assertThatThrownBy(() -> dispatcher.dispatch(buffer, 0, length))
            .isInstanceOf(ProtocolException.class).hasMessageContaining(expected);
        assertThat(engine.lastEventSeq()).isZero();
        assertThat(events.calls).isEmpty();
    }
}
