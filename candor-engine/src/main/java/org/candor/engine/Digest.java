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
    private static final long K6 = 0xA0761D6478BD642FL;
    private static final long K7 = 0xE7037ED1A0B428DBL;
    private static final long K8 = 0x8EBC6AF09C88C6E3L;

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

    /*
     * Element hashes are a linear combination of the fields with distinct odd multipliers, finished by one murmur
     * mix: a handful of independent multiplications the CPU overlaps, instead of a chain of mixes. The digest is a
     * consistency check between replicas and replays, not a cryptographic commitment; two different states collide
     * only if their field differences cancel exactly under these multipliers.
     */
    static long hash(final long kind, final long a, final long b, final long c) {
        return mix(kind * K1 + a * K2 + b * K3 + c * K4);
    }

    static long hash(final long kind, final long a, final long b, final long c, final long d, final long e) {
        return mix(kind * K1 + a * K2 + b * K3 + c * K4 + d * K5 + e * K6);
    }

    static long hash(final long kind, final long a, final long b, final long c, final long d, final long e,
        final long f) {
        return mix(kind * K1 + a * K2 + b * K3 + c * K4 + d * K5 + e * K6 + f * K7);
    }

    static long hash(final long kind, final long a, final long b, final long c, final long d, final long e,
        final long f, final long g) {
        return mix(kind * K1 + a * K2 + b * K3 + c * K4 + d * K5 + e * K6 + f * K7 + g * K8);
    }

    static long hashString(final String s) {
        long h = K3;
        for (int i = 0; i < s.length(); i++) {
            h = mix(h * K1 + s.charAt(i));
        }
        return h;
    }
}
