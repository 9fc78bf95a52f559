package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.EngineEvents;
import org.junit.jupiter.api.Test;

/** Every event the engine emits, encoded and later decoded, reaches a listener as the same call. */
class EventRoundTripTest {

    @Test
    void scenarioEventsSurviveEncodingIntoALogAndDecodingLater() {
        final ExpandableArrayBuffer log = new ExpandableArrayBuffer();
        final List<int[]> frames = new ArrayList<>();
        final EventEncoder encoder = new EventEncoder((buffer, offset, length) -> {
            final int at = frames.isEmpty() ? 0 : frames.get(frames.size() - 1)[0] + frames.get(frames.size() - 1)[1];
            log.putBytes(at, buffer, offset, length);
            frames.add(new int[] {at, length});
        });
        final RecordingEvents direct = new RecordingEvents();
        final Engine engine = new Engine(EngineCapacity.small(), RecordingEvents.tee(direct.events, encoder));
        Scenario.run(CommandPaths.direct(engine, new ArrayList<>()), direct);

        final RecordingEvents decoded = new RecordingEvents();
        final EventDecoder decoder = new EventDecoder(decoded.events);
        for (final int[] frame : frames) {
            decoder.decode(log, frame[0], frame[1]);
        }

        assertThat(decoded.calls).isEqualTo(direct.calls);
        final List<String> eventNames = Arrays.stream(EngineEvents.class.getMethods()).map(Method::getName).toList();
        assertThat(direct.calls.stream().map(RecordingEvents.Call::name).distinct().toList())
            .containsExactlyInAnyOrderElementsOf(eventNames);
        assertThat(direct.calls.stream().filter(call -> call.name().equals("commandResult")))
            .as("the resent command's result is marked duplicate")
            .anySatisfy(call -> assertThat(call.args().get(7)).isEqualTo(true));
    }

    @Test
    void everyEventFitsTheEncoderBuffer() {
        final int[] longest = new int[1];
        final EventEncoder encoder = new EventEncoder((buffer, offset, length) -> {
            longest[0] = Math.max(longest[0], length);
        });
        CoverageTest.eachEventWithSampleArguments(encoder);
        assertThat(longest[0]).isPositive().isLessThanOrEqualTo(EventEncoder.BUFFER_LENGTH);
    }
}
