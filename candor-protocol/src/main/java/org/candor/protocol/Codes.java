package org.candor.protocol;

import org.candor.engine.Bucket;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;

/**
 * Engine enums to wire codes. The wire carries each enum's stable {@code code()}, so the engine's enums stay the
 * single source of truth and decoding is their {@code fromCode()}. A null enum is sent as {@link #NONE}, which no
 * enum uses, so it decodes back to null and the engine answers it exactly as it answers a direct call with null.
 */
final class Codes {
    /** The uint8 null value of SBE: no engine enum has this code. */
    static final short NONE = 255;

    private Codes() {
    }

    static short of(final Side value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final OrderType value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final TimeInForce value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final StpMode value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final MarketStatus value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final HoldReason value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final HoldKind value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final HoldState value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final ReleaseCondition value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final Bucket value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final LedgerCause value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final WithdrawalState value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final WithdrawalFailure value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final PolicyKind value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final WithdrawalPauseReason value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final OrderEndReason value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final RejectReason value) {
        return value == null ? NONE : (short) value.code();
    }

    static short of(final boolean value) {
        return value ? (short) 1 : (short) 0;
    }

    static boolean bool(final short code) {
        return code == 1;
    }

    /**
     * Checks that a string survives the trip through a NUL-padded US-ASCII field of {@code capacity} bytes: at most
     * that long, and only characters 1..127 (a NUL would end it early, anything above 127 would become '?'). Null
     * is sent as the empty string. Every string the engine accepts passes, so no valid command is lost.
     */
    static String ascii(final String field, final String value, final int capacity) {
        asciiChars(field, value, capacity);
        return value == null ? "" : value;
    }

    /** As {@link #ascii}, for characters that need not be a String: checked, not copied. */
    static CharSequence asciiChars(final String field, final CharSequence value, final int capacity) {
        if (value == null) {
            return "";
        }
        if (value.length() > capacity) {
            throw new ProtocolException("reason=string-too-long field=" + field + " length=" + value.length()
                + " capacity=" + capacity);
        }
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == 0 || c > 127) {
                throw new ProtocolException("reason=string-not-ascii field=" + field + " index=" + i);
            }
        }
        return value;
    }
}
