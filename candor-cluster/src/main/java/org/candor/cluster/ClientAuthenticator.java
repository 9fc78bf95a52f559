package org.candor.cluster;

import io.aeron.security.Authenticator;
import io.aeron.security.SessionProxy;
import org.agrona.collections.Long2LongHashMap;

/**
 * The consensus module's gate for client sessions (see {@link ClientCredentials}). With a secret, a session is
 * accepted only with a valid token for the client id it claims; without one (a single embedded node used by its own
 * process), any positive claim is accepted. Either way the session is bound to the claimed id, and the service
 * refuses commands in it that carry another.
 *
 * <p>Runs on the consensus module's thread. Claims wait here between the connect request and the session's
 * connection; a claim never followed by a connection is dropped when the map would outgrow its bound.
 */
final class ClientAuthenticator implements Authenticator {
    /** Pending connect requests remembered at once; far above any real burst of connecting clients. */
    static final int PENDING_MAX = 4_096;
    /** A claim that failed; client ids are positive. */
    private static final long REJECTED = 0;
    /** No claim recorded for the session (the map's missing value, which it cannot hold as a value). */
    private static final long UNKNOWN = -1;

    private final byte[] secret;
    private final Long2LongHashMap claims = new Long2LongHashMap(UNKNOWN);

    /** {@code secret} may be null: sessions are then bound to their claim without a token. */
    ClientAuthenticator(final byte[] secret) {
        this.secret = secret == null ? null : secret.clone();
    }

    @Override
    public void onConnectRequest(final long sessionId, final byte[] encodedCredentials, final long nowMs) {
        if (claims.size() >= PENDING_MAX) {
            claims.clear();
        }
        final boolean valid = secret == null
            ? ClientCredentials.claimedClientId(encodedCredentials) > 0
            : ClientCredentials.verify(secret, encodedCredentials);
        claims.put(sessionId, valid ? ClientCredentials.claimedClientId(encodedCredentials) : REJECTED);
    }

    @Override
    public void onChallengeResponse(final long sessionId, final byte[] encodedCredentials, final long nowMs) {
        // No challenge is ever sent: the token is proof enough, and a replay of it only claims the same id.
    }

    @Override
    public void onConnectedSession(final SessionProxy sessionProxy, final long nowMs) {
        final long sessionId = sessionProxy.sessionId();
        final long clientId = claims.get(sessionId);
        if (clientId == REJECTED || clientId == UNKNOWN) {
            claims.remove(sessionId);
            sessionProxy.reject();
        } else if (sessionProxy.authenticate(ClientCredentials.principal(clientId))) {
            // When authenticate fails (its response could not be sent yet) the claim stays: the consensus module
            // calls again on its next cycle.
            claims.remove(sessionId);
        }
    }

    @Override
    public void onChallengedSession(final SessionProxy sessionProxy, final long nowMs) {
        claims.remove(sessionProxy.sessionId());
        sessionProxy.reject();
    }
}
