package org.candor.chain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adapters, one per asset, with each asset's settings. Kept in asset id order so that everything that walks
 * the assets (polls, health) does so in the same order every time.
 */
public final class ChainRegistry {
    /** One adapter per asset; a bound that keeps a misconfiguration from looking like a working system. */
    public static final int ASSETS_MAX = 256;

    /** An asset with its adapter. */
    public record Entry(ChainAsset asset, ChainAdapter adapter) {
    }

    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    /** Registers an asset; an asset id or code registered twice is refused. */
    public ChainRegistry add(final ChainAsset asset, final ChainAdapter adapter) {
        if (entries.containsKey(asset.assetId()) || entries.size() >= ASSETS_MAX) {
            throw new IllegalArgumentException("assetId=" + asset.assetId() + " registered=" + entries.size());
        }
        for (final Entry entry : entries.values()) {
            if (entry.asset().code().equals(asset.code())) {
                throw new IllegalArgumentException("code=" + asset.code() + " already registered");
            }
        }
        if (!adapter.assetCode().equals(asset.code())) {
            throw new IllegalArgumentException("asset code=" + asset.code() + " adapter code=" + adapter.assetCode());
        }
        entries.put(asset.assetId(), new Entry(asset, adapter));
        return this;
    }

    /** The entry of an asset, or null when the asset has no adapter. */
    public Entry find(final int assetId) {
        return entries.get(assetId);
    }

    public Entry get(final int assetId) {
        final Entry entry = entries.get(assetId);
        if (entry == null) {
            throw new IllegalArgumentException("assetId=" + assetId + " has no chain adapter");
        }
        return entry;
    }

    /** Every entry, in asset id order. */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** The health of every adapter, by asset code, in asset id order. */
    public Map<String, ChainHealth> health() {
        final Map<String, ChainHealth> health = new LinkedHashMap<>();
        for (final Entry entry : entries.values()) {
            health.put(entry.asset().code(), entry.adapter().health());
        }
        return health;
    }
}
