package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {
    static final byte[] SECRET = "a cluster secret of at least 32 bytes!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTokenProvesItsOwnClientIdOnly() {
        final byte[] token = ClientCredentials.token(SECRET, 7);
        assertThat(token).hasSize(ClientCredentials.TOKEN_BYTES).isEqualTo(ClientCredentials.token(SECRET, 7));
        assertThat(ClientCredentials.verify(SECRET, ClientCredentials.encode(7, token))).isTrue();
        assertThat(ClientCredentials.verify(SECRET, ClientCredentials.encode(8, token))).isFalse();
        assertThat(ClientCredentials.verify(SECRET, ClientCredentials.encode(7, null))).isFalse();
        final byte[] other = "another secret, also 32 bytes or more".getBytes(StandardCharsets.US_ASCII);
        assertThat(ClientCredentials.verify(other, ClientCredentials.encode(7, token))).isFalse();
        final byte[] tampered = token.clone();
        tampered[31] ^= 1;
        assertThat(ClientCredentials.verify(SECRET, ClientCredentials.encode(7, tampered))).isFalse();
    }

    @Test
    void claimsAndPrincipalsRoundTrip() {
        assertThat(ClientCredentials.claimedClientId(ClientCredentials.encode(123_456_789_012L, null)))
            .isEqualTo(123_456_789_012L);
        assertThat(ClientCredentials.principalClientId(ClientCredentials.principal(Long.MAX_VALUE)))
            .isEqualTo(Long.MAX_VALUE);
        assertThat(ClientCredentials.principalClientId(ClientCredentials.principal(42))).isEqualTo(42);
        assertThat(ClientCredentials.principalClientId(new byte[0])).isEqualTo(-1);
        assertThat(ClientCredentials.claimedClientId(new byte[] {9, 1, 0, 0, 0, 0, 0, 0, 0})).isEqualTo(-1);
        assertThat(ClientCredentials.claimedClientId(ClientCredentials.encode(0, null))).isEqualTo(-1);
        assertThat(ClientCredentials.claimedClientId(null)).isEqualTo(-1);
    }

    @Test
    void refusesAShortSecretAndAMisSizedToken() {
        assertThatThrownBy(() -> ClientCredentials.token(new byte[16], 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret-too-short");
        assertThatThrownBy(() -> ClientCredentials.encode(1, new byte[5]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad-token-length");
    }
}
