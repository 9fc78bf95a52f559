package org.candor.cluster;

import org.candor.engine.RejectReason;

/**
 * The engine's answer to one command, as its {@code commandResult} event carried it back.
 *
 * @param commandId   the command it answers
 * @param reason      {@link RejectReason#NONE} if the command was applied
 * @param reference   the id the command created (order, withdrawal, hold), or 0
 * @param firstSeq    the sequence of the first event the command emitted
 * @param timestampMs the cluster time the command was applied at
 * @param duplicate   true if this answers a resend of a command already applied
 */
public record CommandResult(long commandId, RejectReason reason, long reference, long firstSeq, long timestampMs,
    boolean duplicate) {
}
