package org.candor.engine;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rolling 24-hour withdrawal totals, per account (user and asset) and per asset, for the velocity limits. Time is cut
 * into hour buckets of command time; the window at a moment is the 24 buckets ending with the current hour, so an
 * amount counts from its request until the same hour of the next day ends. Buckets make the window exact and cheap
 * (24 slots, no list of every withdrawal) and deterministic (only command time decides). A withdrawal that ends
 * without leaving (cancelled, failed, rejected) gives its amount back to the bucket it was counted in.
 *
 * <p>Every total stays at most {@link Ledger#AMOUNT_MAX}: an amount is only counted after the limit check, and a
 * limit is at most that, so sums cannot overflow.
 */
final class Velocity {
    static final long BUCKET_MS = WithdrawalPolicy.HOUR_MS;
    static final int BUCKETS = 24;
    /**
     * Accounts with withdrawals counted in the window. Windows that aged out entirely are dropped when this fills,
     * so the bound is on accounts withdrawing within one day: 262,144 is far above any exchange's daily withdrawers.
     */
    static final int ACCOUNTS_MAX = 1 << 18;

    private final Digest digest;
    private final TreeMap<Integer, Window> byAccount = new TreeMap<>();
    private final Window[] byAsset;

    Velocity(final int assetsMax, final Digest digest) {
        this.digest = digest;
        this.byAsset = new Window[assetsMax];
    }

    static long hourOf(final long timeMs) {
        return Math.floorDiv(timeMs, BUCKET_MS);
    }

    /** What the account withdrew in the window ending at {@code nowMs}. */
    long accountTotal(final int account, final long nowMs) {
        final Window window = byAccount.get(account);
        return window == null ? 0 : window.total(hourOf(nowMs));
    }

    long assetTotal(final int assetId, final long nowMs) {
        final Window window = byAsset[assetId];
        return window == null ? 0 : window.total(hourOf(nowMs));
    }

    /** Whether an account without a window can get one now, dropping aged-out windows if the map is full. */
    boolean hasRoom(final int account, final long nowMs) {
        if (byAccount.containsKey(account) || byAccount.size() < ACCOUNTS_MAX) {
            return true;
        }
        final long hour = hourOf(nowMs);
        final Iterator<Map.Entry<Integer, Window>> it = byAccount.entrySet().iterator();
        while (it.hasNext()) {
            final Map.Entry<Integer, Window> entry = it.next();
            if (entry.getValue().total(hour) == 0) {
                digest.remove(entry.getValue().hash(entry.getKey(), 60));
                it.remove();
            }
        }
        return byAccount.size() < ACCOUNTS_MAX;
    }

    void count(final int account, final int assetId, final long amount, final long nowMs) {
        final long hour = hourOf(nowMs);
        final Window accountWindow = byAccount.computeIfAbsent(account, k -> new Window());
        change(accountWindow, account, 60, hour, amount);
        if (byAsset[assetId] == null) {
            byAsset[assetId] = new Window();
        }
        change(byAsset[assetId], assetId, 61, hour, amount);
    }

    /** Gives back an amount counted at {@code requestedAtMs}, if its bucket is still the one it was counted in. */
    void refund(final int account, final int assetId, final long amount, final long requestedAtMs) {
        final long hour = hourOf(requestedAtMs);
        final Window accountWindow = byAccount.get(account);
        if (accountWindow != null && accountWindow.holds(hour)) {
            change(accountWindow, account, 60, hour, -amount);
        }
        final Window assetWindow = byAsset[assetId];
        if (assetWindow != null && assetWindow.holds(hour)) {
            change(assetWindow, assetId, 61, hour, -amount);
        }
    }

    private void change(final Window window, final int key, final int kind, final long hour, final long delta) {
        final long before = window.hash(key, kind);
        window.add(hour, delta);
        digest.replace(before, window.hash(key, kind));
    }

    /** The digest of every window, for the audit. */
    long hash() {
        long h = 0;
        for (final Map.Entry<Integer, Window> entry : byAccount.entrySet()) {
            h += entry.getValue().hash(entry.getKey(), 60);
        }
        for (int asset = 0; asset < byAsset.length; asset++) {
            h += byAsset[asset] == null ? 0 : byAsset[asset].hash(asset, 61);
        }
        return h;
    }

    Map<Integer, Window> accountWindows() {
        return byAccount;
    }

    Window assetWindow(final int assetId) {
        return byAsset[assetId];
    }

    void restoreAccount(final int account, final Window window) {
        byAccount.put(account, window);
    }

    void restoreAsset(final int assetId, final Window window) {
        byAsset[assetId] = window;
    }

    /** 24 hour buckets: slot {@code hour mod 24} holds the amount counted in {@code hour}. */
    static final class Window {
        final long[] hours = new long[BUCKETS];
        final long[] amounts = new long[BUCKETS];

        private static int slot(final long hour) {
            return (int) Math.floorMod(hour, (long) BUCKETS);
        }

        long total(final long hour) {
            long sum = 0;
            for (int i = 0; i < BUCKETS; i++) {
                if (hours[i] > hour - BUCKETS && hours[i] <= hour) {
                    sum += amounts[i];
                }
            }
            return sum;
        }

        boolean holds(final long hour) {
            return hours[slot(hour)] == hour;
        }

        void add(final long hour, final long delta) {
            final int slot = slot(hour);
            if (hours[slot] != hour) {
                hours[slot] = hour;
                amounts[slot] = 0;
            }
            amounts[slot] += delta;
        }

        long hash(final int key, final int kind) {
            long h = 0;
            for (int i = 0; i < BUCKETS; i++) {
                if (amounts[i] != 0) {
                    h += Digest.hash(kind, key, hours[i], amounts[i]);
                }
            }
            return h;
        }
    }
}
