package org.candor.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.candor.engine.Bucket;
import org.candor.engine.HoldPolicy;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalState;

/**
 * The reference's withdrawals, written the slow and obvious way: allow-listed addresses in a map, live withdrawals
 * in a map, and every withdrawal still counted in the rolling window as a list entry summed on each request.
 */
public final class ReferenceWithdrawals {
    static final int ADDRESSES_PER_USER_MAX = 16;
    static final long HOUR_MS = 3_600_000;
    static final long NO_LIMIT = 1L << 62;

    /** {userId, assetId, usableFromMs} and the text. */
    private record Address(long userId, int assetId, long usableFromMs, String text) {
    }

    private static final class Live {
        final long userId;
        final int assetId;
        final long amount;
        final long hour;
        WithdrawalState state;

        Live(final long userId, final int assetId, final long amount, final long hour, final WithdrawalState state) {
            this.userId = userId;
            this.assetId = assetId;
            this.amount = amount;
            this.hour = hour;
            this.state = state;
        }
    }

    /** One amount counted in the window: {userId, assetId, hour, amount, withdrawalId}. */
    private final List<long[]> counted = new ArrayList<>();
    private final TreeMap<Long, Address> addresses = new TreeMap<>();
    private final TreeMap<Long, Live> live = new TreeMap<>();
    private final ReferenceExchange exchange;
    private final int pendingMax;
    private long addressSeq;
    private long withdrawalSeq;

    ReferenceWithdrawals(final ReferenceExchange exchange, final int pendingMax) {
        this.exchange = exchange;
        this.pendingMax = pendingMax;
    }

