package org.candor.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.SnapshotWriter;
import org.candor.journal.EventJournalWriter;
import org.candor.protocol.CommandDispatcher;
import org.candor.protocol.EventEncoder;
import org.candor.protocol.Messages;
import org.candor.protocol.ProtocolException;

/**
 * The exchange as an Aeron clustered service: the thin adapter between the cluster's log and the engine. Each
 * ingress message is a command of the protocol; it is stamped with the cluster time of its log entry (the client's
 * timestamp field is ignored and overwritten), decoded by the {@link CommandDispatcher} and applied to the engine.
 * Every event the command produced, its {@code commandResult} last, is encoded with the {@link EventEncoder},
 * appended to the node's committed-event journal ({@link EventJournalWriter}: the stream the read side follows) and
 * sent to the session that sent the command. The service owns no business rule.
 *
 * <p>Only committed log entries reach a clustered service, so every event in the journal is committed: identical,
 * under the same sequence number, on every member. After a restart the replay of the log emits events the journal
 * already holds; the writer checks them against it instead of writing them again.
 *
 * <p>Failure rules. A message the protocol cannot read never reaches the engine: it is dropped and counted (the
 * protocol has no event to answer it with yet). Anything else thrown while applying a command is a broken engine
 * invariant: the service records it and stops its thread, so the node applies nothing more. Better halted than
 * wrong; a replay from the same log would stop at the same command, which is what a person needs to investigate.
 *
 * <p>Snapshots hold the engine's own snapshot format, framed into chunks by {@link SnapshotTransfer}. Replies sent
 * during a replay go nowhere (the cluster mocks them), so no state depends on them.
 *
 * <p>All callbacks run on the service container's thread. The counters are published for other threads to read.
 */
public final class ExchangeService implements ClusteredService {
    /**
     * Bytes of the buffer a command is copied into to be stamped. Commands are fixed blocks of at most
     * {@link org.candor.protocol.CommandEncoder#MAX_COMMAND_LENGTH} bytes; 1 KiB leaves room for blocks grown by
     * later schema versions, and anything larger is not a command.
     */
    static final int COMMAND_BYTES_MAX = 1024;
    /**
     * Attempts to offer one reply through back-pressure before dropping it. The service thread is the whole
     * exchange, so a slow client must not stall it: about 64 backoff steps (well under a millisecond each once
     * parked) bound the stall, and a client whose reply was dropped resends the command and gets the original
     * result back from the engine's command memory.
     */
    static final int REPLY_ATTEMPTS_MAX = 64;
    /**
     * A command's events go to its client concatenated in one egress message of at most this many bytes (a cancel-all
     * of many orders flushes several). One offer per command instead of one per event is what lets the cluster keep
     * up with the engine; 16 KiB is far below the egress publication's largest message (term length / 8 = 128 KiB).
     */
    static final int REPLY_BATCH_BYTES = 16 * 1024;
    /** In-process queries waiting for the service thread; a bound so a stuck service cannot collect them forever. */
    static final int QUERIES_MAX = 16;

