package org.candor.engine;

import java.util.Map;

/**
 * The part of snapshot formats 3 and 4 that format 2 did not have: allow-listed addresses, withdrawal settings that
 * differ from their defaults, pauses, velocity windows and pending policy changes, each with its counter. Written in
 * id or asset order, so equal engines write equal bytes; every count is checked against its bound on reading.
 */
final class SnapshotWithdrawals {
    private static final PolicyKind[] SETTINGS = {PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD,
        PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT, PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT,
        PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, PolicyKind.WITHDRAWAL_SLA_REQUESTED,
        PolicyKind.WITHDRAWAL_SLA_AWAITING_APPROVAL, PolicyKind.WITHDRAWAL_SLA_APPROVED,
        PolicyKind.WITHDRAWAL_SLA_BROADCAST, PolicyKind.WITHDRAWAL_SLA_SENDING};

    private SnapshotWithdrawals() {
    }

    static void write(final Engine engine, final SnapshotWriter out) {
        out.putLong(engine.addresses.addressSeq());
        out.putInt(engine.addresses.count());
        for (final WithdrawalAddress a : engine.addresses.all()) {
            out.putLong(a.addressId);
            out.putInt(a.userSlot);
            out.putInt(a.assetId);
            out.putString(a.address);
            out.putLong(a.addedAtMs);
            out.putLong(a.usableFromMs);
        }
        writePolicy(engine, out);
        writeVelocity(engine.velocity, engine.assets, out);
        out.putLong(engine.policyChanges.proposalSeq());
        int changes = 0;
        for (final PolicyChange ignored : engine.policyChanges.all()) {
            changes++;
        }
        out.putInt(changes);
        for (final PolicyChange c : engine.policyChanges.all()) {
            out.putLong(c.proposalId);
            out.putInt(c.kind.code());
            out.putInt(c.assetId);
            out.putLong(c.value);
            out.putInt(c.accountsMax);
            out.putInt(c.shareBpsMax);
            out.putLong(c.proposedBy);
            out.putLong(c.expiresAtMs);
        }
    }

