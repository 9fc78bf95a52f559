package org.candor.engine;

/**
 * The engine's only arithmetic on amounts. Inputs are non-negative minor units; results either fit or are refused,
 * and rounding happens in one place, explicitly, in the user's favour.
 */
final class Money {
    /** Returned by {@link #multiply} when the product does not fit {@link Ledger#AMOUNT_MAX}. */
    static final long OVERFLOW = -1;
    static final int BPS_PER_UNIT = 10_000;

    private Money() {
    }

    /** {@code a * b} for non-negative operands, or {@link #OVERFLOW} if it exceeds {@link Ledger#AMOUNT_MAX}. */
    static long multiply(final long a, final long b) {
        if (a < 0 || b < 0) {
            throw new InvariantViolation("multiply of negative operand a=" + a + " b=" + b);
        }
        final long low = a * b;
        if (Math.multiplyHigh(a, b) != 0 || low < 0 || low > Ledger.AMOUNT_MAX) {
            return OVERFLOW;
        }
        return low;
    }

    /**
     * The fee on {@code amount} at {@code bps} basis points, rounded down: floor(amount * bps / 10,000). Split as
     * (q * 10,000 + r) so the product never overflows; the remainder below one minor unit stays with the user,
     * and fee plus net always equals gross, so rounding creates and destroys nothing.
     */
    static long feeFloor(final long amount, final int bps) {
        if (amount < 0 || bps < 0 || bps > BPS_PER_UNIT) {
            throw new InvariantViolation("fee of amount=" + amount + " bps=" + bps);
        }
        final long whole = amount / BPS_PER_UNIT;
        final long rest = amount % BPS_PER_UNIT;
        return whole * bps + rest * bps / BPS_PER_UNIT;
    }
}
