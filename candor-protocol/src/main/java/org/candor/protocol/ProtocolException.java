package org.candor.protocol;

/**
 * A message the protocol cannot read or write faithfully: an unknown template, another schema, a schema version
 * newer than this build, a truncated message, or a string the wire cannot carry. It is bad input at the edge and is
 * thrown before anything reaches the engine. Messages are {@code key=value} pairs so logs can be searched.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message is the given {@code key=value} text. */
    public ProtocolException(final String message) {
        super(message);
    }
}
