package org.candor.protocol;

import org.agrona.DirectBuffer;

/**
 * Receives each event that {@link EventEncoder} wrote, once per event. The buffer is reused for the next event, so
 * a handler copies what it keeps (into a log, a publication, a file) before it returns.
 */
@FunctionalInterface
public interface EncodedEventHandler {
    void onEvent(DirectBuffer buffer, int offset, int length);
}
