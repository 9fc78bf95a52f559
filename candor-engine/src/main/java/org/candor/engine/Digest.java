package org.candor.engine;

/**
 * An incremental digest of the engine's state: the sum, modulo 2^64, of one well-mixed hash per state element
 * (each balance, each resting order, each hold...). Changing an element subtracts its old hash and adds the new one,
 * so the digest costs a few multiplications per mutation and is independent of the order in which elements were
 * created. Queue order inside a price level is covered because each resting order's hash includes its priority
 * stamp. {@link Engine#recomputeDigest()} rebuilds the same value from scratch, and tests check the two agree.
 */
final class Digest {
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    private static final long K3 = 0x165667B19E3779F9L;
    private static final long K4 = 0xD6E8FEB86659FD93L;
    private static final long K5 = 0xFF51AFD7ED558CCDL;

    private long value;

    long value() {
        return value;
    }

    void set(final long value) {
        this.value = value;
    }

    void add(final long elementHash) {
        value += elementHash;
    }

    void remove(final long elementHash) {
        value -= elementHash;
    }

    void replace(final long oldHash, final long newHash) {
        value += newHash - oldHash;
    }

    /** The murmur3 64-bit finaliser: every input bit affects every output bit. */
    static long mix(final long x) {
        long z = x;
        z = (z ^ (z >>> 33)) * K5;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    static long hash(final long kind, final long a, final long b, final long c) {
        return mix(mix(kind * K1 + a) * K2 + mix(b * K3 + c * K4));
    }

    static long hash(final long kind, final long a, final long b, final long c, final long d, final long e) {
        return mix(hash(kind, a, b, c) * K1 + mix(d * K2 + e * K3));
    }

    static long hash(final long kind, final long a, final long b, final long c, final long d, final long e,
        final long f) {
        return mix(hash(kind, a, b, c, d, e) * K4 + mix(f * K5));
    }

    static long hash(final long kind, final long a, final long b, final long c, final long d, final long e,
        final long f, final long g) {
        return mix(hash(kind, a, b, c, d, e) * K4 + mix(f * K5 + g * K1));
    }

    static long hashString(final String s) {
        long h = K3;
        for (int i = 0; i < s.length(); i++) {
            h = mix(h * K1 + s.charAt(i));
        }
        return h;
    }
}