    private final EngineCapacity capacity;
    private final Path journalDir;
    private final int journalSegmentBytes;
    private EventJournalWriter journal;
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[COMMAND_BYTES_MAX]);
    private final EventEncoder encoder = new EventEncoder(this::collect);
    /** The events of the current command, sent to its client as one egress message (see {@link #collect}). */
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[REPLY_BATCH_BYTES]);
    private int batchLength;
    private final BlockingQueue<FutureTask<?>> queries = new ArrayBlockingQueue<>(QUERIES_MAX);
    private Cluster cluster;
    private IdleStrategy idle;
    private Engine engine;
    private CommandDispatcher dispatcher;
    private ClientSession replyTo;
    private boolean inCallback;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile long commandsApplied;
    private volatile long messagesRefused;
    private volatile long commandsOfAnotherClient;
    private volatile long repliesDropped;
    private volatile long snapshotsTaken;
    private volatile long snapshotBytesLoaded = -1;
    private volatile Throwable failure;

    /**
     * A service whose engine has {@code capacity} (also the capacity a snapshot is restored with) and whose events
     * go to the journal in {@code journalDir}, in segments of {@code journalSegmentBytes}.
     */
    public ExchangeService(final EngineCapacity capacity, final Path journalDir, final int journalSegmentBytes) {
        this.capacity = capacity;
        this.journalDir = journalDir;
        this.journalSegmentBytes = journalSegmentBytes;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage) {
        this.cluster = cluster;
        this.idle = cluster.idleStrategy();
        inCallback = true;
        try {
            if (snapshotImage == null) {
                engine = new Engine(capacity, encoder);
            } else {
                final SnapshotTransfer.Loaded loaded = SnapshotTransfer.read(snapshotImage, idle);
                engine = Engine.restore(capacity, encoder, loaded.buffer(), 0, loaded.length());
                snapshotBytesLoaded = loaded.length();
            }
            dispatcher = new CommandDispatcher(engine);
            journal = EventJournalWriter.open(journalDir, journalSegmentBytes, engine.lastEventSeq());
        } finally {
            inCallback = false;
        }
        role = cluster.role();
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp) {
        // A session carries no state of ours: the engine keys command memory by the client id in each command.
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason) {
        // Nothing to release: see onSessionOpen.
    }

    /**
     * Applies the commands of one ingress message: a client may pack several, end to end, into one message (see
     * {@link ExchangeClient}), and they share the message's cluster time. Their events go out as one reply and one
     * journal frame (more if they exceed {@link #REPLY_BATCH_BYTES}). A command that is not readable ends the
     * message: the commands after it cannot be found reliably, so they are dropped with it and counted.
     */
    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header) {
        // Aeron's cluster clock is in milliseconds by default; convert anyway so a finer clock stays correct.
        final long timestampMs = cluster.timeUnit().toMillis(timestamp);
        final long sessionClientId = ClientCredentials.principalClientId(session.encodedPrincipal());
        replyTo = session;
        inCallback = true;
        try {
            final int end = offset + length;
            int position = offset;
            while (position < end) {
                final int commandLength = Messages.length(buffer, position, end);
                if (commandLength < 0 || commandLength > COMMAND_BYTES_MAX) {
                    messagesRefused++;
                    break;
                }
                if (!belongsTo(buffer, position, commandLength, sessionClientId)) {
                    commandsOfAnotherClient++;
                } else if (!apply(buffer, position, commandLength, timestampMs)) {
                    break;
                }
                position += commandLength;
            }
            flushBatch();
        } catch (RuntimeException e) {
            throw halt(e);
        } finally {
            batchLength = 0;
            replyTo = null;
            inCallback = false;
        }
    }

    /**
     * Whether the command carries the client id its session was bound to at connect ({@link ClientAuthenticator}).
     * A session without a binding (-1) can only come from a log recorded before sessions were bound; its commands
     * are applied as they were then, so the replay of an old log stays what it was.
     */
    private static boolean belongsTo(final DirectBuffer buffer, final int offset, final int length,
        final long sessionClientId) {
        return sessionClientId < 0 || length < CommandStamp.STAMPED_LENGTH_MIN
            || CommandStamp.clientId(buffer, offset) == sessionClientId;
    }

    /** Stamps and applies one command; false if the protocol refused it (the engine never saw it). */
    private boolean apply(final DirectBuffer buffer, final int offset, final int length, final long timestampMs) {
        command.putBytes(0, buffer, offset, length);
        CommandStamp.stamp(command, length, timestampMs);
        try {
            dispatcher.dispatch(command, 0, length);
            commandsApplied++;
            return true;
        } catch (ProtocolException e) {
            messagesRefused++;
            return false;
        }
    }

    /**
     * Appends one encoded event to the current command's batch. Every event message has a fixed length (header plus
     * block, no variable data), so the client and the journal's readers split a batch by reading each header.
     */
    private void collect(final DirectBuffer buffer, final int offset, final int length) {
        if (batchLength + length > REPLY_BATCH_BYTES) {
            flushBatch();
        }
        batch.putBytes(batchLength, buffer, offset, length);
        batchLength += length;
    }

    /** The journal first: a reply may only tell what the read side can already find. */
    private void flushBatch() {
        if (batchLength > 0) {
            journal.append(batch, 0, batchLength);
            reply(batch, 0, batchLength);
            batchLength = 0;
        }
    }

    /** Sends a batch of encoded events to the session of the current command; drops it if the client cannot. */
    private void reply(final DirectBuffer buffer, final int offset, final int length) {
        final ClientSession session = replyTo;
        if (session == null) {
            return;
        }
        idle.reset();
        for (int attempt = 0; attempt < REPLY_ATTEMPTS_MAX; attempt++) {
            final long result = session.offer(buffer, offset, length);
            if (result > 0) {
                return;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED
                || result == Publication.MAX_POSITION_EXCEEDED) {
                break;
            }
            idle.idle();
        }
        repliesDropped++;
    }

    private AgentTerminationException halt(final RuntimeException cause) {
        failure = cause;
        cluster.context().errorHandler().onError(cause);
        return new AgentTerminationException(cause);
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp) {
        // No timers yet; hold deadlines and withdrawal SLAs will use them (issue #6).
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication) {
        inCallback = true;
        try {
            final SnapshotWriter writer = new SnapshotWriter();
            engine.writeSnapshot(writer);
            SnapshotTransfer.write(snapshotPublication, writer.buffer(), writer.length(), idle);
            snapshotsTaken++;
        } finally {
            inCallback = false;
        }
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole) {
        role = newRole;
    }

    @Override
    public void onTerminate(final Cluster cluster) {
        closeJournal();
    }

    /** Unmaps the journal; for the node's owner once the service thread has stopped, and safe to call twice. */
    void closeJournal() {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** Runs waiting in-process queries, only between callbacks, so they never see a command half applied. */
    @Override
    public int doBackgroundWork(final long nowNs) {
        if (inCallback || engine == null || failure != null) {
            return 0;
        }
        int work = 0;
        for (FutureTask<?> query = queries.poll(); query != null; query = queries.poll()) {
            query.run();
            work++;
        }
        return work;
    }

    /**
     * Reads the engine on the service thread between commands, for tests and in-process diagnostics. The function
     * must only read: anything it changed would not be in the log and would break determinism.
     *
     * @throws IllegalStateException if too many queries are already waiting
     */
    <T> Future<T> query(final Function<Engine, T> reader) {
        final FutureTask<T> task = new FutureTask<>(() -> reader.apply(engine));
        if (!queries.offer(task)) {
            throw new IllegalStateException("reason=queries-full queriesMax=" + QUERIES_MAX);
        }
        return task;
    }

    /** The member's role as last reported to the service. */
    public Cluster.Role role() {
        return role;
    }

    /** Commands applied (a resend answered from memory counts too) since this service started. */
    public long commandsApplied() {
        return commandsApplied;
    }

    /** Commands that were not readable (and the rest of their ingress messages); none reached the engine. */
    public long messagesRefused() {
        return messagesRefused;
    }

    /**
     * Commands refused because they carried a client id other than the one their session proved at connect; none
     * reached the engine, and their sender gets no answer.
     */
    public long commandsOfAnotherClient() {
        return commandsOfAnotherClient;
    }

    /** Replies dropped because the client was gone or too slow; the client recovers them by resending. */
    public long repliesDropped() {
        return repliesDropped;
    }

    /** The sequence of the last event in this node's journal (0 before the service started). */
    public long journalLastSeq() {
        final EventJournalWriter writer = journal;
        return writer == null ? 0 : writer.lastSeq();
    }

    public long snapshotsTaken() {
        return snapshotsTaken;
    }

    /** Bytes of the engine snapshot this service started from, or -1 if it started empty. */
    public long snapshotBytesLoaded() {
        return snapshotBytesLoaded;
    }

    /** The error that halted the service, or null while it runs. */
    public Throwable failure() {
        return failure;
    }
}
