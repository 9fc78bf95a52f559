package org.candor.engine;

/**
 * The static rules every hold and every operator's written justification must meet, in one place so that the
 * engine, the wire format and the docs agree on them.
 */
public final class HoldPolicy {
    /**
     * The longest public explanation or justification, in UTF-8 bytes. It is what a user reads in a fund-status
     * view, so a tweet's length is plenty, and the wire carries it in a fixed-length field of this size.
     */
    public static final int TEXT_BYTES_MAX = 160;
    /**
     * How far ahead a review deadline may lie: 90 days. Every hold is looked at again at least once a quarter;
     * a longer restriction is renewed with a new justification, which is counted and visible.
     */
    public static final long REVIEW_AHEAD_MS_MAX = 90L * 24 * 60 * 60 * 1000;
    /**
     * The one explanation a WITHHELD_BY_LAW hold may carry. Requiring exactly this text means no operator can leak
     * a reason the law forbids telling through the free-text field; the detail lives in the operators' ticket.
     */
    public static final String WITHHELD_BY_LAW_EXPLANATION = "Withheld by law";
    /** The justification the engine writes when a pending hold's deadline passes without an approval. */
    public static final String APPROVAL_EXPIRED = "Not approved before its review deadline";

    private HoldPolicy() {
    }

    /**
     * Whether a text may be shown to a user as an explanation or recorded as a justification: present, not blank,
     * at most {@link #TEXT_BYTES_MAX} bytes of UTF-8, no control characters (a NUL would end the wire field early,
     * a line break would forge lines in a statement), and well-formed UTF-16 so it encodes to the same UTF-8 on
     * every path.
     */
    public static boolean isValidText(final String text) {
        if (text == null) {
            return false;
        }
        int bytes = 0;
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                bytes += 4;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
        return visible && bytes <= TEXT_BYTES_MAX;
    }

    /** Whether a review deadline set at {@code nowMs} is after it and at most {@link #REVIEW_AHEAD_MS_MAX} ahead. */
    static boolean isValidDeadline(final long nowMs, final long deadlineMs) {
        return deadlineMs > nowMs && deadlineMs - nowMs <= REVIEW_AHEAD_MS_MAX;
    }
}
