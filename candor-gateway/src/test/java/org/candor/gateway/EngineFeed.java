package org.candor.gateway;

import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.protocol.EventDecoder;
import org.candor.protocol.EventEncoder;

/**
 * A real engine whose events take the journal's path into {@link ReadViews}: encoded by the protocol, then decoded
 * into the views' sink by {@link #publish()} under the views' write lock, whole commands at a time.
 */
final class EngineFeed {
    static final long CLIENT_ID = 1;
    static final long START_MS = 1_700_000_000_000L;

    final ReadViews views = new ReadViews();
    final Engine engine;
    private final List<byte[]> encoded = new ArrayList<>();
    private long nextCommandId = 1;
    private long nowMs = START_MS;

    EngineFeed(final EngineCapacity capacity) {
        this.engine = new Engine(capacity, new EventEncoder((buffer, offset, length) -> {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            encoded.add(copy);
        }));
    }

    /** The id and time for the next command; each command is one second after the previous one. */
    long commandId() {
        nowMs += 1_000;
        return nextCommandId++;
    }

    long nowMs() {
        return nowMs;
    }

    /** Applies every event emitted since the last call to the views. */
    void publish() {
        views.apply(sink -> {
            final EventDecoder decoder = new EventDecoder(sink);
            for (final byte[] event : encoded) {
                decoder.decode(new UnsafeBuffer(event), 0, event.length);
            }
            final int count = encoded.size();
            encoded.clear();
            return count;
        });
    }
}
