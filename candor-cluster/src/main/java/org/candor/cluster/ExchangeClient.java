package org.candor.cluster;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.logbuffer.Header;
import io.aeron.security.CredentialsSupplier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.EngineCapacity;
import org.candor.engine.RejectReason;
import org.candor.protocol.CommandEncoder;
import org.candor.protocol.EncodedEventHandler;
import org.candor.protocol.sbe.CommandResultEventDecoder;
import org.candor.protocol.sbe.MessageHeaderDecoder;

/**
 * A client of the exchange cluster. It numbers its commands (one client id, command ids strictly increasing),
 * sends them as protocol messages, and matches each {@code commandResult} that comes back to its command. A
 * command is acknowledged when its result arrives; the cluster only answers after the command is committed.
 *
 * <p>Delivery. Until acknowledged, a command stays in the in-flight window and is sent again after a reconnect, a
 * new leader, or {@link #RESEND_AFTER_NS} without an answer. That is safe because the engine remembers recent
 * results per client and answers a resend with the original result ({@code duplicate} set) instead of applying it
 * again. The window is bounded by the engine's memory ({@link #IN_FLIGHT_LIMIT}), so a resend always finds it.
 *
 * <p>Leaders. The ingress endpoints name every member of the cluster; Aeron sends to the one that leads and
 * switches when a new leader is announced. Commands the client could not offer meanwhile (no connection yet) are
 * retried every {@link #UNSENT_RETRY_NS}, in id order, newer ones held behind them; a closed session is
 * reconnected on the next {@link #poll}, and an attempt that finds no leader is simply retried.
 *
 * <p>The caller's thread does everything: {@link #send}, {@link #submit} and {@link #poll} (which also sends
 * keep-alives when idle). Not thread-safe. A client restarted with the same client id must start its command ids
 * above the last it used ({@link Config#firstCommandId}); otherwise its commands are answered as resends.
 */
