package org.candor.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts API secrets at rest with AES-256-GCM under a master key held outside the database (configuration or the
 * environment variable {@link #MASTER_KEY_ENV}). Each secret gets a fresh random 96-bit nonce, stored in front of
 * its ciphertext; the API key string is the associated data, so a ciphertext copied to another key's row does not
 * decrypt. A database dump alone therefore reveals no secret.
 */
public final class SecretCipher {
    /** Environment variable holding the master key, 32 bytes in base64. */
    public static final String MASTER_KEY_ENV = "CANDOR_GATEWAY_MASTER_KEY";
    static final int MASTER_KEY_BYTES = 32;
    /** GCM's recommended nonce length; random nonces are safe far beyond the number of keys we will ever store. */
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(final byte[] masterKey) {
        if (masterKey.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("reason=master-key-length bytes=" + masterKey.length + " expected="
                + MASTER_KEY_BYTES);
        }
        this.masterKey = new SecretKeySpec(masterKey.clone(), "AES");
    }

    /** A cipher with the master key given in base64 (as in {@link #MASTER_KEY_ENV}). */
    public static SecretCipher fromBase64(final String masterKeyBase64) {
        if (masterKeyBase64 == null || masterKeyBase64.isBlank()) {
            throw new IllegalArgumentException("reason=master-key-missing env=" + MASTER_KEY_ENV);
        }
        return new SecretCipher(Base64.getDecoder().decode(masterKeyBase64.trim()));
    }

    /** Nonce followed by ciphertext and tag. */
    byte[] encrypt(final String apiKey, final byte[] secret) {
        final byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            final Cipher cipher = cipher(Cipher.ENCRYPT_MODE, apiKey, nonce);
            final byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reason=encrypt-failed", e);
        }
    }

    /** The secret sealed by {@link #encrypt} for the same API key; fails if the bytes or the key do not match. */
    byte[] decrypt(final String apiKey, final byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("reason=sealed-secret-too-short apiKey=" + apiKey);
        }
        final byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 0, nonce, 0, NONCE_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, apiKey, nonce).doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reason=decrypt-failed apiKey=" + apiKey, e);
        }
    }

    private Cipher cipher(final int mode, final String apiKey, final byte[] nonce) throws GeneralSecurityException {
        final Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(apiKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
