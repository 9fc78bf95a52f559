package org.candor.readmodel;

/**
 * How far the tables are behind what the projector has been given.
 *
 * @param committedSeq the last event sequence in the tables
 * @param receivedSeq  the last event sequence handed to the projector
 * @param eventsBehind events received but not yet committed
 * @param msBehind     command time of the last received command minus that of the last committed one
 */
public record ProjectionLag(long committedSeq, long receivedSeq, long eventsBehind, long msBehind) {
}
