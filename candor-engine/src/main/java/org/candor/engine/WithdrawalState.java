package org.candor.engine;

/** The engine's view of a withdrawal: its funds are WITHDRAWING while PENDING, then leave or come back. */
public enum WithdrawalState {
    PENDING(0),
    COMPLETED(1),
    FAILED(2),
    CANCELLED(3);

    private static final WithdrawalState[] BY_CODE = values();
    private final int code;

    WithdrawalState(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static WithdrawalState fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
