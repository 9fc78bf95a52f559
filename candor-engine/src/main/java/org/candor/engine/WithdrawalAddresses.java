package org.candor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Users' withdrawal allow-lists. A withdrawal may only go to an address its owner added for that asset, and only
 * once the asset's time lock has passed since it was added ("pre-approved" means added in advance and matured).
 * Addresses are kept in id order (TreeMap) for digests and snapshots; the per-user lists are only looked up, never
 * walked across users, so their hash map order cannot leak into anything the engine emits.
 */
final class WithdrawalAddresses {
    /** Addresses one user may keep: enough for a few assets and wallets each, few enough to review by eye. */
    static final int PER_USER_MAX = 16;
    /** Addresses the engine keeps: about 100 bytes each, so a million costs about 200 MB with their indexes. */
    static final int ADDRESSES_MAX = 1 << 20;

    private final Users users;
    private final Emitter emitter;
    private final Digest digest;
    private final TreeMap<Long, WithdrawalAddress> byId = new TreeMap<>();
    private final Map<Long, List<WithdrawalAddress>> byUser = new HashMap<>();
    private long addressSeq;
    private long lastReference;

    WithdrawalAddresses(final Users users, final Emitter emitter, final Digest digest) {
        this.users = users;
        this.emitter = emitter;
        this.digest = digest;
    }

    long lastReference() {
        return lastReference;
    }

    RejectReason add(final int userSlot, final int assetId, final String address, final long nowMs,
        final long timeLockMs) {
        if (!WithdrawalPolicy.isValidChainText(address)) {
            return RejectReason.WITHDRAWAL_TEXT_INVALID;
        }
        final long userId = users.idOf(userSlot);
        final List<WithdrawalAddress> own = byUser.get(userId);
        if (own != null) {
            for (final WithdrawalAddress existing : own) {
                if (existing.assetId == assetId && existing.address.equals(address)) {
                    return RejectReason.WITHDRAWAL_ADDRESS_EXISTS;
                }
            }
        }
        if (own != null && own.size() >= PER_USER_MAX || byId.size() >= ADDRESSES_MAX) {
            return RejectReason.WITHDRAWAL_ADDRESSES_CAPACITY_REACHED;
        }
        // Saturates instead of overflowing: a command time near the end of the long range never wraps to usable.
        final long usableFromMs = nowMs > Long.MAX_VALUE - timeLockMs ? Long.MAX_VALUE : nowMs + timeLockMs;
        final WithdrawalAddress added =
            new WithdrawalAddress(++addressSeq, userId, userSlot, assetId, address, nowMs, usableFromMs);
        restore(added);
        digest.add(added.hash());
        lastReference = added.addressId;
        emitter.withdrawalAddressAdded(userId, assetId, added.addressId, address, usableFromMs);
        return RejectReason.NONE;
    }

    RejectReason remove(final int userSlot, final long addressId) {
        final WithdrawalAddress address = byId.get(addressId);
        if (address == null || address.userSlot != userSlot) {
            return RejectReason.UNKNOWN_WITHDRAWAL_ADDRESS;
        }
        byId.remove(addressId);
        final List<WithdrawalAddress> own = byUser.get(address.userId);
        own.remove(address);
        if (own.isEmpty()) {
            byUser.remove(address.userId);
        }
        digest.remove(address.hash());
        lastReference = addressId;
        emitter.withdrawalAddressRemoved(address.userId, addressId);
        return RejectReason.NONE;
    }

    WithdrawalAddress get(final long addressId) {
        return byId.get(addressId);
    }

    Iterable<WithdrawalAddress> all() {
        return byId.values();
    }

    int count() {
        return byId.size();
    }

    /** The user's addresses, in id order; empty if none. */
    List<WithdrawalAddress> of(final long userId) {
        final List<WithdrawalAddress> own = byUser.get(userId);
        return own == null ? List.of() : List.copyOf(own);
    }

    long addressSeq() {
        return addressSeq;
    }

    void restoreSeq(final long seq) {
        addressSeq = seq;
    }

    /** Adds to both indexes; ids arrive in increasing order, so each user's list stays in id order. */
    void restore(final WithdrawalAddress address) {
        byId.put(address.addressId, address);
        byUser.computeIfAbsent(address.userId, k -> new ArrayList<>()).add(address);
    }
}
