package org.candor.gateway;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.candor.cluster.CommandWriter;

/**
 * Commands for handlers: send one and wait for the engine's answer, bounded; and read-your-writes for reads. After
 * a command is answered its id is the newest acknowledged; {@link #catchUp()} makes a reader wait until the views
 * have applied it, so whatever the gateway told anyone is visible to everyone's next read.
 */
final class EngineCommands {
    /**
     * Longest a handler waits for the cluster: above a leader failover (about 1.5 s) plus the client's resend delay
     * (2 s), below the point where an HTTP client gives up.
     */
    static final long COMMAND_TIMEOUT_MS = 10_000;
    /** Longest a reader waits for the views to apply an acknowledged command (normally well under 1 ms). */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterCommands commands;
    private final ReadViews views;
    private final CommandStages stages;
    private final AtomicLong lastAcknowledged = new AtomicLong();
    /** The views' sequence once they had applied the newest acknowledged command: history waits for it. */
    private final AtomicLong lastAcknowledgedSeq = new AtomicLong();

    EngineCommands(final ClusterCommands commands, final ReadViews views, final CommandStages stages) {
        this.commands = commands;
        this.views = views;
        this.stages = stages;
    }

    /** Sends a command, waits for its answer, then for the views to have applied it. */
    CommandOutcome execute(final CommandWriter writer) {
        final long submittedNs = System.nanoTime();
        final CompletableFuture<CommandOutcome> answer = commands.submit(writer);
        final CommandOutcome outcome = ClusterCommands.await(answer, COMMAND_TIMEOUT_MS);
        final long answerTakenNs = System.nanoTime();
        lastAcknowledged.accumulateAndGet(outcome.result().commandId(), Math::max);
        views.awaitCommand(commands.clientId(), outcome.result().commandId(), CATCH_UP_TIMEOUT);
        stages.handler(submittedNs, answerTakenNs, System.nanoTime());
        lastAcknowledgedSeq.accumulateAndGet(views.lastSeq(), Math::max);
        return outcome;
    }

    /**
     * An event sequence at or after the result of every command this gateway has acknowledged (always the end of a
     * command): a projection that has committed it shows the caller's own writes.
     */
    long acknowledgedSeq() {
        return lastAcknowledgedSeq.get();
    }

    /** Waits until the views reflect every command this gateway has acknowledged. */
    void catchUp() {
        final long acknowledged = lastAcknowledged.get();
        if (acknowledged > 0) {
            views.awaitCommand(commands.clientId(), acknowledged, CATCH_UP_TIMEOUT);
        }
    }
}
