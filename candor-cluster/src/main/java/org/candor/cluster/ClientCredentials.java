package org.candor.cluster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a cluster client is, and the proof. A client connects claiming a client id; the cluster binds the session to
 * that id and refuses any command in it that carries another. When the cluster has a client secret, the claim must
 * come with the token {@code HMAC-SHA256(secret, clientId)}: an operator hands each trusted client (a gateway, an
 * admin tool) the token for its own id, never the secret, so a leaked token speaks for one client id only.
 *
 * <p>Encoding of the credentials Aeron carries in the connect request: version byte, client id (int64 little
 * endian), then the token (32 bytes) or nothing when the cluster runs without a secret.
 */
public final class ClientCredentials {
    public static final int VERSION = 1;
    public static final int TOKEN_BYTES = 32;
    /** A secret shorter than the HMAC's output would be the weak link. */
    public static final int SECRET_BYTES_MIN = 32;
    static final int CLAIM_BYTES = 1 + Long.BYTES;
    private static final String MAC = "HmacSHA256";

    private ClientCredentials() {
    }

    /** The token for {@code clientId} under the cluster's {@code secret}. */
    public static byte[] token(final byte[] secret, final long clientId) {
        if (secret.length < SECRET_BYTES_MIN) {
            throw new IllegalArgumentException("reason=secret-too-short bytes=" + secret.length + " minBytes="
                + SECRET_BYTES_MIN);
        }
        try {
            final Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(secret, MAC));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(clientId)
                .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reason=hmac-unavailable", e);
        }
    }

    /** The credentials a client sends: its claimed id, and its token if it has one (null for none). */
    public static byte[] encode(final long clientId, final byte[] token) {
        if (token != null && token.length != TOKEN_BYTES) {
            throw new IllegalArgumentException("reason=bad-token-length bytes=" + token.length);
        }
        final ByteBuffer out = ByteBuffer.allocate(CLAIM_BYTES + (token == null ? 0 : TOKEN_BYTES))
            .order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) VERSION).putLong(clientId);
        if (token != null) {
            out.put(token);
        }
        return out.array();
    }

    /** The client id claimed, or -1 if the credentials are not of this format. */
    static long claimedClientId(final byte[] credentials) {
        if (credentials == null || credentials.length < CLAIM_BYTES || credentials[0] != VERSION) {
            return -1;
        }
        final long clientId = ByteBuffer.wrap(credentials, 1, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return clientId > 0 ? clientId : -1;
    }

    /** Whether {@code credentials} carry the right token for their claim under {@code secret}; constant time. */
    static boolean verify(final byte[] secret, final byte[] credentials) {
        final long clientId = claimedClientId(credentials);
        if (clientId < 0 || credentials.length != CLAIM_BYTES + TOKEN_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(token(secret, clientId),
            Arrays.copyOfRange(credentials, CLAIM_BYTES, credentials.length));
    }

    /** The principal a session is bound to: the client id, int64 little endian. */
    static byte[] principal(final long clientId) {
        return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(clientId).array();
    }

    /**
     * The client id a session was bound to, or -1 if its principal is not one of ours. Read byte by byte: the
     * service calls this for every ingress message and must not allocate.
     */
    static long principalClientId(final byte[] principal) {
        if (principal == null || principal.length != Long.BYTES) {
            return -1;
        }
        long clientId = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            clientId = (clientId << Byte.SIZE) | (principal[i] & 0xFF);
        }
        return clientId;
    }
}
