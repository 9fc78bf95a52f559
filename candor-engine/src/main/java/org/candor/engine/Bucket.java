package org.candor.engine;

/**
 * A ledger account is a (owner, asset, bucket). A user's balance in an asset is split into the first four buckets,
 * and their sum is the user's total. The last two belong to the system, one of each per asset: CUSTODY mirrors what
 * sits outside the ledger (on chain, in the hot and cold wallets) and is the negative of everything users and fees
 * hold, so that every asset sums to zero; FEES collects trading fees.
 */
public enum Bucket {
    AVAILABLE(0),
    IN_ORDERS(1),
    WITHDRAWING(2),
    HELD(3),
    CUSTODY(4),
    FEES(5);

    /** Number of buckets a user has per asset. */
    public static final int USER_BUCKETS = 4;
    private static final Bucket[] BY_CODE = values();
    private final int code;

    Bucket(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isSystem() {
        return code >= USER_BUCKETS;
    }

    public static Bucket fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
