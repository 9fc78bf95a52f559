package org.candor.gateway;

import java.time.Duration;
import java.util.function.Function;
import org.candor.readmodel.ReadModelDatabase;

/**
 * How a resource reads the read model: after waiting up to {@link #PROJECTION_WAIT} until the projection has
 * committed every command this gateway acknowledged (read-your-writes), and with a database that cannot answer
 * turned into 503 -1001 rather than a server error. The caller's own history is refused (503 -1001, retry) while the
 * projection lags, rather than served without what the user just did; public data is served as it stands.
 */
final class HistoryAccess {
    static final Duration PROJECTION_WAIT = Duration.ofSeconds(2);

    private final EngineCommands commands;
    private final HistoryProjection projection;
    private final long startSeq;

    /**
     * @param projection the gateway's projection, or null when it has no read model
     * @param startSeq   the views' sequence when the gateway started: history waits for at least that much
     */
    HistoryAccess(final EngineCommands commands, final HistoryProjection projection, final long startSeq) {
        this.commands = commands;
        this.projection = projection;
        this.startSeq = startSeq;
    }

    /** Whether this gateway projects a read model at all. */
    boolean available() {
        return projection != null;
    }

    /** Waits for the projection, then runs {@code query}; {@code own}: the caller's own history. */
    <T> T read(final boolean own, final Function<ReadModelDatabase, T> query) {
        if (projection == null) {
            throw ErrorMapper.historyUnavailable();
        }
        final long target = Math.max(commands.acknowledgedSeq(), startSeq);
        if (!projection.awaitCommitted(target, PROJECTION_WAIT) && own) {
            throw ErrorMapper.historyUnavailable();
        }
        try {
            return query.apply(projection.database());
        } catch (IllegalStateException e) {
            throw ErrorMapper.historyUnavailable();
        }
    }
}
