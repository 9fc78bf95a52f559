package org.candor.engine;

/** Listed assets. Asset ids are chosen by the operator and index dense arrays; an asset is never delisted here. */
final class Assets {
    /** 10^18 is the largest power of ten below 2^63, so a whole unit always fits a long. */
    static final int SCALE_MAX = 18;
    /** Codes are short tickers; the limit keeps the journal and snapshots compact. */
    static final int CODE_LENGTH_MAX = 16;

    private final String[] codes;
    private final int[] scales;
    private final long[] unitSizes;
    private int count;

    Assets(final int assetsMax) {
        codes = new String[assetsMax];
        scales = new int[assetsMax];
        unitSizes = new long[assetsMax];
    }

    int capacity() {
        return codes.length;
    }

    int count() {
        return count;
    }

    boolean exists(final int assetId) {
        return assetId >= 0 && assetId < codes.length && codes[assetId] != null;
    }

    void add(final int assetId, final String code, final int scale) {
        codes[assetId] = code;
        scales[assetId] = scale;
        unitSizes[assetId] = pow10(scale);
        count++;
    }

    String code(final int assetId) {
        return codes[assetId];
    }

    int scale(final int assetId) {
        return scales[assetId];
    }

    /** Minor units in one whole unit of the asset: 10^scale. */
    long unitSize(final int assetId) {
        return unitSizes[assetId];
    }

    static long pow10(final int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }

    static boolean isValidCode(final String code) {
        return isUpperAlphanumeric(code, CODE_LENGTH_MAX);
    }

    /** Upper-case letters and digits only, 1 to {@code lengthMax} of them: safe in URLs, logs and fixed fields. */
    static boolean isUpperAlphanumeric(final String code, final int lengthMax) {
        if (code == null || code.isEmpty() || code.length() > lengthMax) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            final char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    static long hash(final int assetId, final String code, final int scale) {
        return Digest.hash(11, assetId, Digest.hashString(code), scale);
    }
}
