package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.ReleaseCondition;
import org.candor.protocol.sbe.HoldPlacedEventEncoder;
import org.candor.protocol.sbe.MessageHeaderEncoder;
import org.candor.protocol.sbe.PlaceHoldCommandEncoder;
import org.candor.protocol.sbe.RejectHoldCommandEncoder;
import org.junit.jupiter.api.Test;

/** The hold messages of schema version 2: UTF-8 texts, and how version 1 hold messages are treated. */
class HoldWireTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandEncoder.MAX_COMMAND_LENGTH]);
    private final RecordingEvents events = new RecordingEvents();
    private final CommandDispatcher dispatcher = new CommandDispatcher(new Engine(EngineCapacity.small(),
        events.events));
    private final CommandEncoder encoder = new CommandEncoder();

    private int placeHold(final String explanation) {
        return encoder.placeHold(buffer, 0, 1, 1, 1_000, 5, 1, 100, HoldKind.AMOUNT, HoldReason.COURT_ORDER,
            explanation, 9, 2_000, ReleaseCondition.OPERATOR_RELEASE, 0, 0);
    }

    @Test
    void theTextFieldIsAsLongAsTheEnginesLimit() {
        assertThat(PlaceHoldCommandEncoder.explanationLength()).isEqualTo(HoldPolicy.TEXT_BYTES_MAX);
        assertThat(RejectHoldCommandEncoder.justificationLength()).isEqualTo(HoldPolicy.TEXT_BYTES_MAX);
    }

    @Test
    void theEncoderRefusesTextsTheFieldCannotCarry() {
        assertThatThrownBy(() -> placeHold("é".repeat(81))).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=string-too-long field=explanation bytes=162");
        assertThatThrownBy(() -> placeHold("a\0b")).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=string-has-nul");
        assertThatThrownBy(() -> placeHold("\uDC00")).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=string-not-utf16");
    }

    @Test
    void malformedUtf8IsRefusedBeforeTheEngine() {
        final int length = placeHold("ok");
        buffer.putByte(MessageHeaderEncoder.ENCODED_LENGTH + PlaceHoldCommandEncoder.explanationEncodingOffset(),
            (byte) 0xC3);
        assertThatThrownBy(() -> dispatcher.dispatch(buffer, 0, length)).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=string-not-utf8 field=explanation");
        assertThat(events.calls).isEmpty();
    }

    @Test
    void aVersionOnePlaceHoldIsRefusedAsRetired() {
        final int length = placeHold("ok");
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short) 1);
        assertThatThrownBy(() -> dispatcher.dispatch(buffer, 0, length)).isInstanceOf(ProtocolException.class)
            .hasMessageContaining("reason=retired-message templateId=10 version=1");
        assertThat(events.calls).isEmpty();
    }

    @Test
    void aVersionOneHoldPlacedEventDecodesAsAnActiveAmountHold() {
        final HoldPlacedEventEncoder v1 = new HoldPlacedEventEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final UnsafeBuffer log = new UnsafeBuffer(new byte[EventEncoder.BUFFER_LENGTH]);
        v1.wrapAndApplyHeader(log, 0, header).seq(3).holdId(4).userId(5).assetId(6).amount(7)
            .reason((short) HoldReason.USER_REQUEST.code()).operatorId(8);
        final int v1BlockLength = HoldPlacedEventEncoder.operatorIdEncodingOffset() + Long.BYTES;
        header.version(1).blockLength(v1BlockLength);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + v1BlockLength;

        new EventDecoder(events.events).decode(log, 0, length);

        assertThat(events.calls).hasSize(1);
        assertThat(events.calls.get(0).args()).containsExactly(3L, 4L, 5L, 6, 7L, HoldKind.AMOUNT,
            HoldReason.USER_REQUEST, "", 8L, 0L, ReleaseCondition.OPERATOR_RELEASE, 0L, 0L, HoldState.ACTIVE);
    }
}
