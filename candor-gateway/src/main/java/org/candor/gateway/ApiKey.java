package org.candor.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An API key: the public key string, the engine user it acts for, its HMAC secret, its permissions, the IP
 * addresses it may be used from (empty: any), and whether it was revoked. The secret exists in clear only in memory,
 * for the time a request is verified; {@link #toString()} never shows it.
 */
public record ApiKey(String key, long userId, byte[] secret, Set<Permission> permissions, List<String> ipAllowList,
    boolean revoked) {

    public ApiKey {
        permissions = Set.copyOf(permissions);
        ipAllowList = List.copyOf(ipAllowList);
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    boolean allows(final Permission permission, final String ip) {
        return !revoked && permissions.contains(permission) && (ipAllowList.isEmpty() || ipAllowList.contains(ip));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ApiKey that && key.equals(that.key) && userId == that.userId
            && Arrays.equals(secret, that.secret) && permissions.equals(that.permissions)
            && ipAllowList.equals(that.ipAllowList) && revoked == that.revoked;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[key=" + key + " userId=" + userId + " permissions=" + permissions + " ipAllowList="
            + ipAllowList + " revoked=" + revoked + " secret=(hidden)]";
    }
}