    public RejectReason addAddress(final long userId, final int assetId, final String text, final long now) {
        exchange.clearReference();
        if (!exchange.hasUser(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        if (!exchange.hasAsset(assetId)) {
            return RejectReason.UNKNOWN_ASSET;
        }
        if (text == null || text.isEmpty() || text.length() > 100 || !text.chars().allMatch(c -> c > 32 && c < 127)) {
            return RejectReason.WITHDRAWAL_TEXT_INVALID;
        }
        int own = 0;
        for (final Address a : addresses.values()) {
            if (a.userId == userId && a.assetId == assetId && a.text.equals(text)) {
                return RejectReason.WITHDRAWAL_ADDRESS_EXISTS;
            }
            own += a.userId == userId ? 1 : 0;
        }
        if (own >= ADDRESSES_PER_USER_MAX) {
            return RejectReason.WITHDRAWAL_ADDRESSES_CAPACITY_REACHED;
        }
        final long lock = exchange.policies().setting(assetId, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK);
        addresses.put(++addressSeq, new Address(userId, assetId, now + lock, text));
        return exchange.done(addressSeq);
    }

    public RejectReason removeAddress(final long userId, final long addressId) {
        exchange.clearReference();
        if (!exchange.hasUser(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        final Address address = addresses.get(addressId);
        if (address == null || address.userId != userId) {
            return RejectReason.UNKNOWN_WITHDRAWAL_ADDRESS;
        }
        addresses.remove(addressId);
        return exchange.done(addressId);
    }

    /** After the exchange checked user, asset and blocks. */
    RejectReason request(final long userId, final int assetId, final long amount, final long addressId,
        final long now) {
        if (amount <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Address address = addresses.get(addressId);
        if (address == null || address.userId != userId || address.assetId != assetId) {
            return RejectReason.ADDRESS_NOT_ON_ALLOW_LIST;
        }
        if (now < address.usableFromMs) {
            return RejectReason.ADDRESS_TIME_LOCKED;
        }
        if (exchange.get(userId, assetId, Bucket.AVAILABLE) < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        final long hour = Math.floorDiv(now, HOUR_MS);
        long user = 0;
        long all = 0;
        for (final long[] c : counted) {
            if (c[1] == assetId && c[2] > hour - 24 && c[2] <= hour) {
                all += c[3];
                user += c[0] == userId ? c[3] : 0;
            }
        }
        final ReferencePolicies policies = exchange.policies();
        if (amount > policies.setting(assetId, PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT) - user
            || amount > policies.setting(assetId, PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT) - all) {
            return RejectReason.WITHDRAWAL_VELOCITY_LIMIT;
        }
        if (live.size() >= pendingMax) {
            return RejectReason.WITHDRAWALS_CAPACITY_REACHED;
        }
        final boolean approval = amount > policies.setting(assetId, PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD);
        live.put(++withdrawalSeq, new Live(userId, assetId, amount, hour,
            approval ? WithdrawalState.AWAITING_APPROVAL : WithdrawalState.REQUESTED));
        counted.add(new long[] {userId, assetId, hour, amount, withdrawalSeq});
        exchange.move(userId, assetId, Bucket.AVAILABLE, Bucket.WITHDRAWING, amount);
        return exchange.done(withdrawalSeq);
    }

    public RejectReason approve(final long withdrawalId, final long operatorId) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Live w = live.get(withdrawalId);
        if (w == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (w.state != WithdrawalState.AWAITING_APPROVAL) {
            return RejectReason.WITHDRAWAL_NOT_AWAITING_APPROVAL;
        }
        w.state = WithdrawalState.APPROVED;
        return exchange.done(withdrawalId);
    }

    public RejectReason reject(final long withdrawalId, final long operatorId, final String justification) {
        exchange.clearReference();
        if (operatorId <= 0) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (!HoldPolicy.isValidText(justification)) {
            return RejectReason.HOLD_EXPLANATION_INVALID;
        }
        final Live w = live.get(withdrawalId);
        if (w == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (w.state == WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_SENDING;
        }
        if (w.state != WithdrawalState.AWAITING_APPROVAL) {
            return RejectReason.WITHDRAWAL_NOT_AWAITING_APPROVAL;
        }
        giveBack(withdrawalId, w);
        return exchange.done(withdrawalId);
    }

    /** The reference has no pauses (the generator sends none), so a ready withdrawal is always claimed. */
    public RejectReason claim(final long withdrawalId) {
        exchange.clearReference();
        final Live w = live.get(withdrawalId);
        if (w == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (w.state == WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_SENDING;
        }
        if (w.state != WithdrawalState.REQUESTED && w.state != WithdrawalState.APPROVED) {
            return RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST;
        }
        w.state = WithdrawalState.SENDING;
        return exchange.done(withdrawalId);
    }

    public RejectReason broadcast(final long withdrawalId, final String txRef, final long fee) {
        exchange.clearReference();
        if (txRef == null || txRef.isEmpty() || txRef.length() > 100
            || !txRef.chars().allMatch(c -> c > 32 && c < 127)) {
            return RejectReason.WITHDRAWAL_TEXT_INVALID;
        }
        final Live w = live.get(withdrawalId);
        if (w == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (fee < 0 || fee > w.amount) {
            return RejectReason.INVALID_ARGUMENT;
        }
        if (w.state != WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_NOT_SENDING;
        }
        w.state = WithdrawalState.BROADCAST;
        return exchange.done(withdrawalId);
    }

    public RejectReason complete(final long withdrawalId) {
        exchange.clearReference();
        final Live w = live.get(withdrawalId);
        if (w == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (w.state != WithdrawalState.BROADCAST) {
            return RejectReason.WITHDRAWAL_NOT_BROADCAST;
        }
        live.remove(withdrawalId);
        exchange.leave(w.userId, w.assetId, w.amount);
        return exchange.done(withdrawalId);
    }

    public RejectReason fail(final long withdrawalId, final WithdrawalFailure reason) {
        exchange.clearReference();
        if (reason == null) {
            return RejectReason.INVALID_ARGUMENT;
        }
        final Live w = live.get(withdrawalId);
        if (w == null) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (w.state == WithdrawalState.AWAITING_APPROVAL) {
            return RejectReason.WITHDRAWAL_NOT_READY_FOR_BROADCAST;
        }
        giveBack(withdrawalId, w);
        return exchange.done(withdrawalId);
    }

    public RejectReason cancel(final long userId, final long withdrawalId) {
        exchange.clearReference();
        if (!exchange.hasUser(userId)) {
            return RejectReason.UNKNOWN_USER;
        }
        final Live w = live.get(withdrawalId);
        if (w == null || w.userId != userId) {
            return RejectReason.UNKNOWN_WITHDRAWAL;
        }
        if (w.state == WithdrawalState.SENDING) {
            return RejectReason.WITHDRAWAL_SENDING;
        }
        if (w.state == WithdrawalState.BROADCAST) {
            return RejectReason.WITHDRAWAL_ALREADY_BROADCAST;
        }
        giveBack(withdrawalId, w);
        return exchange.done(withdrawalId);
    }

    private void giveBack(final long withdrawalId, final Live w) {
        live.remove(withdrawalId);
        counted.removeIf(c -> c[4] == withdrawalId);
        exchange.move(w.userId, w.assetId, Bucket.WITHDRAWING, Bucket.AVAILABLE, w.amount);
    }
}
