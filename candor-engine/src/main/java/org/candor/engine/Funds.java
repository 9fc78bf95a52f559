package org.candor.engine;

/**
 * Money entering the exchange: deposits. Money leaving it is in {@link Withdrawals}; money an operator restricts is
 * in {@link Holds}.
 */
final class Funds {
    private final Users users;
    private final Ledger ledger;
    private final Emitter emitter;
    private long lastReference;

    Funds(final Users users, final Ledger ledger, final Emitter emitter) {
        this.users = users;
        this.ledger = ledger;
        this.emitter = emitter;
    }

    long lastReference() {
        return lastReference;
    }

    RejectReason deposit(final int userSlot, final int assetId, final long amount, final long depositRef) {
        if (amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!ledger.canMint(assetId, amount)) {
            return RejectReason.BALANCE_OVERFLOW;
        }
        final int account = ledger.findOrCreate(userSlot, assetId);
        if (account == Ledger.NONE) {
            return RejectReason.ACCOUNTS_CAPACITY_REACHED;
        }
        lastReference = depositRef;
        emitter.depositCredited(users.idOf(userSlot), assetId, amount, depositRef);
        ledger.fromCustody(account, Bucket.AVAILABLE, amount, LedgerCause.DEPOSIT, depositRef);
        return RejectReason.NONE;
    }
}
