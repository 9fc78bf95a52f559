package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretCipher cipher = new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY);

    @Test
    void sealsWithAFreshNonceAndOpensAgain() {
        final byte[] secret = "the secret".getBytes(StandardCharsets.UTF_8);
        final byte[] first = cipher.encrypt("KEY0000000000001", secret);
        final byte[] second = cipher.encrypt("KEY0000000000001", secret);

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt("KEY0000000000001", first)).isEqualTo(secret);
        assertThat(cipher.decrypt("KEY0000000000001", second)).isEqualTo(secret);
    }

    @Test
    void aSealedSecretMovedToAnotherKeyOrTamperedWithDoesNotOpen() {
        final byte[] sealed = cipher.encrypt("KEY0000000000001", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> cipher.decrypt("KEY0000000000002", sealed)).hasMessageContaining("decrypt-failed");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("KEY0000000000001", sealed)).hasMessageContaining("decrypt-failed");
    }

    @Test
    void takesOnlyA256BitMasterKey() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("master-key-length");
        assertThatThrownBy(() -> SecretCipher.fromBase64(" ")).hasMessageContaining(SecretCipher.MASTER_KEY_ENV);
        final String encoded = Base64.getEncoder().encodeToString(PostgresApiKeyStoreTest.MASTER_KEY);
        assertThat(SecretCipher.fromBase64(encoded).decrypt("K", cipher.encrypt("K", new byte[] {9})))
            .containsExactly(9);
    }
}
