package org.candor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At-most-once application: commands come from three clients with increasing, gapped command ids, and now and then
 * an old command is sent again. A resend still in the client's result window gets its original verdict, reference
 * and first sequence, marked duplicate; one that fell out of the window, or an id that was skipped, is refused as
 * stale. Either way books and balances do not change and every invariant still holds.
 */
class CommandResendPropertiesTest {
    /** A window of 64 results per client, small enough that resends regularly fall out of it. */
    private static final EngineCapacity CAPACITY = new EngineCapacity(64, 16, 8, 512, 1024, 64, 512, 64, 64, 8, 64);
    private static final int CLIENTS = 3;

    static LongStream aResentCommandIsAnsweredWithItsOriginalResultAndChangesNothingTrials() {
        return Trials.seeds("aResentCommandIsAnsweredWithItsOriginalResultAndChangesNothing", 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("aResentCommandIsAnsweredWithItsOriginalResultAndChangesNothingTrials")
    void aResentCommandIsAnsweredWithItsOriginalResultAndChangesNothing(final long seed) {
        final Trials.Trial trial = new Trials.Trial(seed);
        final int users = trial.intIn(1, 8);
        final int markets = trial.intIn(1, 3);
        final Universe universe = Universe.standard(users, markets);
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final RecordingEvents events = new RecordingEvents();
        final Engine engine = new Engine(CAPACITY, events);
        final Random random = new Random(seed);
        final List<List<Sent>> sent = new ArrayList<>();
        final long[] lastIds = new long[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            sent.add(new ArrayList<>());
        }
        final List<Command> setup = generator.setup();
        final List<Resend> outcomes = new ArrayList<>();
        for (int i = 0; i < setup.size() + 1_500; i++) {
            final Command command = i < setup.size() ? setup.get(i) : generator.next(engine);
            if (command instanceof Command.AdvanceTime) {
                // A timer tick is not a framed command: it has no id to resend.
                command.applyTo(engine, 0, 0, i);
                continue;
            }
            final int client = random.nextInt(CLIENTS);
            lastIds[client] += 1 + random.nextInt(3);
            events.clear();
            command.applyTo(engine, client + 1, lastIds[client], i);
            sent.get(client).add(new Sent(command, lastIds[client], events.lastResult()));
            if (random.nextInt(10) == 0) {
                outcomes.add(resend(engine, events, universe, sent.get(random.nextInt(CLIENTS)), random));
            }
        }
        assertThat(outcomes).contains(Resend.DUPLICATE, Resend.STALE);
    }

    private static Resend resend(final Engine engine, final RecordingEvents events, final Universe universe,
        final List<Sent> history, final Random random) {
        if (history.isEmpty()) {
            return Resend.SKIPPED;
        }
        final int index = random.nextInt(history.size());
        final Sent original = history.get(index);
        final boolean skippedId = random.nextInt(4) == 0;
        final long commandId = skippedId ? original.commandId() - 1 : original.commandId();
        final boolean skipped = skippedId && (index == 0 || history.get(index - 1).commandId() != commandId);
        if (skippedId && !skipped) {
            return Resend.SKIPPED;
        }
        final ExchangeState before = ExchangeState.of(engine, universe);
        events.clear();
        final long clientId = original.result().clientId();
        final RejectReason reason = original.command().applyTo(engine, clientId, commandId, 0);
        final RecordingEvents.CommandResult result = events.lastResult();
        assertThat(events.size()).isEqualTo(1);
        final boolean remembered = !skipped && history.size() - index <= CAPACITY.resultsPerClient();
        if (remembered) {
            assertThat(reason).isEqualTo(original.result().reason());
            assertThat(result.duplicate()).isTrue();
            assertThat(result.reference()).isEqualTo(original.result().reference());
            assertThat(result.firstSeq()).isEqualTo(original.result().firstSeq());
        } else {
            assertThat(reason).as("resend of %d by client %d", commandId, clientId)
                .isEqualTo(RejectReason.STALE_COMMAND_ID);
            assertThat(result.duplicate()).isFalse();
        }
        assertThat(ExchangeState.of(engine, universe)).isEqualTo(before);
        engine.checkInvariants();
        assertThat(engine.recomputeDigest()).isEqualTo(engine.digest());
        return remembered ? Resend.DUPLICATE : Resend.STALE;
    }

    /** What became of one resend. */
    private enum Resend {
        DUPLICATE,
        STALE,
        SKIPPED
    }

    /** A command as first sent, with the id it went under and the result the engine gave it. */
    private record Sent(Command command, long commandId, RecordingEvents.CommandResult result) {
    }
}
