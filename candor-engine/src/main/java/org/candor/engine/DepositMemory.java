package org.candor.engine;

import org.agrona.collections.LongHashSet;

/**
 * The deposit references the engine credited most recently, per asset, so a deposit credited once is refused
 * (DEPOSIT_ALREADY_CREDITED) when it comes again: the chain edge re-sends the deposits of its rescan window after
 * a restart, and money must never be credited twice. Each asset keeps its last {@code perAssetMax} references
 * ({@link EngineCapacity#DEPOSIT_REFS_PER_ASSET} by default, where the bound is explained) in a FIFO ring, oldest
 * first, and the same references in a hash set for the lookup. Crediting one more when the ring is full forgets the
 * oldest, which would then be credited again: the bound is the promise.
 *
 * <p>Deterministic: the set only answers membership and is never iterated; the snapshot and the digest walk each
 * ring in its order (oldest first) and the assets in id order. Each reference's digest element includes its ordinal
 * (how many references of the asset were remembered before it, plus one), so two engines that remember the same
 * references in another order, and would forget them in another order, have different digests. Arrays are grown by
 * doubling as deposits arrive, so an asset without deposits costs nothing.
 */
final class DepositMemory {
    private static final int RING_INITIAL = 16;
    private static final float LOAD_FACTOR = 0.65f;

    private final int perAssetMax;
    private final Digest digest;
    /** Per asset: a ring of references, oldest at {@code starts[asset]}; null until the asset's first deposit. */
    private final long[][] rings;
    private final LongHashSet[] sets;
    private final int[] starts;
    private final int[] sizes;
    /** Per asset: how many references were ever remembered; the newest one's ordinal. */
    private final long[] remembered;

    DepositMemory(final int perAssetMax, final int assetsMax, final Digest digest) {
        if (Integer.bitCount(perAssetMax) != 1) {
            throw new IllegalArgumentException("perAssetMax=" + perAssetMax + " is not a power of two");
        }
        this.perAssetMax = perAssetMax;
        this.digest = digest;
        this.rings = new long[assetsMax][];
        this.sets = new LongHashSet[assetsMax];
        this.starts = new int[assetsMax];
        this.sizes = new int[assetsMax];
        this.remembered = new long[assetsMax];
    }

    /** Whether {@code depositRef} is among the asset's remembered (credited) references. */
    boolean contains(final int assetId, final long depositRef) {
        return sets[assetId] != null && sets[assetId].contains(depositRef);
    }

    /** Remembers a newly credited reference, forgetting the asset's oldest when its ring is full. */
    void remember(final int assetId, final long depositRef) {
        if (contains(assetId, depositRef)) {
            throw new InvariantViolation("deposit reference remembered twice asset=" + assetId + " ref="
                + depositRef);
        }
        if (rings[assetId] == null) {
            rings[assetId] = new long[Math.min(RING_INITIAL, perAssetMax)];
            sets[assetId] = new LongHashSet(Math.min(RING_INITIAL, perAssetMax) * 2, LOAD_FACTOR);
        }
        final int size = sizes[assetId];
        if (size == perAssetMax) {
            forgetOldest(assetId);
        } else if (size == rings[assetId].length) {
            grow(assetId);
        }
        final long[] ring = rings[assetId];
        ring[(starts[assetId] + sizes[assetId]) & (ring.length - 1)] = depositRef;
        sizes[assetId]++;
        remembered[assetId]++;
        sets[assetId].add(depositRef);
        digest.add(hash(assetId, depositRef, remembered[assetId]));
    }

    private void forgetOldest(final int assetId) {
        final long[] ring = rings[assetId];
        final long oldest = ring[starts[assetId]];
        digest.remove(hash(assetId, oldest, ordinalAt(assetId, 0)));
        sets[assetId].remove(oldest);
        starts[assetId] = (starts[assetId] + 1) & (ring.length - 1);
        sizes[assetId]--;
    }

