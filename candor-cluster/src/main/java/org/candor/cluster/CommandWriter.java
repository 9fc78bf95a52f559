package org.candor.cluster;

import org.agrona.MutableDirectBuffer;
import org.candor.protocol.CommandEncoder;

/**
 * Writes one command for {@link ExchangeClient}: calls the {@link CommandEncoder} method of the command with the
 * given buffer, offset, client id and command id, a timestamp of 0 (the cluster stamps its own time), and the
 * command's arguments, and returns the length written. For example
 * {@code (e, b, o, client, command) -> e.createUser(b, o, client, command, 0, userId)}.
 */
@FunctionalInterface
public interface CommandWriter {
    int write(CommandEncoder encoder, MutableDirectBuffer buffer, int offset, long clientId, long commandId);
}
