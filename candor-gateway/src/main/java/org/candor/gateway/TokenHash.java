package org.candor.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a bearer token (a browser session's id, a listen key): what the database keeps in its place, so
 * that reading the tables gives nobody a token to present. The tokens carry 256 or more random bits, so a plain
 * hash (no salt, no stretching) cannot be reversed by guessing.
 */
final class TokenHash {
    static final int BYTES = 32;

    private TokenHash() {
    }

    static byte[] of(final String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
