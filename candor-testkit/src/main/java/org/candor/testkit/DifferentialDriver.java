package org.candor.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;

/**
 * Runs the engine and the {@link ReferenceExchange} side by side on the same commands and reports the first
 * disagreement: a different verdict, a different result reference, or a different book or balance. A report names
 * the step, the command, both outcomes, the differing state and the commands just before, so a failure can be
 * reproduced from its seed and cut down.
 */
public final class DifferentialDriver {
    private static final int RECENT = 12;

    private final Universe universe;
    private final RecordingEvents events = new RecordingEvents();
    private final Engine engine;
    private final ReferenceExchange reference;
    private final Deque<String> recent = new ArrayDeque<>();
    private long commandId;
    private RejectReason lastReason;

    public DifferentialDriver(final Universe universe, final EngineCapacity capacity) {
        this.universe = universe;
        this.engine = new Engine(capacity, events);
        this.reference = new ReferenceExchange(capacity);
    }

    public Engine engine() {
        return engine;
    }

    public ReferenceExchange reference() {
        return reference;
    }

    /** The engine's verdict on the last command stepped. */
    public RejectReason lastReason() {
        return lastReason;
    }

    /** The events the engine emitted for the last command stepped. */
    public List<RecordingEvents.Event> lastEvents() {
        return events.events();
    }

    /**
     * Applies one command to both and compares verdicts (and, when {@code compareState}, books and balances).
     * Returns a description of the disagreement, or null when they agree.
     */
    public String step(final Command command, final boolean compareState) {
        events.clear();
        final long id = ++commandId;
        final RejectReason engineReason = Workload.apply(engine, command, id);
        lastReason = engineReason;
        final long engineReference = events.lastResult() == null ? 0 : events.lastResult().reference();
        final long now = Workload.timeOf(id);
        // The engine fires due deadlines before every command; the reference does so explicitly.
        reference.holds().advanceTime(now);
        reference.policies().advanceTime(now);
        final RejectReason referenceReason = command.applyTo(reference, engineReference, now);
        remember(id + ": " + command + " -> " + engineReason);
        if (engineReason != referenceReason) {
            return report(id, command, "engine " + engineReason + " but reference " + referenceReason);
        }
        if (engineReason == RejectReason.NONE && !(command instanceof Command.PlaceOrder)
            && !(command instanceof Command.AdvanceTime) && engineReference != reference.lastReference()) {
            return report(id, command, "engine reference " + engineReference + " but reference "
                + reference.lastReference());
        }
        if (engineReason == RejectReason.DEPOSIT_ALREADY_CREDITED && engineReference != reference.lastReference()) {
            return report(id, command, "refused deposit names " + engineReference + " but reference "
                + reference.lastReference());
        }
        return compareState ? compareState(id, command) : null;
    }

    /** Compares books and balances now; returns a description of the differences, or null. */
    public String compareState(final long id, final Command command) {
        final List<String> differences = ExchangeState.of(engine, universe).differences(reference.state());
        if (differences.isEmpty()) {
            return null;
        }
        return report(id, command, "state differs (engine vs reference):\n  " + String.join("\n  ",
            differences.subList(0, Math.min(20, differences.size()))));
    }

    /** Runs every command, comparing after each; returns the first disagreement or null. */
    public String run(final List<Command> commands) {
        for (final Command command : commands) {
            final String mismatch = step(command, true);
            if (mismatch != null) {
                return mismatch;
            }
        }
        return null;
    }

    private void remember(final String line) {
        recent.addLast(line);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
    }

    private String report(final long id, final Command command, final String what) {
        return "step " + id + " " + command + ": " + what + "\nrecent commands:\n  " + String.join("\n  ", recent);
    }
}
