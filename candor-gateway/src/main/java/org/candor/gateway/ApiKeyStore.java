package org.candor.gateway;

import java.util.Optional;

/**
 * Where API keys live. The gateway asks on signed requests, through {@link CachedApiKeys} in production (a
 * revocation elsewhere takes effect within a second); the implementation keeps secrets encrypted at rest.
 * {@link PostgresApiKeyStore} is the one the exchange runs with.
 */
public interface ApiKeyStore {
    /** The key with this public string, revoked or not; empty if there is none. */
    Optional<ApiKey> find(String key);

    /** Stores a new key. */
    void create(ApiKey apiKey);

    /** Revokes a key for good; returns false if there was no such key. */
    boolean revoke(String key);
}
