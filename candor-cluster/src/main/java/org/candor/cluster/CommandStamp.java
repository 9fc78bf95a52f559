package org.candor.cluster;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.candor.protocol.sbe.CreateAssetCommandDecoder;
import org.candor.protocol.sbe.MessageHeaderDecoder;

/**
 * Overwrites the timestamp of an encoded command with cluster time. The engine's only clock is the timestamp a
 * command carries, and on a cluster that must be the time the leader sequenced the command, identical on every
 * replica and every replay, never the client's clock. Every command of the schema starts with the same three fields
 * (client id, command id, timestamp), so the client id and the timestamp sit at the same offsets in all of them;
 * a test checks this for every command template. The service reads the client id here to hold each command to the
 * client its session proved to be.
 */
final class CommandStamp {
    /** Offset of the timestamp from the start of a command message, header included. */
    static final int TIMESTAMP_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH
        + CreateAssetCommandDecoder.timestampMsEncodingOffset();
    /** Offset of the client id from the start of a command message, header included. */
    static final int CLIENT_ID_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH
        + CreateAssetCommandDecoder.clientIdEncodingOffset();
    /** A message shorter than this has no timestamp to overwrite; the dispatcher refuses it as truncated. */
    static final int STAMPED_LENGTH_MIN = TIMESTAMP_OFFSET + Long.BYTES;

    private CommandStamp() {
    }

    /** The client id of the command at {@code offset}, which must be at least {@link #STAMPED_LENGTH_MIN} long. */
    static long clientId(final DirectBuffer command, final int offset) {
        return command.getLong(offset + CLIENT_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes {@code timestampMs} into the command of {@code length} bytes at offset 0, if it is long enough. */
    static void stamp(final MutableDirectBuffer command, final int length, final long timestampMs) {
        if (length >= STAMPED_LENGTH_MIN) {
            command.putLong(TIMESTAMP_OFFSET, timestampMs, ByteOrder.LITTLE_ENDIAN);
        }
    }
}
