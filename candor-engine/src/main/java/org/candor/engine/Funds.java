package org.candor.engine;

/**
 * Money entering the exchange: deposits. Money leaving it is in {@link Withdrawals}; money an operator restricts is
 * in {@link Holds}.
 *
 * <p>A deposit is identified by its asset and its reference (positive; the chain edge derives it from the
 * transaction and output, an operator's credit names its own). The engine credits a reference once: a repeat of one
 * of the asset's recent references ({@link DepositMemory}) is refused with DEPOSIT_ALREADY_CREDITED and changes
 * nothing, so a chain edge that re-sends its deposits after a restart pays nobody twice. Reference 0 is refused as
 * INVALID_ARGUMENT: every credit must be identifiable.
 */
final class Funds {
    private final Users users;
    private final Ledger ledger;
    private final Emitter emitter;
    private final DepositMemory memory;

    Funds(final Users users, final Ledger ledger, final Emitter emitter, final DepositMemory memory) {
        this.users = users;
        this.ledger = ledger;
        this.emitter = emitter;
        this.memory = memory;
    }

    DepositMemory memory() {
        return memory;
    }

    /**
     * Credits a deposit after its user and asset were found. Check order: INVALID_ARGUMENT (amount or reference not
     * positive), DEPOSIT_ALREADY_CREDITED, BALANCE_OVERFLOW, ACCOUNTS_CAPACITY_REACHED.
     */
    RejectReason deposit(final int userSlot, final int assetId, final long amount, final long depositRef) {
        if (amount <= 0 || depositRef <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (memory.contains(assetId, depositRef)) {
            return RejectReason.DEPOSIT_ALREADY_CREDITED;
        }
        if (!ledger.canMint(assetId, amount)) {
            return RejectReason.BALANCE_OVERFLOW;
        }
        final int account = ledger.findOrCreate(userSlot, assetId);
        if (account == Ledger.NONE) {
            return RejectReason.ACCOUNTS_CAPACITY_REACHED;
        }
        memory.remember(assetId, depositRef);
        emitter.depositCredited(users.idOf(userSlot), assetId, amount, depositRef);
        ledger.fromCustody(account, Bucket.AVAILABLE, amount, LedgerCause.DEPOSIT, depositRef);
        return RejectReason.NONE;
    }
}
