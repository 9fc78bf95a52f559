package org.candor.testkit;

import java.util.ArrayList;
import java.util.List;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.EngineEvents;
import org.candor.engine.RejectReason;

/**
 * A generated command stream, fixed once, so it can be replayed into several engines (determinism, snapshots). The
 * stream is generated against a live engine, since the generator aims at the orders it sees.
 *
 * @param universe the world the commands live in
 * @param commands the setup commands followed by the generated ones
 */
public record Workload(Universe universe, List<Command> commands) {
    /** The one client id every workload command is sent as. */
    public static final long CLIENT_ID = 1;

    public Workload {
        commands = List.copyOf(commands);
    }

    /** Generates {@code count} commands after the setup, from {@code seed}, against a fresh engine. */
    public static Workload generate(final long seed, final Universe universe, final EngineCapacity capacity,
        final int count) {
        final CommandGenerator generator = new CommandGenerator(seed, universe);
        final Engine engine = new Engine(capacity, new RecordingEvents());
        final List<Command> commands = new ArrayList<>(generator.setup());
        for (int i = 0; i < commands.size(); i++) {
            apply(engine, commands.get(i), i + 1);
        }
        for (int i = 0; i < count; i++) {
            final Command command = generator.next(engine);
            commands.add(command);
            apply(engine, command, commands.size());
        }
        return new Workload(universe, commands);
    }

    /**
     * Sends one command as the workload client; the command id is its 1-based position in the stream and the
     * timestamp follows from it, so a replay from any position frames every command the same way.
     */
    public static RejectReason apply(final Engine engine, final Command command, final long commandId) {
        return command.applyTo(engine, CLIENT_ID, commandId, timeOf(commandId));
    }

    /** The timestamp of the command at 1-based position {@code commandId}: one millisecond per command. */
    public static long timeOf(final long commandId) {
        return 1_700_000_000_000L + commandId;
    }

    /** Replays commands {@code from} (0-based, inclusive) to {@code to} (exclusive) into an engine. */
    public void replay(final Engine engine, final int from, final int to) {
        for (int i = from; i < to; i++) {
            apply(engine, commands.get(i), i + 1);
        }
    }

    /** A fresh engine that has had the whole workload applied. */
    public Engine run(final EngineCapacity capacity, final EngineEvents events) {
        final Engine engine = new Engine(capacity, events);
        replay(engine, 0, commands.size());
        return engine;
    }

    public int size() {
        return commands.size();
    }
}
