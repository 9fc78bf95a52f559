package org.candor.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

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
    /** An API key is 16 to 128 letters and digits. */
    static final int KEY_LENGTH_MIN = 16;
    static final int KEY_LENGTH_MAX = 128;
    /** A signature is the 64 hex digits of an HMAC-SHA256, in either case. */
    static final int SIGNATURE_LENGTH = 64;

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
        if (!isKey(apiKeyHeader)) {
            throw ErrorMapper.apiKeyFormat();
        }
        final SignedPayload signed = SignedPayload.of(rawQuery, rawBody);
        if (signed == null) {
            throw ErrorMapper.mandatoryMissing("signature");
        }
        if (!isSignature(signed.signature())) {
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
        if (!isKey(apiKeyHeader)) {
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

    /*
     * The two format checks run on every signed request; as loops they cost a fraction of the regular expressions
     * they replaced ([A-Za-z0-9]{16,128} and [0-9a-fA-F]{64}), which took about a tenth of the HTTP workers' CPU in
     * a profile of `candor bench api`.
     */
    static boolean isKey(final String text) {
        if (text == null || text.length() < KEY_LENGTH_MIN || text.length() > KEY_LENGTH_MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    static boolean isSignature(final String text) {
        if (text.length() != SIGNATURE_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
