package org.candor.gateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection of the streams: its market streams, whether it wants them wrapped, the user data stream
 * it follows if any, and its messages not yet written. Sends are asynchronous; more than {@link #PENDING_MAX} not
 * yet written closes the connection as a slow consumer, so it never holds back the views or other clients.
 */
final class StreamSubscriber {
    static final int PENDING_MAX = 4_096;
    static final int POLICY_VIOLATION = 1008;

    final Session session;
    final boolean combined;
    final String sessionId;
    final Set<String> streams = ConcurrentHashMap.newKeySet();
    final AtomicInteger pending = new AtomicInteger();
    /** The listen key whose user data this connection receives, or null. */
    volatile String listenKey;

    StreamSubscriber(final Session session, final boolean combined, final String sessionId) {
        this.session = session;
        this.combined = combined;
        this.sessionId = sessionId;
    }

    void send(final String text) {
        if (pending.incrementAndGet() > PENDING_MAX) {
            session.close(POLICY_VIOLATION, "slow consumer", Callback.NOOP);
            return;
        }
        session.sendText(text, Callback.from(pending::decrementAndGet, failure -> pending.decrementAndGet()));
    }

    void close(final int status, final String reason) {
        session.close(status, reason, Callback.NOOP);
    }
}
