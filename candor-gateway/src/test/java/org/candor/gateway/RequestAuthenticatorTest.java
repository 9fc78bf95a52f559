package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestAuthenticatorTest {
    private static final String KEY = "TraderKey0000000000000001";
    private static final String READER = "ReaderKey0000000000000001";
    private static final String FENCED = "FencedKey0000000000000001";
    private static final String REVOKED = "RevokedKey000000000000001";
    private static final String SECRET = "trader-secret";
    private static final long NOW = 1_700_000_000_000L;
    private static PostgresApiKeyStore store;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final RequestAuthenticator authenticator =
        new RequestAuthenticator(store, new ReplayCache(), clock::get);

    @BeforeAll
    static void keys() {
        store = PostgresApiKeyStore.migrate(TestPostgres.freshDatabase(),
            new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
        store.create(PostgresApiKeyStoreTest.key(KEY, 1, SECRET, EnumSet.of(Permission.READ, Permission.TRADE),
            List.of()));
        store.create(PostgresApiKeyStoreTest.key(READER, 2, SECRET, EnumSet.of(Permission.READ), List.of()));
        store.create(PostgresApiKeyStoreTest.key(FENCED, 3, SECRET, EnumSet.of(Permission.READ),
            List.of("10.1.1.1")));
        store.create(PostgresApiKeyStoreTest.key(REVOKED, 4, SECRET, EnumSet.of(Permission.READ), List.of()));
        store.revoke(REVOKED);
    }

    private ApiKey authenticate(final String key, final String query, final String body, final String ip,
        final Permission needed) {
        return authenticator.authenticate(key, query, body, RequestParams.parse(query, body), ip, needed);
    }

    private static String signed(final String payload) {
        return payload + "&signature=" + HmacSigner.sign(SECRET.getBytes(StandardCharsets.UTF_8), payload);
    }

    private static void assertCode(final ThrowingCallable call, final int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void acceptsASignedQueryAndASignedQueryPlusBodyAndNamesTheUser() {
        assertThat(authenticate(KEY, signed("symbol=BTCUSDT&timestamp=" + NOW), "", "127.0.0.1", Permission.READ)
            .userId()).isEqualTo(1);
        final String query = "symbol=BTCUSDT&side=BUY";
        final String body = "quantity=1&timestamp=" + NOW;
        final String signature = HmacSigner.sign(SECRET.getBytes(StandardCharsets.UTF_8), query + body);
        assertThat(authenticate(KEY, query, body + "&signature=" + signature, "127.0.0.1", Permission.TRADE)
            .userId()).isEqualTo(1);
    }

    @Test
    void refusesAReplayedRequest() {
        final String query = signed("timestamp=" + NOW);
        authenticate(KEY, query, "", "127.0.0.1", Permission.READ);
        assertCode(() -> authenticate(KEY, query, "", "127.0.0.1", Permission.READ), -1022);
    }

    @Test
    void refusesAWrongSignatureOrAChangedParameter() {
        final String query = signed("price=1&timestamp=" + NOW).replace("price=1", "price=2");
        assertCode(() -> authenticate(KEY, query, "", "127.0.0.1", Permission.READ), -1022);
        assertCode(() -> authenticate(KEY, "timestamp=" + NOW + "&signature=zz", "", "127.0.0.1",
            Permission.READ), -1022);
    }

    @Test
    void checksTheTimeWindow() {
        assertCode(() -> authenticate(KEY, signed("timestamp=" + (NOW - 5_001)), "", "1", Permission.READ), -1021);
        assertCode(() -> authenticate(KEY, signed("timestamp=" + (NOW + 1_001)), "", "1", Permission.READ), -1021);
        assertThat(authenticate(KEY, signed("timestamp=" + (NOW + 1_000)), "", "1", Permission.READ)).isNotNull();
        assertThat(authenticate(KEY, signed("recvWindow=60000&timestamp=" + (NOW - 59_000)), "", "1",
            Permission.READ)).isNotNull();
        assertCode(() -> authenticate(KEY, signed("recvWindow=60001&timestamp=" + NOW), "", "1", Permission.READ),
            -1131);
        assertCode(() -> authenticate(KEY, signed("recvWindow=5000"), "", "1", Permission.READ), -1102);
    }

    @Test
    void refusesMissingOrMalformedKeysAndMissingSignatures() {
        assertCode(() -> authenticate(null, signed("timestamp=" + NOW), "", "1", Permission.READ), -2014);
        assertCode(() -> authenticate("short", signed("timestamp=" + NOW), "", "1", Permission.READ), -2014);
        assertCode(() -> authenticate(KEY, "timestamp=" + NOW, "", "1", Permission.READ), -1102);
    }

    @Test
    void refusesUnknownAndRevokedKeysMissingPermissionsAndOtherIps() {
        assertCode(() -> authenticate("UnknownKey00000000000001", signed("timestamp=" + NOW), "", "1",
            Permission.READ), -2015);
        assertCode(() -> authenticate(REVOKED, signed("timestamp=" + NOW), "", "1", Permission.READ), -2015);
        assertCode(() -> authenticate(READER, signed("timestamp=" + NOW), "", "1", Permission.TRADE), -2015);
        assertCode(() -> authenticate(FENCED, signed("timestamp=" + NOW), "", "10.1.1.2", Permission.READ), -2015);
        assertThat(authenticate(FENCED, signed("timestamp=" + NOW), "", "10.1.1.1", Permission.READ).userId())
            .isEqualTo(3);
    }

    /** The key and signature formats, at their bounds (the checks are loops, no longer regular expressions). */
    @Test
    void keyAndSignatureFormatsHoldAtTheirBounds() {
        assertThat(RequestAuthenticator.isKey("a".repeat(16))).isTrue();
        assertThat(RequestAuthenticator.isKey("Az09".repeat(32))).isTrue();
        assertThat(RequestAuthenticator.isKey("a".repeat(15))).isFalse();
        assertThat(RequestAuthenticator.isKey("a".repeat(129))).isFalse();
        assertThat(RequestAuthenticator.isKey(null)).isFalse();
        for (final String bad : new String[] {"-", "_", " ", "\u0663", "\u00e9", "{", "@", "[", "`", "/", ":"}) {
            assertThat(RequestAuthenticator.isKey("a".repeat(15) + bad)).as(bad).isFalse();
        }
        assertThat(RequestAuthenticator.isSignature("0123456789abcdefABCDEF".repeat(3).substring(0, 64))).isTrue();
        assertThat(RequestAuthenticator.isSignature("a".repeat(63))).isFalse();
        assertThat(RequestAuthenticator.isSignature("a".repeat(65))).isFalse();
        for (final String bad : new String[] {"g", "G", "\u0663", " ", "/", ":", "@", "`"}) {
            assertThat(RequestAuthenticator.isSignature("a".repeat(63) + bad)).as(bad).isFalse();
        }
    }

    @Test
    void refusesAParameterGivenTwice() {
        assertCode(() -> authenticate(KEY, signed("price=1&price=2&timestamp=" + NOW), "", "1", Permission.READ),
            -1101);
    }
}
