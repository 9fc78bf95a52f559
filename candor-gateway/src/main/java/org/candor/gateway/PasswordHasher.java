package org.candor.gateway;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing for browser logins: PBKDF2 with HMAC-SHA256 from the JDK, {@link #ITERATIONS} rounds (OWASP's
 * 2023 figure for this function), a random salt per password, and a constant-time comparison. Slow on purpose: a
 * stolen table costs an attacker 210,000 HMACs per guess. The iteration count is stored with each hash, so raising it
 * later leaves older hashes verifiable.
 */
final class PasswordHasher {
    static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** Longest password accepted, in characters: long enough for any passphrase, short enough to bound the work. */
    static final int PASSWORD_CHARS_MAX = 256;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final SecureRandom random = new SecureRandom();

    /** A new salt and the hash of {@code password} under it. */
    Hashed hash(final char[] password) {
        final byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new Hashed(salt, ITERATIONS, derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} hashes to {@code expected}; the comparison takes the same time wherever they differ. */
    static boolean matches(final char[] password, final Hashed expected) {
        final byte[] actual = derive(password, expected.salt(), expected.iterations());
        try {
            return MessageDigest.isEqual(actual, expected.hash());
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    static byte[] derive(final char[] password, final byte[] salt, final int iterations) {
        if (password.length == 0 || password.length > PASSWORD_CHARS_MAX) {
            throw new IllegalArgumentException("reason=password-length length=" + password.length);
        }
        if (iterations < ITERATIONS) {
            throw new IllegalArgumentException("reason=too-few-iterations iterations=" + iterations);
        }
        final PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * Byte.SIZE);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reason=pbkdf2-unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A stored password: salt, iteration count and derived hash. */
    record Hashed(byte[] salt, int iterations, byte[] hash) {
        Hashed {
            salt = salt.clone();
            hash = hash.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Hashed that && iterations == that.iterations && Arrays.equals(salt, that.salt)
                && Arrays.equals(hash, that.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "Hashed[iterations=" + iterations + " (salt and hash hidden)]";
        }
    }
}
