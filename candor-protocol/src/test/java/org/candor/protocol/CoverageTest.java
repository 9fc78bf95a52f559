package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.EngineEvents;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.Test;

/**
 * Fails when the engine gains a command or an event that the protocol cannot carry. Commands and events are found
 * by reflection, so nobody has to remember to add them here.
 */
class CoverageTest {

    /** The engine's public commands: they return a RejectReason and start with client, command id and time. */
    static List<Method> engineCommands() {
        return Arrays.stream(Engine.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getReturnType() == RejectReason.class && m.getParameterCount() >= 3)
            .filter(m -> Arrays.asList(m.getParameterTypes()).subList(0, 3)
                .equals(List.of(long.class, long.class, long.class)))
            .sorted(Comparator.comparing(Method::getName))
            .toList();
    }

    @Test
    void everyEngineCommandIsEncodedAndDispatchedWithItsArguments() throws ReflectiveOperationException {
        final List<Method> commands = engineCommands();
        assertThat(commands).hasSize(34);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandEncoder.MAX_COMMAND_LENGTH]);
        final CommandEncoder encoder = new CommandEncoder();
        for (final Method command : commands) {
            final Method encode = CommandPaths.encoderMethod(command.getName(), command.getParameterTypes());
            assertThat(encode.getReturnType()).isEqualTo(int.class);
            final Object[] args = SampleArguments.of(command.getParameterTypes());

            final RecordingEvents direct = new RecordingEvents();
            final Object expected = command.invoke(new Engine(EngineCapacity.small(), direct.events), args);
            final int length = (int) encode.invoke(encoder, CommandPaths.withBuffer(buffer, 0, args));
            assertThat(length).isLessThanOrEqualTo(CommandEncoder.MAX_COMMAND_LENGTH);
            final RecordingEvents wire = new RecordingEvents();
            final Engine engine = new Engine(EngineCapacity.small(), wire.events);
            final RejectReason actual = new CommandDispatcher(engine).dispatch(buffer, 0, length);

            assertThat(actual).as(command.getName()).isEqualTo(expected);
            assertThat(wire.calls).as(command.getName()).isEqualTo(direct.calls).isNotEmpty();
        }
    }

    @Test
    void theTestInterfaceHasExactlyTheEngineCommands() {
        final List<String> engine = engineCommands().stream().map(Method::getName).toList();
        final List<String> tests = Arrays.stream(Commands.class.getMethods()).map(Method::getName).sorted().toList();
        assertThat(tests).isEqualTo(engine);
    }

    @Test
    void everyEngineEventIsEncodedAndDecodedWithItsArguments() {
        final RecordingEvents decoded = new RecordingEvents();
        final EventDecoder decoder = new EventDecoder(decoded.events);
        final EventEncoder encoder = new EventEncoder(decoder::decode);
        final RecordingEvents expected = new RecordingEvents();
        eachEventWithSampleArguments(RecordingEvents.tee(expected.events, encoder));

        assertThat(expected.calls).hasSize(EngineEvents.class.getMethods().length);
        assertThat(decoded.calls).isEqualTo(expected.calls);
    }

    /** Calls every event method of {@code events} once, with distinct sample arguments. */
    static void eachEventWithSampleArguments(final EngineEvents events) {
        for (final Method event : EngineEvents.class.getMethods()) {
            try {
                event.invoke(events, SampleArguments.of(event.getParameterTypes()));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(event.getName(), e);
            }
        }
    }
}