    /** Doubles a full ring (below the bound), oldest first at position 0. */
    private void grow(final int assetId) {
        final long[] ring = rings[assetId];
        final long[] larger = new long[Math.min(ring.length * 2, perAssetMax)];
        for (int i = 0; i < sizes[assetId]; i++) {
            larger[i] = ring[(starts[assetId] + i) & (ring.length - 1)];
        }
        rings[assetId] = larger;
        starts[assetId] = 0;
    }

    /** How many references of the asset are remembered. */
    int size(final int assetId) {
        return sizes[assetId];
    }

    /** The {@code i}-th remembered reference of the asset, oldest first. */
    long refAt(final int assetId, final int i) {
        final long[] ring = rings[assetId];
        return ring[(starts[assetId] + i) & (ring.length - 1)];
    }

    private long ordinalAt(final int assetId, final int i) {
        return remembered[assetId] - sizes[assetId] + 1 + i;
    }

    static long hash(final int assetId, final long depositRef, final long ordinal) {
        return Digest.hash(60, assetId, depositRef, ordinal);
    }

    /** The digest of every remembered reference, recomputed from the rings (see {@link StateAudit}). */
    long recomputeHash() {
        long h = 0;
        for (int asset = 0; asset < sizes.length; asset++) {
            for (int i = 0; i < sizes[asset]; i++) {
                h += hash(asset, refAt(asset, i), ordinalAt(asset, i));
            }
        }
        return h;
    }

    /** Every ring holds distinct positive references, exactly those of its set, within the bound. */
    void check() {
        for (int asset = 0; asset < sizes.length; asset++) {
            final int size = sizes[asset];
            if (size == 0) {
                continue;
            }
            require(size <= perAssetMax && sets[asset].size() == size && remembered[asset] >= size,
                "deposit memory sizes differ asset=" + asset);
            for (int i = 0; i < size; i++) {
                require(refAt(asset, i) > 0 && sets[asset].contains(refAt(asset, i)),
                    "deposit memory ring and set differ asset=" + asset);
            }
        }
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new InvariantViolation(message);
        }
    }

    /** Assets in id order, each ring oldest first: equal memories write equal bytes. */
    void write(final SnapshotWriter out) {
        int assets = 0;
        for (final int size : sizes) {
            assets += size > 0 ? 1 : 0;
        }
        out.putInt(assets);
        for (int asset = 0; asset < sizes.length; asset++) {
            if (sizes[asset] > 0) {
                out.putInt(asset);
                out.putLong(remembered[asset]);
                out.putInt(sizes[asset]);
                for (int i = 0; i < sizes[asset]; i++) {
                    out.putLong(refAt(asset, i));
                }
            }
        }
    }

    /** Reads what {@link #write} wrote into an empty memory; the caller recomputes the digest afterwards. */
    void read(final SnapshotReader in, final Assets assets) {
        final int count = in.getInt(0, sizes.length);
        int previous = -1;
        for (int a = 0; a < count; a++) {
            final int asset = in.getInt(previous + 1, sizes.length - 1);
            if (!assets.exists(asset)) {
                throw new SnapshotReader.SnapshotFormatException("deposit memory of unknown asset=" + asset);
            }
            previous = asset;
            final long total = in.getLong();
            final int size = in.getInt(1, perAssetMax);
            if (total < size) {
                throw new SnapshotReader.SnapshotFormatException("deposit memory asset=" + asset + " remembered="
                    + total + " below size=" + size);
            }
            for (int i = 0; i < size; i++) {
                final long ref = in.getLong();
                if (ref <= 0 || contains(asset, ref)) {
                    throw new SnapshotReader.SnapshotFormatException("deposit memory asset=" + asset
                        + " has an invalid or repeated ref=" + ref);
                }
                remember(asset, ref);
            }
            remembered[asset] = total;
        }
    }
}
