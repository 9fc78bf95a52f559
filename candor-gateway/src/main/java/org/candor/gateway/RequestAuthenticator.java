package org.candor.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Checks a signed request, cheapest checks first: the key header's format, the signature and timestamp parameters,
 * the time window, then the key (existence, revocation, IP, permission), the HMAC over the exact bytes received,
 * and last the replay cache, which only remembers signatures that verified (so forged requests cannot fill it).
 */
final class RequestAuthenticator {
    static final String API_KEY_HEADER = "X-MBX-APIKEY";
    static final long RECV_WINDOW_DEFAULT_MS = 5_000;
    /** Binance's largest recvWindow: a signed request is never acceptable for more than a minute. */
    static final long RECV_WINDOW_MAX_MS = 60_000;
    /** A timestamp more than this ahead of the server's clock is refused, as Binance does. */
    static final long AHEAD_MAX_MS = 1_000;
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{16,128}");
    private static final Pattern SIGNATURE_FORMAT = Pattern.compile("[0-9a-fA-F]{64}");

    private final ApiKeyStore keys;
    private final ReplayCache replays;
    private final LongSupplier clockMs;

    RequestAuthenticator(final ApiKeyStore keys, final ReplayCache replays, final LongSupplier clockMs) {
        this.keys = keys;
        this.replays = replays;
        this.clockMs = clockMs;
    }

    /**
     * The key a request was signed with, if it may do {@code needed} from {@code ip}.
     *
     * @throws ApiError with the Binance code of the first check that failed
     */
    ApiKey authenticate(final String apiKeyHeader, final String rawQuery, final String rawBody,
        final RequestParams params, final String ip, final Permission needed) {
        if (apiKeyHeader == null || !KEY_FORMAT.matcher(apiKeyHeader).matches()) {
            throw ErrorMapper.apiKeyFormat();
        }
        final SignedPayload signed = SignedPayload.of(rawQuery, rawBody);
        if (signed == null) {
            throw ErrorMapper.mandatoryMissing("signature");
        }
        if (!SIGNATURE_FORMAT.matcher(signed.signature()).matches()) {
            throw ErrorMapper.invalidSignature();
        }
        final long nowMs = clockMs.getAsLong();
        checkWindow(params, nowMs);
        final ApiKey key = keys.find(apiKeyHeader).orElseThrow(ErrorMapper::invalidKeyIpOrPermissions);
        if (!key.allows(needed, ip)) {
            throw ErrorMapper.invalidKeyIpOrPermissions();
        }
        final byte[] secret = key.secret();
        try {
            if (!HmacSigner.verify(secret, signed.payload(), signed.signature())) {
                throw ErrorMapper.invalidSignature();
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        if (!replays.firstUse(signed.signature().toLowerCase(Locale.ROOT), nowMs)) {
            throw ErrorMapper.signatureReused();
        }
        return key;
    }

    /**
     * The key of a request that carries only the key header (Binance's user data stream endpoints): format, then
     * existence, revocation, IP and permission. Such a request can only manage listen keys, never trade or read.
     */
    ApiKey keyOnly(final String apiKeyHeader, final String ip, final Permission needed) {
        if (apiKeyHeader == null || !KEY_FORMAT.matcher(apiKeyHeader).matches()) {
            throw ErrorMapper.apiKeyFormat();
        }
        final ApiKey key = keys.find(apiKeyHeader).orElseThrow(ErrorMapper::invalidKeyIpOrPermissions);
        if (!key.allows(needed, ip)) {
            throw ErrorMapper.invalidKeyIpOrPermissions();
        }
        return key;
    }

    private static void checkWindow(final RequestParams params, final long nowMs) {
        final long timestamp = params.requiredLong("timestamp");
        if (timestamp <= 0) {
            throw ErrorMapper.illegalParameter("timestamp");
        }
        final long recvWindow = params.longValue("recvWindow", RECV_WINDOW_DEFAULT_MS);
        if (recvWindow > RECV_WINDOW_MAX_MS) {
            throw ErrorMapper.recvWindowTooLarge(RECV_WINDOW_MAX_MS);
        }
        if (recvWindow <= 0) {
            throw ErrorMapper.illegalParameter("recvWindow");
        }
        if (timestamp - nowMs > AHEAD_MAX_MS) {
            throw ErrorMapper.timestampAhead(AHEAD_MAX_MS);
        }
        if (nowMs - timestamp > recvWindow) {
            throw ErrorMapper.timestampOutsideWindow();
        }
    }
}
