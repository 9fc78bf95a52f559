package org.candor.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.candor.engine.Bucket;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.junit.jupiter.api.Test;

/** Every command sent through the wire reaches the engine with the same arguments as a direct call. */
class CommandRoundTripTest {

    @Test
    void scenarioThroughTheWireMatchesDirectCalls() {
        final RecordingEvents directEvents = new RecordingEvents();
        final Engine directEngine = new Engine(EngineCapacity.small(), directEvents.events);
        final List<String> directSent = new ArrayList<>();
        final List<RejectReason> direct = Scenario.run(CommandPaths.direct(directEngine, directSent), directEvents);

        final RecordingEvents wireEvents = new RecordingEvents();
        final Engine wireEngine = new Engine(EngineCapacity.small(), wireEvents.events);
        final List<String> wireSent = new ArrayList<>();
        final List<RejectReason> wire = Scenario.run(CommandPaths.wire(wireEngine, wireSent), wireEvents);

        assertThat(wire).isEqualTo(direct);
        assertThat(wireEvents.calls).isEqualTo(directEvents.calls);
        assertThat(wireEngine.digest()).isEqualTo(directEngine.digest());
        assertThat(wireEngine.lastEventSeq()).isEqualTo(directEngine.lastEventSeq());
        wireEngine.checkInvariants();

        final List<String> commandNames = Arrays.stream(Commands.class.getMethods()).map(Method::getName).toList();
        assertThat(wireSent).containsAll(commandNames);
    }

    @Test
    void scenarioDoesWhatItSays() {
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(EngineCapacity.small(), events.events);
        final List<RejectReason> results = Scenario.run(CommandPaths.wire(engine, new ArrayList<>()), events);

        assertThat(results).contains(RejectReason.UNKNOWN_USER, RejectReason.POST_ONLY_WOULD_TAKE,
            RejectReason.INVALID_ARGUMENT, RejectReason.MARKET_HALTED, RejectReason.UNKNOWN_ORDER,
            RejectReason.INSUFFICIENT_FUNDS, RejectReason.UNKNOWN_HOLD, RejectReason.SELF_APPROVAL,
            RejectReason.HOLD_EXPLANATION_INVALID);
        for (final String event : List.of("holdEscalated", "holdReleased", "holdRenewed", "holdRejected")) {
            assertThat(events.calls).as(event).anyMatch(call -> call.name().equals(event));
        }
        assertThat(events.calls).as("the operational hold released itself at its deadline")
            .anyMatch(call -> call.name().equals("holdReleased") && call.args().get(3).equals(true));
        assertThat(events.calls).as("the explanation survived the wire in UTF-8")
            .anyMatch(call -> call.name().equals("holdPlaced") && call.args().get(7).equals(
                "Revue de conformité : dépôt élevé ✓"));
        assertThat(events.calls.stream().filter(call -> call.name().equals("trade")).count()).isGreaterThanOrEqualTo(3);
        assertThat(engine.balance(Engine.SYSTEM_USER_ID, Scenario.USDT, Bucket.FEES)).isPositive();
    }
}
