package org.candor.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.candor.engine.HoldPolicy;

/**
 * The UTF-8 text fields of the wire (hold explanations, operators' justifications): fixed {@link
 * HoldPolicy#TEXT_BYTES_MAX}-byte char arrays padded with NUL. Writing refuses a text the field cannot carry
 * faithfully; reading decodes strictly, so malformed bytes are refused before the engine instead of turning into
 * replacement characters that the engine would then record as if an operator had typed them. One instance per
 * thread: the scratch buffer and decoder are reused.
 */
final class Texts {
    private final byte[] scratch = new byte[HoldPolicy.TEXT_BYTES_MAX];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The scratch array a generated {@code getX(byte[], int)} copies the field into. */
    byte[] scratch() {
        return scratch;
    }

    /** Decodes the {@code length} bytes a getter copied into {@link #scratch()}, up to the first NUL. */
    String read(final String field, final int length) {
        int end = 0;
        while (end < length && scratch[end] != 0) {
            end++;
        }
        try {
            final CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(scratch, 0, end));
            return chars.toString();
        } catch (final CharacterCodingException e) {
            throw new ProtocolException("reason=string-not-utf8 field=" + field);
        }
    }

    /**
     * Checks that a text survives the field: null is sent as empty (the engine refuses both alike), no NUL (it would
     * end the text early), well-formed UTF-16 (a lone surrogate would be sent as '?'), at most the field's bytes.
     */
    static String check(final String field, final String value) {
        if (value == null) {
            return "";
        }
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == 0) {
                throw new ProtocolException("reason=string-has-nul field=" + field + " index=" + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ProtocolException("reason=string-not-utf16 field=" + field + " index=" + i);
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (bytes > HoldPolicy.TEXT_BYTES_MAX) {
            throw new ProtocolException("reason=string-too-long field=" + field + " bytes=" + bytes + " capacity="
                + HoldPolicy.TEXT_BYTES_MAX);
        }
        return value;
    }
}
