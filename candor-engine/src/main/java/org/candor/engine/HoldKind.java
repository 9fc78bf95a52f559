package org.candor.engine;

/**
 * What a hold restricts. AMOUNT moves an amount of one asset from AVAILABLE to HELD while the hold is in force.
 * ACCOUNT_BLOCK moves nothing but debit-blocks the whole account: new orders, moves and withdrawals are refused with
 * a reason naming the hold, while deposits and fills of orders already resting still credit.
 */
public enum HoldKind {
    AMOUNT(0),
    ACCOUNT_BLOCK(1);

    private static final HoldKind[] BY_CODE = values();
    private final int code;

    HoldKind(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static HoldKind fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
