package org.candor.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credits the deposits of one asset: each transfer to our addresses once it has the asset's required
 * confirmations, exactly once per {@link DepositKey}, and never one that a reorg removed before then.
 *
 * <p>Why only after N confirmations: the engine credits a deposit in one irreversible step (CUSTODY -> AVAILABLE,
 * and the user may trade or withdraw it at once), so the only safe rule is not to credit what the chain may still
 * take back. A reorg shallower than N cannot touch a credited deposit. A reorg deeper than N can; that is an
 * incident, raised through {@link ChainAlerts#depositReversedAfterCredit} for an operator, never "fixed" here.
 *
 * <p>Each {@link #poll} asks for the transfers above a floor {@code confirmationsRequired + REORG_WATCH_BLOCKS}
 * below the last scanned tip (and never below an earlier floor): that window holds every transfer still short of
 * its confirmations and every credit still watched for reversal. Credits below the floor are forgotten, which
 * bounds memory; a reorg deeper than the window is outside what this class can see.
 *
 * <p>Restart: pass the last scanned height and the keys already credited (persisted, or known to the engine); a
 * key above the floor is then recognised and not sent again. Neither is needed for safety with Candor's engine,
 * which refuses a deposit reference it credited before (DEPOSIT_ALREADY_CREDITED, for the asset's 65,536 most
 * recent references): a key not recognised is sent again and refused there, so a restart from height 0 with no keys
 * credits nothing twice as long as the chain holds no more of the asset's deposits than the engine remembers. The
 * scanned height keeps the rescan within that bound on a long chain.
 */
public final class DepositTracker {
    /** How many blocks past its required confirmations a credited deposit is watched for a reversing reorg. */
    public static final int REORG_WATCH_BLOCKS = 64;
    /** A resume with more credited keys than this was not limited to the recent window, as it must be. */
    public static final int RESUMED_KEYS_MAX = 1_000_000;

    /** A credited deposit, remembered while it is in the watched window. */
    private static final class Credit {
        long height;
        String blockHash = "";
        boolean observed;
        boolean reversed;

        Credit(final long height, final boolean observed) {
            this.height = height;
            this.observed = observed;
        }
    }

    private final ChainAsset asset;
    private final ChainAdapter adapter;
    private final ChainCommands commands;
    private final ChainAlerts alerts;
    private final Backoff backoff = new Backoff();
    private final Map<DepositKey, Credit> credited = new LinkedHashMap<>();
    private List<PendingDeposit> pending = List.of();
    /** When each pending deposit was first seen: those of the last successful poll, so bounded as it is. */
    private Map<DepositKey, Long> firstSeenMs = Map.of();
    private long scannedHeight;
    /**
     * Only transfers above this height are asked for. It never goes down, even when a reorg shortens the chain:
     * credits at or below it have been forgotten, so a transfer there must never be seen again.
     */
    private long floor;

    /**
     * @param scannedHeight the tip at the last scan of a previous run, 0 for a first start (or when not kept)
     * @param alreadyCredited the keys credited by earlier runs, at least those of blocks above
     *     {@code scannedHeight - confirmationsRequired - REORG_WATCH_BLOCKS}; older ones are harmless but useless.
     *     May be empty when the engine refuses repeated deposit references: the window's deposits are then sent
     *     again and refused
     */
    public DepositTracker(final ChainAsset asset, final ChainAdapter adapter, final ChainCommands commands,
        final ChainAlerts alerts, final long scannedHeight, final Collection<DepositKey> alreadyCredited) {
        if (scannedHeight < 0 || alreadyCredited.size() > RESUMED_KEYS_MAX) {
            throw new IllegalArgumentException("scannedHeight=" + scannedHeight + " alreadyCredited="
                + alreadyCredited.size() + " max=" + RESUMED_KEYS_MAX);
        }
        this.asset = asset;
        this.adapter = adapter;
        this.commands = commands;
        this.alerts = alerts;
        this.scannedHeight = scannedHeight;
        this.floor = Math.max(0, scannedHeight - lookbackBlocks(asset));
        for (final DepositKey key : alreadyCredited) {
            if (key.assetId() != asset.assetId()) {
                throw new IllegalArgumentException("key=" + key + " is not of asset " + asset.assetId());
            }
            // Its height is unknown: assume the scanned height, so it is kept until the window has passed it.
            credited.put(key, new Credit(scannedHeight, false));
        }
    }

    /**
     * Scans the chain once, unless a recent outage's backoff has not passed. Credits what became final, raises an
     * incident for any credit a reorg reversed, and refreshes {@link #pending()}. Returns false when the chain
     * could not be read (nothing changed; the next poll after the backoff tries again).
     */
    public boolean poll(final long nowMs) {
        if (backoff.waiting(nowMs)) {
            return false;
        }
        final long tip;
        final List<IncomingTransfer> transfers;
        try {
            tip = adapter.height();
            floor = Math.max(floor, Math.min(scannedHeight, tip) - lookbackBlocks(asset));
            transfers = adapter.incomingSince(floor);
        } catch (final ChainUnavailableException e) {
            backoff.failed(nowMs);
            return false;
        }
        backoff.succeeded();
        final Set<DepositKey> seen = new HashSet<>();
        final List<PendingDeposit> stillPending = new ArrayList<>();
        for (final IncomingTransfer transfer : transfers) {
            final DepositKey key = new DepositKey(asset.assetId(), transfer.txId(), transfer.outputIndex());
            if (seen.add(key)) {
                consider(key, transfer, stillPending, nowMs);
            }
        }
        reviewCredits(seen);
        final Map<DepositKey, Long> firstSeen = new HashMap<>();
        for (final PendingDeposit deposit : stillPending) {
            firstSeen.put(deposit.key(), deposit.firstSeenMs());
        }
        firstSeenMs = firstSeen;
        pending = Collections.unmodifiableList(stillPending);
        scannedHeight = tip;
        return true;
    }

    private void consider(final DepositKey key, final IncomingTransfer transfer, final List<PendingDeposit> pending,
        final long nowMs) {
        final Credit credit = credited.get(key);
        if (credit != null) {
            // Credited with N confirmations, so only a reorg deeper than N can unmine it or change its block.
            if (!transfer.mined()) {
                reversed(key, credit, "back in the mempool");
            } else if (credit.observed && !credit.blockHash.equals(transfer.blockHash())) {
                reversed(key, credit, "now in block " + transfer.blockHash() + " at height " + transfer.height());
            }
            if (transfer.mined()) {
                credit.height = transfer.height();
                credit.blockHash = transfer.blockHash();
            }
            credit.observed = true;
            return;
        }
        if (transfer.confirmations() >= asset.confirmationsRequired()) {
            // Remembered before the command goes out: if the sink fails, a restart from the engine's keys credits
            // it then, whereas remembering after could credit twice within this run.
            final Credit fresh = new Credit(transfer.height(), true);
            fresh.blockHash = transfer.blockHash();
            credited.put(key, fresh);
            commands.creditDeposit(new ChainDeposit(key, transfer.userId(), transfer.address(), transfer.amount(),
                transfer.height(), transfer.confirmations()));
            return;
        }
        pending.add(new PendingDeposit(key, transfer.userId(), transfer.address(), transfer.amount(),
            transfer.confirmations(), asset.confirmationsRequired(), firstSeenMs.getOrDefault(key, nowMs)));
    }

    /** Raises an incident for credits missing from the window; forgets credits that fell below it. */
    private void reviewCredits(final Set<DepositKey> seen) {
        final Iterator<Map.Entry<DepositKey, Credit>> entries = credited.entrySet().iterator();
        while (entries.hasNext()) {
            final Map.Entry<DepositKey, Credit> entry = entries.next();
            final Credit credit = entry.getValue();
            if (credit.reversed) {
                // Kept for good: a reversed deposit that comes back later must still not be credited twice.
                continue;
            }
            if (credit.height <= floor) {
                entries.remove();
            } else if (credit.observed && !seen.contains(entry.getKey())) {
                reversed(entry.getKey(), credit, "absent from the chain");
            }
        }
    }

    private static long lookbackBlocks(final ChainAsset asset) {
        return asset.confirmationsRequired() + REORG_WATCH_BLOCKS;
    }

    private void reversed(final DepositKey key, final Credit credit, final String detail) {
        if (!credit.reversed) {
            credit.reversed = true;
            alerts.depositReversedAfterCredit(key, credit.height, detail);
        }
    }

    /**
     * Deposits seen and not credited yet, in chain order (mempool last), with their confirmations and when this
     * tracker first saw each.
     */
    public List<PendingDeposit> pending() {
        return pending;
    }

    /** The pending deposits of one user. */
    public List<PendingDeposit> pending(final long userId) {
        final List<PendingDeposit> mine = new ArrayList<>();
        for (final PendingDeposit deposit : pending) {
            if (deposit.userId() == userId) {
                mine.add(deposit);
            }
        }
        return mine;
    }

    /** The tip at the last successful scan: persist it with the credited keys to resume. */
    public long scannedHeight() {
        return scannedHeight;
    }

    /** Whether this key was credited (by this run or, as given at resume, an earlier one) and is still watched. */
    public boolean credited(final DepositKey key) {
        return credited.containsKey(key);
    }

    public ChainAsset asset() {
        return asset;
    }
}
