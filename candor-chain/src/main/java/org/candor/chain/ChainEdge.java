package org.candor.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain edge in one object, for the wiring: a {@link DepositTracker} per asset and one
 * {@link WithdrawalProcessor}, all driven by {@link #poll(long)} from one thread.
 *
 * <pre>
 *   ChainEdge edge = new ChainEdge(registry, commands, alerts, scannedHeights, creditedKeys);
 *   edge.withdrawals().submit(approved);          // for each withdrawal the engine approved
 *   every 250 ms: edge.poll(clusterOrWallTimeMs);  // credits deposits, sends and tracks withdrawals
 * </pre>
 */
public final class ChainEdge {
    private final ChainRegistry registry;
    private final TreeMap<Integer, DepositTracker> deposits = new TreeMap<>();
    private final WithdrawalProcessor withdrawals;

    /**
     * @param scannedHeights per asset id, the tip of the last deposit scan of a previous run (absent: 0)
     * @param credited the deposit keys already credited, of every asset (see {@link DepositTracker})
     */
    public ChainEdge(final ChainRegistry registry, final ChainCommands commands, final ChainAlerts alerts,
        final Map<Integer, Long> scannedHeights, final Collection<DepositKey> credited) {
        this.registry = registry;
        final Map<Integer, List<DepositKey>> creditedByAsset = new TreeMap<>();
        for (final DepositKey key : credited) {
            registry.get(key.assetId());
            creditedByAsset.computeIfAbsent(key.assetId(), id -> new ArrayList<>()).add(key);
        }
        for (final ChainRegistry.Entry entry : registry.entries()) {
            final int assetId = entry.asset().assetId();
            deposits.put(assetId, new DepositTracker(entry.asset(), entry.adapter(), commands, alerts,
                scannedHeights.getOrDefault(assetId, 0L), creditedByAsset.getOrDefault(assetId, List.of())));
        }
        this.withdrawals = new WithdrawalProcessor(registry, commands, alerts);
    }

    /** Scans every asset's deposits, then moves every withdrawal; an asset that is down delays only itself. */
    public void poll(final long nowMs) {
        for (final DepositTracker tracker : deposits.values()) {
            tracker.poll(nowMs);
        }
        withdrawals.poll(nowMs);
    }

    /** A new deposit address of {@code assetId} for {@code userId}. */
    public String newDepositAddress(final int assetId, final long userId) throws ChainUnavailableException {
        return registry.get(assetId).adapter().newDepositAddress(userId);
    }

    public DepositTracker deposits(final int assetId) {
        final DepositTracker tracker = deposits.get(assetId);
        if (tracker == null) {
            throw new IllegalArgumentException("assetId=" + assetId + " has no chain adapter");
        }
        return tracker;
    }

    /** A user's deposits not credited yet, over all assets, with their confirmations. */
    public List<PendingDeposit> pendingDeposits(final long userId) {
        final List<PendingDeposit> pending = new ArrayList<>();
        for (final DepositTracker tracker : deposits.values()) {
            pending.addAll(tracker.pending(userId));
        }
        return pending;
    }

    /** Per asset id, the height to persist for a resume. */
    public Map<Integer, Long> scannedHeights() {
        final Map<Integer, Long> heights = new TreeMap<>();
        deposits.forEach((assetId, tracker) -> heights.put(assetId, tracker.scannedHeight()));
        return heights;
    }

    public WithdrawalProcessor withdrawals() {
        return withdrawals;
    }

    public Map<String, ChainHealth> health() {
        return registry.health();
    }
}
