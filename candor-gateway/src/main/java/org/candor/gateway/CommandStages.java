package org.candor.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Where a command's time goes in this gateway, as timers on its metrics ({@code candor_gateway_command_stage_seconds}
 * with a {@code stage} tag), so an operator can tell a slow cluster from a slow gateway, and {@code candor bench
 * api} can print the breakdown of the orders it measured:
 * <ul>
 *   <li>{@code cluster}: from the handler's submit to the engine's answer on the client thread (the queue, the
 *       client thread's send, the node's hops, the reply);</li>
 *   <li>{@code answer_wait}: from the handler's submit to the handler holding the answer ({@code cluster} plus
 *       the hand-over from the client thread);</li>
 *   <li>{@code views}: from the answer to the gateway's views having applied the command (read-your-writes).</li>
 * </ul>
 * Recording costs a clock read and an atomic add per stage.
 */
final class CommandStages {
    static final String METER = "candor.gateway.command.stage";

    private final Timer cluster;
    private final Timer answerWait;
    private final Timer views;

    CommandStages(final MeterRegistry registry) {
        this.cluster = timer(registry, "cluster", "Submit to the engine's answer");
        this.answerWait = timer(registry, "answer_wait", "Handler wait from submit to the answer");
        this.views = timer(registry, "views", "Answer to the views having applied the command");
    }

    private static Timer timer(final MeterRegistry registry, final String stage, final String description) {
        return Timer.builder(METER).tag("stage", stage).description(description).register(registry);
    }

    void cluster(final long submittedNs, final long answeredNs) {
        cluster.record(answeredNs - submittedNs, TimeUnit.NANOSECONDS);
    }

    void handler(final long submittedNs, final long answerTakenNs, final long viewsNs) {
        answerWait.record(answerTakenNs - submittedNs, TimeUnit.NANOSECONDS);
        views.record(viewsNs - answerTakenNs, TimeUnit.NANOSECONDS);
    }
}
