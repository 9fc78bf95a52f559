package org.candor.engine;

/** Why a ledger entry moved money. Each entry names its cause and a reference (order, trade, withdrawal, hold). */
public enum LedgerCause {
    DEPOSIT(0),
    WITHDRAWAL_REQUESTED(1),
    WITHDRAWAL_COMPLETED(2),
    WITHDRAWAL_RETURNED(3),
    HOLD_PLACED(4),
    HOLD_RELEASED(5),
    ORDER_RESERVED(6),
    ORDER_RELEASED(7),
    TRADE_SETTLED(8),
    TRADE_FEE(9);

    private static final LedgerCause[] BY_CODE = values();
    private final int code;

    LedgerCause(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LedgerCause fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
