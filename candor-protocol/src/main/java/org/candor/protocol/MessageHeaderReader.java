package org.candor.protocol;

import org.agrona.DirectBuffer;
import org.candor.protocol.sbe.MessageHeaderDecoder;

/**
 * Reads and checks the SBE header in front of every message, so that nothing malformed reaches a decoder. After
 * {@link #read} the template id, block length and version of the message are available without allocation.
 *
 * <p>Versioning: a message of this schema at any version up to this build's is read (fields added after its
 * version decode as their null values); a newer version is refused, because it may carry fields this build would
 * silently ignore, and in a replicated state machine an ignored field changes the outcome.
 */
final class MessageHeaderReader {
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final int currentFromVersion;
    private int templateId;
    private int blockLength;
    private int version;

    /**
     * @param currentFromVersion the oldest version whose messages have today's layout: the schema's version for
     *                           commands; for events the version they are still written at ({@link
     *                           EventEncoder#UNCHANGED_EVENT_VERSION})
     */
    MessageHeaderReader(final int currentFromVersion) {
        this.currentFromVersion = currentFromVersion;
    }

    /** Checks the header at {@code offset} of a message of {@code length} bytes and returns its template id. */
    int read(final DirectBuffer buffer, final int offset, final int length) {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH) {
            throw new ProtocolException("reason=truncated-header length=" + length);
        }
        header.wrap(buffer, offset);
        final int schemaId = header.schemaId();
        templateId = header.templateId();
        blockLength = header.blockLength();
        version = header.version();
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID) {
            throw new ProtocolException("reason=unknown-schema schemaId=" + schemaId + " expectedSchemaId="
                + MessageHeaderDecoder.SCHEMA_ID + " templateId=" + templateId);
        }
        if (version < 1 || version > MessageHeaderDecoder.SCHEMA_VERSION) {
            throw new ProtocolException("reason=unsupported-version version=" + version + " maxVersion="
                + MessageHeaderDecoder.SCHEMA_VERSION + " templateId=" + templateId);
        }
        if (MessageHeaderDecoder.ENCODED_LENGTH + blockLength > length) {
            throw new ProtocolException("reason=truncated-body templateId=" + templateId + " blockLength="
                + blockLength + " length=" + length);
        }
        return templateId;
    }

    /**
     * Checks that the block holds every field of the message's version. Fields are only ever appended, so a
     * message at a version with today's layout needs at least the current block; an older one may be shorter, and
     * the decoder reads its newer fields as their null values.
     */
    void requireBlock(final int currentBlockLength) {
        if (version >= currentFromVersion && blockLength < currentBlockLength) {
            throw new ProtocolException("reason=short-block templateId=" + templateId + " blockLength="
                + blockLength + " expectedBlockLength=" + currentBlockLength);
        }
    }

    int blockLength() {
        return blockLength;
    }

    int version() {
        return version;
    }

    /** The offset of the message body, just after the header. */
    static int bodyOffset(final int offset) {
        return offset + MessageHeaderDecoder.ENCODED_LENGTH;
    }

    ProtocolException unknownTemplate(final String expected) {
        return new ProtocolException("reason=unknown-template templateId=" + templateId + " version=" + version
            + " expected=" + expected);
    }
}