public final class ExchangeClient implements AutoCloseable {
    /**
     * The largest in-flight window: the engine's per-client result memory. A larger window could let the oldest
     * unacknowledged command leave that memory, and its resend would be refused as stale.
     */
    public static final int IN_FLIGHT_LIMIT = EngineCapacity.RESULTS_PER_CLIENT;
    /** Default window: 1,024 in flight measured near 1 M round trips/s on one node, far below the limit. */
    public static final int IN_FLIGHT_DEFAULT = 1024;
    /** Keep-alive when nothing was sent for 1 s: a tenth of the cluster's 10 s session timeout. */
    public static final long KEEP_ALIVE_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /**
     * A command unanswered this long is sent again: its reply may have been dropped under back-pressure. 2 s is far
     * above a round trip (sub-millisecond) and below the point where a user would notice.
     */
    public static final long RESEND_AFTER_NS = TimeUnit.SECONDS.toNanos(2);
    /**
     * Longest wait for room in the in-flight window before {@link #send} gives up with an exception: a window that
     * stays full this long means no results are coming back (the cluster is down or partitioned), which the caller
     * must hear about rather than hang on. 30 s covers several elections.
     */
    public static final long WINDOW_WAIT_MAX_NS = TimeUnit.SECONDS.toNanos(30);
    /** Longest a single offer retries under back-pressure before leaving the command to the resend path. */
    public static final long OFFER_WAIT_MAX_NS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Pause between attempts to reconnect a closed session. Each attempt already waits up to Aeron's 5 s message
     * timeout for a leader; 100 ms more keeps a cluster without a leader from being flooded with connect requests.
     */
    static final long RECONNECT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * Retry interval for commands that could not be offered (no connection to the leader's ingress, typically just
     * after a new leader is announced). 10 ms keeps a failover from waiting for {@link #RESEND_AFTER_NS} without
     * offering hundreds of commands to a closed door on every poll.
     */
    static final long UNSENT_RETRY_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Commands sent close together travel in one ingress message of up to this many bytes, end to end (about ten
     * orders), and the cluster answers them in one reply: per-message costs in the client, the consensus module and
     * the service are paid once per batch instead of once per command. One UDP frame (MTU 1,408 bytes less
     * headers) carries it whole.
     */
    static final int BATCH_BYTES_MAX = 4_096;
    /**
     * With commands in flight and not a word from the cluster for this long, the client opens a new session and
     * resends. A single node killed and restarted at once sometimes leaves the old session looking alive to both
     * sides until the 10 s session timeout (measured: outages of 13 s instead of 3 s); a leader change is announced
     * long before this (about 1.5 s). A cluster that is only slow (a long snapshot) answers the resends from memory.
     */
    static final long EGRESS_SILENCE_MAX_NS = TimeUnit.SECONDS.toNanos(4);
    /** Ingress goes to the member endpoints given; egress comes back to an ephemeral loopback port. */
    static final String INGRESS_CHANNEL = "aeron:udp?mtu=" + EmbeddedNode.MTU_LENGTH;
    static final String EGRESS_CHANNEL = "aeron:udp?endpoint=127.0.0.1:0|mtu=" + EmbeddedNode.MTU_LENGTH;
    /**
     * Given as the ingress endpoints, the client talks to a single node whose media driver it shares over shared
     * memory both ways: no UDP send, receive or loopback copy for a command or its answer. Measured through the HTTP
     * gateway with 2 connections: the command's round trip from 1.9 ms to 1.0 ms (docs/BENCHMARKS.md). Not for a
     * cluster of several members: a client follows a new leader by its UDP endpoint.
     */
    public static final String IPC_INGRESS = "aeron:ipc";
    /**
     * Egress streams of IPC clients: each client its own, derived from its id, so none reads the answers of the
     * others (two ids on one stream only cost each other filtering by session).
     */
    static final int IPC_EGRESS_STREAM_BASE = 1_000;
    static final int IPC_EGRESS_STREAMS = 1 << 16;

    private final Config config;
    private final ResultListener results;
    private final EncodedEventHandler events;
    private final CommandEncoder encoder = new CommandEncoder();
    private final UnsafeBuffer encodeBuffer = new UnsafeBuffer(new byte[CommandEncoder.MAX_COMMAND_LENGTH]);
    /** Commands waiting to go out together as one ingress message; see {@link #BATCH_BYTES_MAX}. */
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[BATCH_BYTES_MAX]);
    private int batchLength;
    private final InFlightCommands inFlight;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandResultEventDecoder result = new CommandResultEventDecoder();
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private final EgressListener egress = new Egress();
    private AeronCluster cluster;
    private long lastSendNs;
    private long lastResendScanNs;
    private boolean resendAll;
    private long awaitedId;
    private CommandResult awaited;
    private long repliesIgnored;
    private long resends;
    private long reconnectFailures;
    private long silentReconnects;
    private boolean unsent;
    private long lastUnsentRetryNs;
    private long lastReconnectNs;
    private long lastEgressNs;

    private ExchangeClient(final Config config, final ResultListener results, final EncodedEventHandler events) {
        if (config.inFlightMax() < 1 || config.inFlightMax() > IN_FLIGHT_LIMIT) {
            throw new IllegalArgumentException("inFlightMax=" + config.inFlightMax() + " outside [1, "
                + IN_FLIGHT_LIMIT + "]");
        }
        if (config.firstCommandId() < 1) {
            throw new IllegalArgumentException("firstCommandId=" + config.firstCommandId() + " must be positive");
        }
        this.config = config;
        this.results = results;
        this.events = events;
        this.inFlight = new InFlightCommands(config.inFlightMax(), config.firstCommandId());
        this.cluster = AeronCluster.connect(context());
        this.lastSendNs = System.nanoTime();
        this.lastEgressNs = lastSendNs;
    }

    /**
     * Connects to the cluster. {@code results} (may be null) hears every acknowledgement; {@code events} (may be
     * null) receives every event message the cluster sends this client, results included, in the protocol's
     * encoding.
     */
    public static ExchangeClient connect(final Config config, final ResultListener results,
        final EncodedEventHandler events) {
        return new ExchangeClient(config, results, events);
    }

    private AeronCluster.Context context() {
        final AeronCluster.Context context = new AeronCluster.Context()
            .aeronDirectoryName(config.aeronDirectoryName());
        if (IPC_INGRESS.equals(config.ingressEndpoints())) {
            context.ingressChannel(IPC_INGRESS).egressChannel(IPC_INGRESS)
                .egressStreamId(IPC_EGRESS_STREAM_BASE + Math.floorMod(config.clientId(), IPC_EGRESS_STREAMS));
        } else {
            context.ingressChannel(INGRESS_CHANNEL).ingressEndpoints(config.ingressEndpoints())
                .egressChannel(EGRESS_CHANNEL);
        }
        return context
            .credentialsSupplier(new Credentials(ClientCredentials.encode(config.clientId(), config.token())))
            .idleStrategy(new BackoffIdleStrategy())
            .egressListener(egress);
    }

