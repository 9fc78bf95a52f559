package org.candor.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.candor.cluster.CommandResult;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.protocol.EventDecoder;

/**
 * The gateway's one connection to the cluster. {@link ExchangeClient} is single-threaded, so one dedicated thread
 * owns it: HTTP threads put a command on a bounded queue and get a {@link CompletableFuture}; the thread sends queued
 * commands, polls for replies, and completes each future with the command's result and the fills its events carried.
 * A full queue is refused at once (503, -1008) instead of letting requests pile up behind a slow cluster.
 *
 * <p>The reply to a command is one batch of its events with its {@code commandResult} last; the client hands the
 * events to {@link #onEvent} and the result to {@link #onResult} before the result's own event, so the fills
 * gathered since the previous result are exactly this command's.
 */
final class ClusterCommands implements AutoCloseable {
    /** Commands waiting for the sender thread, at most: a few seconds of the cluster's measured throughput. */
    static final int QUEUE_CAPACITY = 4096;
    /** Commands taken off the queue per loop before polling for replies again. */
    static final int DRAIN_MAX = 256;
    private static final long JOIN_TIMEOUT_MS = 5_000;
    /**
     * Longest block on an empty queue with nothing in flight: the client still polls (keep-alives every second,
     * leader changes) at least this often.
     */
    static final long IDLE_WAIT_MS = 100;
    /** Longest park between polls while replies are awaited: measured, 1 ms cost a 2-connection order 2 to 4 ms. */
    static final long IN_FLIGHT_PARK_NS_MAX = 50_000;
    private static final int SPINS = 10;
    private static final int YIELDS = 20;

    private final ExchangeClient client;
    private final long clientId;
    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<Long, Request> inFlight = new HashMap<>();
    private final FillCollector fills = new FillCollector();
    private final EventDecoder decoder = new EventDecoder(fills);
    private final CommandStages stages;
    private final Runnable onAnswer;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Connects on the caller's thread (so a failure is the caller's), then hands the client to the sender thread.
     * {@code onAnswer} runs on that thread after each answer is handed over (the views' follower is woken there: the
     * answer's events are in the journal already, and the handler will wait for them).
     */
    ClusterCommands(final ExchangeClient.Config config, final CommandStages stages, final Runnable onAnswer) {
        this.clientId = config.clientId();
        this.stages = stages;
        this.onAnswer = onAnswer;
        this.client = ExchangeClient.connect(config, this::onResult, this::onEvent);
        this.thread = new Thread(this::run, "candor-gateway-commands");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** This gateway's client id in the engine: the views report its commands' progress under it. */
    long clientId() {
        return clientId;
    }

    /** Queues a command; the future completes when the engine has answered it. */
    CompletableFuture<CommandOutcome> submit(final CommandWriter writer) {
        final Request request = new Request(writer, new CompletableFuture<>(), System.nanoTime());
        if (!running || !queue.offer(request)) {
            throw ErrorMapper.overloaded();
        }
        return request.future;
    }

    /**
     * The sender loop. If the client itself fails (not a command: the connection machinery), every waiting request
     * fails at once and new ones are refused, rather than each waiting out its timeout.
     */
    private void run() {
        try {
            sendAndPoll();
            failAll(new IllegalStateException("reason=gateway-closed"));
        } catch (RuntimeException e) {
            running = false;
            failAll(e);
        }
    }

    /**
     * Sends what the handlers queued and polls for replies. With nothing in flight the thread blocks on the queue
     * (woken by the next command at once, or after {@link #IDLE_WAIT_MS} to poll for keep-alives): a parked backoff
     * there added up to its whole park, 1 ms, to a command that arrived while it slept. With commands in flight it
     * backs off to at most {@link #IN_FLIGHT_PARK_NS_MAX} between polls, so a reply waits no longer than that.
     */
    private void sendAndPoll() {
        final IdleStrategy idle = new BackoffIdleStrategy(SPINS, YIELDS, 1_000, IN_FLIGHT_PARK_NS_MAX);
        final List<Request> batch = new ArrayList<>(DRAIN_MAX);
        while (running) {
            if (inFlight.isEmpty()) {
                final Request first = awaitCommand();
                if (first != null) {
                    batch.add(first);
                }
            }
            queue.drainTo(batch, DRAIN_MAX);
            for (final Request request : batch) {
                try {
                    inFlight.put(client.send(request.writer), request);
                } catch (RuntimeException e) {
                    request.future.completeExceptionally(e);
                }
            }
            final int sent = batch.size();
            batch.clear();
            idle.idle(sent + client.poll());
        }
    }

    /** The next queued command, or null after {@link #IDLE_WAIT_MS} (or when interrupted, to stop). */
    private Request awaitCommand() {
        try {
            return queue.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    private void onEvent(final DirectBuffer buffer, final int offset, final int length) {
        decoder.decode(buffer, offset, length);
    }

    private void onResult(final CommandResult result) {
        final List<Fill> taken = fills.take();
        final Request request = inFlight.remove(result.commandId());
        if (request != null) {
            stages.cluster(request.submittedNs, System.nanoTime());
            request.future.complete(new CommandOutcome(result, taken));
            onAnswer.run();
        }
    }

    private void failAll(final RuntimeException cause) {
        inFlight.values().forEach(request -> request.future.completeExceptionally(cause));
        inFlight.clear();
        final List<Request> waiting = new ArrayList<>();
        queue.drainTo(waiting);
        waiting.forEach(request -> request.future.completeExceptionally(cause));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    /** Waits for a future with a bound; -1007 when the cluster did not answer in time. */
    static CommandOutcome await(final CompletableFuture<CommandOutcome> future, final long timeoutMs) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorMapper.timeout();
        } catch (TimeoutException e) {
            throw ErrorMapper.timeout();
        } catch (ExecutionException e) {
            throw ErrorMapper.unknown();
        }
    }

    private record Request(CommandWriter writer, CompletableFuture<CommandOutcome> future, long submittedNs) {
    }

    /** Gathers the taker side of each trade until the next result takes them. */
    private static final class FillCollector extends IgnoringEvents {
        private final List<Fill> fills = new ArrayList<>();

        @Override
        public void trade(final long seq, final long tradeId, final int marketId, final long price,
            final long quantity, final long quoteAmount, final long makerOrderId, final long takerOrderId,
            final long makerUserId, final long takerUserId, final Side takerSide, final long makerFee,
            final long takerFee, final long makerRemaining, final long takerRemaining) {
            fills.add(new Fill(tradeId, price, quantity, quoteAmount, takerFee));
        }

        @Override
        public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
            final RejectReason reason, final long reference, final long firstSeq,
            final boolean duplicate) {
            fills.clear();
        }

        List<Fill> take() {
            final List<Fill> taken = new ArrayList<>(fills);
            fills.clear();
            return taken;
        }
    }
}
