package org.candor.chain;

/**
 * The chain (or the node, wallet service or RPC provider behind an adapter) cannot answer now. Transient by
 * definition: the caller keeps its state and tries again later. It is a checked exception so that no caller can
 * forget that any call to a chain may fail, and none may treat an outage as an answer ("no deposits", "dropped").
 */
public final class ChainUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String assetCode;

    public ChainUnavailableException(final String assetCode, final String reason) {
        super("chain=" + assetCode + " unavailable reason=" + reason);
        this.assetCode = assetCode;
    }

    public String assetCode() {
        return assetCode;
    }
}