    private static void writePolicy(final Engine engine, final SnapshotWriter out) {
        final WithdrawalPolicy policy = engine.withdrawalPolicy;
        int settings = 0;
        int pauses = 0;
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            if (engine.assets.exists(asset)) {
                for (final PolicyKind kind : SETTINGS) {
                    settings += policy.get(kind, asset) != WithdrawalPolicy.defaultValue(kind) ? 1 : 0;
                }
                pauses += policy.isPaused(asset) ? 1 : 0;
            }
        }
        out.putInt(settings);
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            for (final PolicyKind kind : SETTINGS) {
                if (engine.assets.exists(asset) && policy.get(kind, asset) != WithdrawalPolicy.defaultValue(kind)) {
                    out.putInt(asset);
                    out.putInt(kind.code());
                    out.putLong(policy.get(kind, asset));
                }
            }
        }
        out.putInt(pauses);
        for (int asset = 0; asset < engine.assets.capacity(); asset++) {
            if (engine.assets.exists(asset) && policy.isPaused(asset)) {
                out.putInt(asset);
                out.putInt(policy.pauseReason(asset).code());
                out.putString(policy.pauseExplanation(asset));
                out.putLong(policy.pausedBy(asset));
            }
        }
    }

    private static void writeVelocity(final Velocity velocity, final Assets assets, final SnapshotWriter out) {
        out.putInt(velocity.accountWindows().size());
        for (final Map.Entry<Integer, Velocity.Window> entry : velocity.accountWindows().entrySet()) {
            out.putInt(entry.getKey());
            writeWindow(entry.getValue(), out);
        }
        int windows = 0;
        for (int asset = 0; asset < assets.capacity(); asset++) {
            windows += velocity.assetWindow(asset) != null ? 1 : 0;
        }
        out.putInt(windows);
        for (int asset = 0; asset < assets.capacity(); asset++) {
            if (velocity.assetWindow(asset) != null) {
                out.putInt(asset);
                writeWindow(velocity.assetWindow(asset), out);
            }
        }
    }

    private static void writeWindow(final Velocity.Window window, final SnapshotWriter out) {
        for (int i = 0; i < Velocity.BUCKETS; i++) {
            out.putLong(window.hours[i]);
            out.putLong(window.amounts[i]);
        }
    }

    static void read(final Engine engine, final SnapshotReader in, final int version) {
        engine.addresses.restoreSeq(in.getLong());
        final int addresses = in.getInt(0, WithdrawalAddresses.ADDRESSES_MAX);
        long previous = 0;
        for (int i = 0; i < addresses; i++) {
            final long id = in.getLong();
            if (id <= previous) {
                throw new SnapshotReader.SnapshotFormatException("address ids out of order at " + id);
            }
            previous = id;
            final int userSlot = in.getInt(0, engine.users.count() - 1);
            final int asset = in.getInt(0, engine.assets.capacity() - 1);
            final String address = in.getString();
            final long addedAtMs = in.getLong();
            engine.addresses.restore(new WithdrawalAddress(id, engine.users.idOf(userSlot), userSlot, asset, address,
                addedAtMs, in.getLong()));
        }
        readPolicy(engine, in, version);
        readVelocity(engine, in);
        engine.policyChanges.restoreSeq(in.getLong());
        final int changes = in.getInt(0, PolicyChanges.PENDING_MAX);
        for (int i = 0; i < changes; i++) {
            final long id = in.getLong();
            final PolicyKind kind = PolicyKind.fromCode(in.getInt(0, PolicyKind.values().length - 1));
            final int asset = in.getInt(Hold.NO_ASSET, engine.assets.capacity() - 1);
            final long value = in.getLong();
            final int accounts = in.getInt(0, Integer.MAX_VALUE);
            final int share = in.getInt(0, Money.BPS_PER_UNIT);
            final long proposedBy = in.getLong();
            engine.policyChanges.restore(new PolicyChange(id, kind, asset, value, accounts, share, proposedBy,
                in.getLong()));
        }
    }

    private static void readPolicy(final Engine engine, final SnapshotReader in, final int version) {
        // Format 3 knew no SENDING deadline: its last setting is BROADCAST's.
        final PolicyKind last = version == Snapshots.FORMAT_VERSION_3 ? PolicyKind.WITHDRAWAL_SLA_BROADCAST
            : SETTINGS[SETTINGS.length - 1];
        final int settings = in.getInt(0, engine.assets.capacity() * SETTINGS.length);
        for (int i = 0; i < settings; i++) {
            final int asset = in.getInt(0, engine.assets.capacity() - 1);
            final PolicyKind kind = PolicyKind.fromCode(in.getInt(SETTINGS[0].code(), last.code()));
            final long value = in.getLong();
            if (!WithdrawalPolicy.isValid(kind, value)) {
                throw new SnapshotReader.SnapshotFormatException("withdrawal setting out of range kind=" + kind);
            }
            engine.withdrawalPolicy.set(kind, asset, value);
        }
        final int pauses = in.getInt(0, engine.assets.capacity());
        for (int i = 0; i < pauses; i++) {
            final int asset = in.getInt(0, engine.assets.capacity() - 1);
            final WithdrawalPauseReason reason =
                WithdrawalPauseReason.fromCode(in.getInt(0, WithdrawalPauseReason.values().length - 1));
            final String explanation = in.getString();
            engine.withdrawalPolicy.pause(asset, reason, explanation, in.getLong());
        }
    }

    private static void readVelocity(final Engine engine, final SnapshotReader in) {
        final int accounts = in.getInt(0, Velocity.ACCOUNTS_MAX);
        for (int i = 0; i < accounts; i++) {
            engine.velocity.restoreAccount(in.getInt(0, engine.capacity.accountsMax() - 1), readWindow(in));
        }
        final int assets = in.getInt(0, engine.assets.capacity());
        for (int i = 0; i < assets; i++) {
            engine.velocity.restoreAsset(in.getInt(0, engine.assets.capacity() - 1), readWindow(in));
        }
    }

    private static Velocity.Window readWindow(final SnapshotReader in) {
        final Velocity.Window window = new Velocity.Window();
        for (int i = 0; i < Velocity.BUCKETS; i++) {
            window.hours[i] = in.getLong();
            window.amounts[i] = in.getLong();
        }
        return window;
    }
}
