package org.candor.gateway;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimal strings of the API to and from the engine's minor units, exactly. A value with more decimals than its
 * asset's scale is refused, never rounded; a value that does not fit a {@code long} is refused; nothing passes
 * through a floating-point number.
 */
final class Decimals {
    /** Longest decimal string accepted: more digits than any long holds, with room for a point and zeros. */
    static final int TEXT_LENGTH_MAX = 64;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Decimals() {
    }

    /**
     * Minor units of {@code text} in an asset of {@code scale} decimals: "1.25" at scale 2 is 125. Refuses a sign,
     * an exponent, excess precision and values above {@link Long#MAX_VALUE}.
     *
     * @throws ApiError -1100 for a malformed number, -1111 for excess precision
     */
    static long toMinor(final String name, final String text, final int scale) {
        if (text == null || text.isEmpty() || text.length() > TEXT_LENGTH_MAX || !plainDecimal(text)) {
            throw ErrorMapper.illegalParameter(name);
        }
        final BigDecimal value = new BigDecimal(text).movePointRight(scale);
        final BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw ErrorMapper.badPrecision(name);
        }
        final BigInteger minor = whole.toBigIntegerExact();
        if (minor.compareTo(LONG_MAX) > 0) {
            throw ErrorMapper.illegalParameter(name);
        }
        return minor.longValueExact();
    }

    /** Digits with at most one point; no sign, exponent or spaces. */
    private static boolean plainDecimal(final String text) {
        boolean digit = false;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    /** {@code minor} units of an asset of {@code scale} decimals as a plain string with all its decimals. */
    static String format(final long minor, final int scale) {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }

    /** {@code minor} units at {@code scale}, as a decimal (for ratios that are formatted with their own scale). */
    static BigDecimal decimal(final long minor, final int scale) {
        return BigDecimal.valueOf(minor, scale);
    }
}
