package org.candor.readmodel;

import org.candor.engine.EngineEvents;

/**
 * A stream of committed engine events, read in order: the cluster's journal reader in production, opened after
 * the sequence to start from. {@link #poll} delivers up to {@code limit} events to the handler and returns how
 * many it delivered; 0 means nothing more for now (for a rebuild: the end).
 */
@FunctionalInterface
public interface EventSource {
    int poll(EngineEvents handler, int limit);
}
