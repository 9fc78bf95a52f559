package org.candor.engine;

/**
 * One address on a user's withdrawal allow-list for one asset. It may receive withdrawals from
 * {@code usableFromMs} on: the time lock gives the user (and the exchange's monitoring) a day to notice an address
 * that a thief with a stolen session added. Immutable; removing it takes it off the list.
 */
public final class WithdrawalAddress {
    final long addressId;
    final long userId;
    final int userSlot;
    final int assetId;
    final String address;
    final long addedAtMs;
    final long usableFromMs;

    WithdrawalAddress(final long addressId, final long userId, final int userSlot, final int assetId,
        final String address, final long addedAtMs, final long usableFromMs) {
        this.addressId = addressId;
        this.userId = userId;
        this.userSlot = userSlot;
        this.assetId = assetId;
        this.address = address;
        this.addedAtMs = addedAtMs;
        this.usableFromMs = usableFromMs;
    }

    public long addressId() {
        return addressId;
    }

    public long userId() {
        return userId;
    }

    public int assetId() {
        return assetId;
    }

    public String address() {
        return address;
    }

    public long addedAtMs() {
        return addedAtMs;
    }

    public long usableFromMs() {
        return usableFromMs;
    }

    long hash() {
        return Digest.hash(50, addressId, userId, assetId, Digest.hashString(address), addedAtMs, usableFromMs);
    }
}
