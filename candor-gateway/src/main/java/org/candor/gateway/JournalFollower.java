package org.candor.gateway;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.DirectBuffer;
import org.candor.engine.EngineEvents;
import org.candor.journal.EventJournalReader;
import org.candor.protocol.EventDecoder;
import org.candor.protocol.sbe.CommandResultEventDecoder;
import org.candor.protocol.sbe.MessageHeaderDecoder;

/**
 * The views' single writer: a thread that follows the node's committed-event journal from the start and applies it
 * to {@link ReadViews}, whole commands at a time. A failure (a gap or a corrupt journal) stops the follower and is
 * kept in {@link #failure()}: serving stale or wrong balances is worse than serving none.
 */
final class JournalFollower implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournalFollower.class.getName());
    /**
     * Events applied under one hold of the write lock, at most (rounded up to the end of the command in progress):
     * large enough to catch up fast after a start, small enough that readers wait at most a few milliseconds.
     */
    static final int BATCH_EVENTS_MAX = 4096;
    private static final long JOIN_TIMEOUT_MS = 5_000;
    private static final long CATCH_UP_POLL_NS = 1_000_000;
    /**
     * Park when the journal has nothing new. Whoever waits for the views wakes the follower ({@link
     * ReadViews#wakeWriter}: a handler, and the command thread as each answer arrives), so this bounds only how late
     * other clients' events (market data for the streams) are seen. Polling instead, backing off from 1 us to 50 us,
     * cost about 10 wake-ups per order and a tenth of a core at 2,000 orders/s (docs/BENCHMARKS.md).
     */
    static final long IDLE_PARK_NS = 1_000_000;

    private final EventJournalReader reader;
    private final ReadViews views;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile boolean caughtUp;
    /** Set by a batch that ended because the journal had nothing more (rather than at the batch bound). */
    private boolean drained;
    /** Made on the follower thread at its first batch: it decodes into the views' sink, which never changes. */
    private EventDecoder decoder;

    JournalFollower(final Path journalDir, final ReadViews views) {
        this.reader = EventJournalReader.open(journalDir, 0);
        this.views = views;
        this.thread = new Thread(this::run, "candor-gateway-journal");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        final IdleStrategy idle = new SleepingIdleStrategy(IDLE_PARK_NS);
        views.writerThread(Thread.currentThread());
        try {
            while (running) {
                final int applied = views.apply(this::applyCommands);
                if (drained) {
                    caughtUp = true;
                }
                idle.idle(applied);
            }
        } catch (RuntimeException e) {
            failure = e;
            views.fail(e);
        } finally {
            reader.close();
        }
    }

    /** Delivers events until a command ends after {@link #BATCH_EVENTS_MAX} of them, or none are left. */
    private int applyCommands(final EngineEvents sink) {
        if (decoder == null) {
            decoder = new EventDecoder(sink);
        }
        int applied = 0;
        drained = false;
        while (true) {
            if (!reader.advance()) {
                drained = true;
                break;
            }
            final DirectBuffer buffer = reader.buffer();
            decoder.decode(buffer, reader.offset(), reader.length());
            applied++;
            if (applied >= BATCH_EVENTS_MAX && isCommandResult(buffer, reader.offset())) {
                break;
            }
        }
        return applied;
    }

    private static boolean isCommandResult(final DirectBuffer buffer, final int offset) {
        final int templateId = buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(),
            MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        return templateId == CommandResultEventDecoder.TEMPLATE_ID;
    }

    Throwable failure() {
        return failure;
    }

    /**
     * Waits until the views have applied everything the journal held (at least once since the start), so a gateway
     * does not answer from a half-replayed history. However long the journal, the wait goes on while the views move
     * ({@link CatchUpWatch}), reporting progress every few seconds to the log; it gives up only on a stall.
     *
     * @throws IllegalStateException if the follower failed or applied nothing for {@link CatchUpWatch#STALL_NS_MAX}
     */
    void awaitCaughtUp() {
        final CatchUpWatch watch = new CatchUpWatch(System.nanoTime(), views.lastSeq());
        boolean reported = false;
        while (!caughtUp) {
            if (failure != null) {
                throw new IllegalStateException("reason=journal-follower-failed", failure);
            }
            final long nowNs = System.nanoTime();
            final long seq = views.lastSeq();
            switch (watch.check(nowNs, seq)) {
                case STALLED:
                    throw new IllegalStateException(watch.stalled(seq));
                case REPORT:
                    LOG.log(System.Logger.Level.INFO, "replaying the journal into the views: "
                        + watch.progress(nowNs, seq));
                    reported = true;
                    break;
                default:
                    break;
            }
            LockSupport.parkNanos(CATCH_UP_POLL_NS);
        }
        // A replay long enough to report progress also reports its end; a quick one stays out of the way.
        LOG.log(reported ? System.Logger.Level.INFO : System.Logger.Level.DEBUG, () -> "views caught up with the "
            + "journal: " + watch.progress(System.nanoTime(), views.lastSeq()));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
