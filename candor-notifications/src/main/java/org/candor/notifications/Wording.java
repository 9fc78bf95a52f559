package org.candor.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers and times read in a notification. Amounts are minor units turned into the asset's units by moving
 * the decimal point (integer arithmetic only, no floating point, trailing zeros dropped); times are cluster
 * milliseconds shown in UTC, so the same event always reads the same wherever it is rendered.
 */
final class Wording {
    /** The scale no asset exceeds: a long has 19 digits. */
    static final int SCALE_MAX = 18;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private Wording() {
    }

    /** {@code minor} minor units of an asset with {@code scale} decimals, e.g. (150000000, 8) is "1.5". */
    static String amount(final long minor, final int scale) {
        if (scale < 0 || scale > SCALE_MAX) {
            throw new IllegalArgumentException("scale out of range: scale=" + scale);
        }
        final String digits = minor == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(minor));
        final String sign = minor < 0 ? "-" : "";
        if (scale == 0) {
            return sign + digits;
        }
        final String padded = "0".repeat(Math.max(0, scale + 1 - digits.length())) + digits;
        final String whole = padded.substring(0, padded.length() - scale);
        String fraction = padded.substring(padded.length() - scale);
        int end = fraction.length();
        while (end > 0 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        fraction = fraction.substring(0, end);
        return sign + whole + (fraction.isEmpty() ? "" : "." + fraction);
    }

    /** A cluster time as a UTC date and minute, e.g. "2026-12-01 14:05 UTC". */
    static String time(final long epochMs) {
        return UTC.format(Instant.ofEpochMilli(epochMs));
    }

    /** An enum constant as words: COMPLIANCE_REVIEW is "compliance review". */
    static String words(final Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
