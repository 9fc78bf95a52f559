package org.candor.protocol;

import org.agrona.DirectBuffer;
import org.candor.protocol.sbe.MessageHeaderDecoder;

/**
 * Walking a run of protocol messages laid end to end (a batch of commands in one ingress message, a reply batch, a
 * journal frame). Every message has a fixed length, its header plus its block, and every event block starts with
 * the event's sequence number (a rule of the schema: field id 1 {@code seq}, int64, at block offset 0), so both are
 * read without decoding the message.
 */
public final class Messages {
    private Messages() {
    }

    /**
     * The length of the message at {@code offset}, or -1 if fewer than a whole message's bytes remain before
     * {@code end} or the header is not this schema's.
     */
    public static int length(final DirectBuffer buffer, final int offset, final int end) {
        if (end - offset < MessageHeaderDecoder.ENCODED_LENGTH) {
            return -1;
        }
        final int schemaId = buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(),
            MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        final int blockLength = buffer.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(),
            MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        final int length = MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID || blockLength < Long.BYTES || length > end - offset) {
            return -1;
        }
        return length;
    }

    /** The sequence number of the event message at {@code offset} (whose length {@link #length} checked). */
    public static long eventSeq(final DirectBuffer buffer, final int offset) {
        return buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, MessageHeaderDecoder.BYTE_ORDER);
    }
}