    /** Sends a command (with any batched before it) and waits for its result. */
    public CommandResult submit(final CommandWriter writer, final Duration timeout) {
        awaitedId = inFlight.nextId();
        awaited = null;
        send(writer);
        flush();
        return awaitResult(timeout);
    }

    /**
     * Queues a command, first waiting (and polling) while the in-flight window is full (see
     * {@link InFlightCommands}). It goes out with the next {@link #flush}, {@link #poll} or full batch. Returns its
     * command id; its result goes to the result listener.
     */
    public long send(final CommandWriter writer) {
        idle.reset();
        final long deadlineNs = System.nanoTime() + WINDOW_WAIT_MAX_NS;
        while (!inFlight.hasRoom()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new IllegalStateException("reason=window-full-timeout clientId=" + config.clientId()
                    + " inFlight=" + inFlight.count() + " oldestInFlight=" + inFlight.oldestId());
            }
            idle.idle(poll());
        }
        final long commandId = inFlight.nextId();
        final int length = writer.write(encoder, encodeBuffer, 0, config.clientId(), commandId);
        final long now = System.nanoTime();
        if (inFlight.count() == 0) {
            // Silence only counts while something is awaited: an idle client hears nothing, rightly.
            lastEgressNs = now;
        }
        inFlight.add(encodeBuffer, length, now);
        if (!unsent) {
            // While an older command waits for a connection, this one must not overtake it (see offerBatch).
            append(commandId);
        }
        return commandId;
    }

    /**
     * Sends a command again under an id already used and waits for the answer; for tests of the engine's answer to
     * resends. It is not tracked for resending.
     */
    CommandResult resubmit(final long commandId, final CommandWriter writer, final Duration timeout) {
        if (commandId >= inFlight.nextId()) {
            throw new IllegalArgumentException("commandId=" + commandId + " was never sent");
        }
        awaitedId = commandId;
        awaited = null;
        final int length = writer.write(encoder, encodeBuffer, 0, config.clientId(), commandId);
        if (!flush() || length > BATCH_BYTES_MAX) {
            throw new IllegalStateException("reason=resubmit-not-sent commandId=" + commandId);
        }
        batch.putBytes(0, encodeBuffer, 0, length);
        batchLength = length;
        flush();
        return awaitResult(timeout);
    }

    /** Adds an in-flight command to the batch, sending the batch first if it has no room; false if that failed. */
    private boolean append(final long commandId) {
        final int length = inFlight.length(commandId);
        if (batchLength + length > BATCH_BYTES_MAX && !flush()) {
            return false;
        }
        inFlight.copy(commandId, batch, batchLength);
        batchLength += length;
        return true;
    }

    /**
     * Sends the batched commands as one message. Returns whether they went out; if not they stay in flight, marked
     * unsent, for the resend path.
     */
    public boolean flush() {
        if (batchLength == 0) {
            return true;
        }
        final boolean sent = offerBatch();
        batchLength = 0;
        return sent;
    }

    private CommandResult awaitResult(final Duration timeout) {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        idle.reset();
        while (awaited == null) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new IllegalStateException("reason=result-timeout clientId=" + config.clientId()
                    + " commandId=" + awaitedId);
            }
            idle.idle(poll());
        }
        final CommandResult answer = awaited;
        awaited = null;
        awaitedId = 0;
        return answer;
    }

    /**
     * Offers the batch; if the cluster is unreachable its commands stay in flight, marked unsent, and go out again as
     * soon as the ingress connects ({@link #UNSENT_RETRY_NS}) or after a reconnect. While a command is unsent, newer
     * ones are held back too: if a newer id reached the log first, the engine would refuse the older one as stale.
     * Returns whether the batch went out.
     */
    private boolean offerBatch() {
        idle.reset();
        final long deadlineNs = System.nanoTime() + OFFER_WAIT_MAX_NS;
        while (true) {
            final long position = cluster.offer(batch, 0, batchLength);
            final long now = System.nanoTime();
            if (position > 0) {
                lastSendNs = now;
                return true;
            }
            if (position == Publication.NOT_CONNECTED || position == Publication.CLOSED
                || position == Publication.MAX_POSITION_EXCEEDED || cluster.isClosed()) {
                unsent = true;
                return false;
            }
            if (now - deadlineNs > 0) {
                // Back-pressure this long means the cluster is not taking commands; keep it for the resend path.
                unsent = true;
                return false;
            }
            idle.idle(cluster.pollEgress());
        }
    }

    /**
     * Does the client's background work: reads replies, reconnects a closed session (and resends), resends
     * commands unanswered for too long, and sends a keep-alive when idle. Returns the work done (0 when idle).
     */
    public int poll() {
        flush();
        final long now = System.nanoTime();
        if (cluster.isClosed()) {
            if (now - lastReconnectNs < RECONNECT_INTERVAL_NS) {
                return 0;
            }
            lastReconnectNs = now;
            if (!tryReconnect()) {
                return 0;
            }
        }
        int work = cluster.pollEgress();
        if (work > 0) {
            lastEgressNs = now;
        } else if (inFlight.count() > 0 && now - lastEgressNs > EGRESS_SILENCE_MAX_NS
            && now - lastReconnectNs > EGRESS_SILENCE_MAX_NS) {
            lastReconnectNs = now;
            lastEgressNs = now;
            silentReconnects++;
            tryReconnect();
            return 1;
        }
        if (resendAll || unsent) {
            // While a command has not gone out, only a resend of everything, in id order, may send: a partial
            // resend of old commands could put a newer id in the log before an older one never sent, and the engine
            // would then refuse the older one as stale.
            if (resendAll || now - lastUnsentRetryNs > UNSENT_RETRY_NS) {
                resendAll = false;
                lastUnsentRetryNs = now;
                work += resend(now, true);
            }
        } else if (now - lastResendScanNs > RESEND_AFTER_NS / 4) {
            lastResendScanNs = now;
            work += resend(now, false);
        }
        if (now - lastSendNs > KEEP_ALIVE_INTERVAL_NS && cluster.sendKeepAlive()) {
            lastSendNs = now;
            work++;
        }
        return work;
    }

    /**
     * Replaces the cluster session with a new one (a new Aeron client too, so a restarted driver is found) and
     * sends every unacknowledged command again, oldest first.
     */
    public void reconnect() {
        // Batched commands are in flight too; the resend below sends them again in order with the others.
        batchLength = 0;
        CloseHelper.quietClose(cluster);
        cluster = AeronCluster.connect(context());
        resend(System.nanoTime(), true);
    }

    /**
     * Reconnects after the session was closed (a member gone, a session timed out during an election); a failed
     * attempt (no leader answered within Aeron's message timeout) leaves the client closed for the next poll.
     */
    private boolean tryReconnect() {
        try {
            reconnect();
            return true;
        } catch (RuntimeException e) {
            reconnectFailures++;
            return false;
        }
    }

    /**
     * Sends again, in command-id order, every command in flight, or only those unanswered for too long. The partial
     * form runs only when every command in flight has gone out at least once, so what it sends are duplicates the
     * engine answers from memory.
     */
    private int resend(final long now, final boolean all) {
        if (all) {
            unsent = false;
        }
        int sent = 0;
        for (long id = inFlight.oldestId(); id < inFlight.nextId(); id++) {
            if (!inFlight.contains(id) || !(all || now - inFlight.sentNs(id) > RESEND_AFTER_NS)) {
                continue;
            }
            inFlight.markSent(id, now);
            // Alone in its message: a command the cluster cannot read ends the message it is in, and must not
            // take the commands resent after it down with it again and again.
            if (!append(id) || !flush()) {
                // The rest wait with it, in order, for the next attempt.
                return sent + 1;
            }
            resends++;
            sent++;
        }
        return sent;
    }


    /**
     * An egress message is a batch of one command's events, each a fixed-length protocol message (header plus
     * block); the batch is split by reading each header. A malformed tail is ignored rather than read past.
     */
    private void onEgress(final DirectBuffer buffer, final int offset, final int length) {
        final int end = offset + length;
        int position = offset;
        while (end - position >= MessageHeaderDecoder.ENCODED_LENGTH) {
            header.wrap(buffer, position);
            final int messageLength = MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
            if (messageLength > end - position) {
                return;
            }
            if (header.schemaId() == CommandResultEventDecoder.SCHEMA_ID
                && header.templateId() == CommandResultEventDecoder.TEMPLATE_ID
                && header.blockLength() >= CommandResultEventDecoder.BLOCK_LENGTH) {
                result.wrap(buffer, position + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                    header.version());
                onResult();
            }
            if (events != null) {
                events.onEvent(buffer, position, messageLength);
            }
            position += messageLength;
        }
    }

    private void onResult() {
        if (result.clientId() != config.clientId()) {
            repliesIgnored++;
            return;
        }
        final boolean wasInFlight = inFlight.remove(result.commandId());
        if (!wasInFlight && result.commandId() != awaitedId) {
            repliesIgnored++;
            return;
        }
        final CommandResult answer = new CommandResult(result.commandId(), RejectReason.fromCode(result.reason()),
            result.reference(), result.firstSeq(), result.timestampMs(), result.duplicate() == 1);
        if (answer.commandId() == awaitedId) {
            awaited = answer;
        }
        if (results != null) {
            results.onResult(answer);
        }
    }

    /** Replies go to {@link #onEgress}; a new leader may have lost uncommitted commands, so all are resent. */
    private final class Egress implements EgressListener {
        @Override
        public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
            final int offset, final int length, final Header header) {
            onEgress(buffer, offset, length);
        }

        @Override
        public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
            final String ingressEndpoints) {
            resendAll = true;
        }
    }

    /** Commands sent and not yet acknowledged. */
    public int inFlight() {
        return inFlight.count();
    }

    /** The id the next command will get. */
    public long nextCommandId() {
        return inFlight.nextId();
    }

    /** Results that matched no command in flight (answers to a command resent after its first answer). */
    public long repliesIgnored() {
        return repliesIgnored;
    }

    /**
     * The member the client believes leads: the one that answered its connect, then each new leader announced. The
     * ingress endpoints may name several members; Aeron sends to the leader among them and follows new leaders.
     */
    public int leaderMemberId() {
        return cluster.leaderMemberId();
    }

    /** Reconnect attempts that found no leader (during an election, or with the cluster down). */
    public long reconnectFailures() {
        return reconnectFailures;
    }

    /** New sessions opened because the cluster fell silent with commands in flight. */
    public long silentReconnects() {
        return silentReconnects;
    }

    /** Commands sent more than once. */
    public long resends() {
        return resends;
    }

    @Override
    public void close() {
        CloseHelper.quietClose(cluster);
    }

    /** Hears each acknowledgement, on the thread that polls the client. */
    @FunctionalInterface
    public interface ResultListener {
        void onResult(CommandResult result);
    }

    /**
     * How to reach the cluster and who this client is.
     *
     * @param aeronDirectoryName the media driver the client uses (the node's own driver for an embedded node)
     * @param ingressEndpoints   the members' ingress endpoints, {@code id=host:port,...}
     * @param clientId           this client's identity in the engine's command memory
     * @param firstCommandId     the first command id to use; above any this client id used before
     * @param inFlightMax        the in-flight window, 1 to {@link #IN_FLIGHT_LIMIT}
     * @param token              proof of the client id for a cluster with a client secret
     *                           ({@link ClientCredentials#token}), or null for one without
     */
    public record Config(String aeronDirectoryName, String ingressEndpoints, long clientId, long firstCommandId,
        int inFlightMax, byte[] token) {
        /** A client of a cluster without a client secret. */
        public Config(final String aeronDirectoryName, final String ingressEndpoints, final long clientId,
            final long firstCommandId, final int inFlightMax) {
            this(aeronDirectoryName, ingressEndpoints, clientId, firstCommandId, inFlightMax, null);
        }
    }

    /** The same credentials on every connect; the cluster never challenges (see {@link ClientAuthenticator}). */
    private record Credentials(byte[] encoded) implements CredentialsSupplier {
        @Override
        public byte[] encodedCredentials() {
            return encoded.clone();
        }

        @Override
        public byte[] onChallenge(final byte[] challenge) {
            return new byte[0];
        }
    }
}
