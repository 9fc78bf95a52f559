package org.candor.gateway;

import java.security.SecureRandom;

/**
 * Random letters and digits from a {@link SecureRandom}: API keys and their secrets, listen keys, demo passwords.
 * Letters and digits only, because that is what Binance keys look like and what clients put in headers and URLs
 * without escaping. 64 characters carry about 381 bits.
 */
public final class RandomTokens {
    private static final char[] ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private RandomTokens() {
    }

    /** {@code length} random letters and digits. */
    public static String alphanumeric(final SecureRandom random, final int length) {
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
