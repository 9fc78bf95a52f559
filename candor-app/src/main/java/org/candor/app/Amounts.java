package org.candor.app;

import java.math.BigDecimal;

/**
 * Display of minor-unit amounts as decimals, for people. Formatting only: no arithmetic on money happens here, and
 * nothing parsed from a display string ever reaches the engine.
 */
final class Amounts {
    private Amounts() {
    }

    static String format(final long minorUnits, final int scale) {
        return BigDecimal.valueOf(minorUnits, scale).toPlainString();
    }
}
