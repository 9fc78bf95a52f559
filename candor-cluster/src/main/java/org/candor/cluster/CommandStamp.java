package org.candor.cluster;

import java.nio.ByteOrder;
import org.agrona.MutableDirectBuffer;
import org.candor.protocol.sbe.CreateAssetCommandDecoder;
import org.candor.protocol.sbe.MessageHeaderDecoder;

/**
 * Overwrites the timestamp of an encoded command with cluster time. The engine's only clock is the timestamp a
 * command carries, and on a cluster that must be the time the leader sequenced the command, identical on every
 * replica and every replay, never the client's clock. Every command of the schema starts with the same three fields
 * (client id, command id, timestamp), so the timestamp sits at the same offset in all of them; a test checks this
 * for every command template.
 */
final class CommandStamp {
    /** Offset of the timestamp from the start of a command message, header included. */
    static final int TIMESTAMP_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH
        + CreateAssetCommandDecoder.timestampMsEncodingOffset();
    /** A message shorter than this has no timestamp to overwrite; the dispatcher refuses it as truncated. */
    static final int STAMPED_LENGTH_MIN = TIMESTAMP_OFFSET + Long.BYTES;

    private CommandStamp() {
    }

    /** Writes {@code timestampMs} into the command of {@code length} bytes at offset 0, if it is long enough. */
    static void stamp(final MutableDirectBuffer command, final int length, final long timestampMs) {
        if (length >= STAMPED_LENGTH_MIN) {
            command.putLong(TIMESTAMP_OFFSET, timestampMs, ByteOrder.LITTLE_ENDIAN);
        }
    }
}
