package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresApiKeyStoreTest {
    static final byte[] MASTER_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static DataSource database;
    private static PostgresApiKeyStore store;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.freshDatabase();
        store = PostgresApiKeyStore.migrate(database, new SecretCipher(MASTER_KEY));
    }

    static ApiKey key(final String key, final long userId, final String secret, final Set<Permission> permissions,
        final List<String> ips) {
        return new ApiKey(key, userId, secret.getBytes(StandardCharsets.UTF_8), permissions, ips, false);
    }

    @Test
    void storesAKeyAndReadsItBackWithItsSecretPermissionsAndAllowList() {
        final ApiKey created = key("AAAAbbbbCCCCdddd0001", 7, "s3cret-one", EnumSet.of(Permission.READ,
            Permission.TRADE), List.of("10.0.0.1", "10.0.0.2"));
        store.create(created);

        assertThat(store.find("AAAAbbbbCCCCdddd0001")).contains(created);
        assertThat(store.find("AAAAbbbbCCCCdddd0404")).isEmpty();
        assertThat(store.keysOf(7)).containsExactly("AAAAbbbbCCCCdddd0001");
    }

    /**
     * The gateway's table of client order id strings (migration V7), as gateways of schema version 4 left it: found
     * by (user, number), for orders placed before the strings travelled in the log.
     */
    @Test
    void clientOrderIdStringsSavedBeforeLabelsAreFoundByUserAndNumber() throws Exception {
        final PostgresClientOrderIds strings = new PostgresClientOrderIds(database);
        final long number = ClientOrderIds.derived(7, "grid-bot-42");
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO gateway.client_order_id (user_id, number, text) VALUES (?, ?, ?)")) {
            insert.setLong(1, 7);
            insert.setLong(2, number);
            insert.setString(3, "grid-bot-42");
            insert.executeUpdate();
        }
        assertThat(strings.find(7, number)).isEqualTo("grid-bot-42");
        assertThat(strings.find(8, number)).isNull();
        assertThat(new ClientOrderIds(1_000, strings).stringFor(7, number)).isEqualTo("grid-bot-42");
    }

    @Test
    void keepsTheSecretEncryptedAtRest() throws Exception {
        store.create(key("AAAAbbbbCCCCdddd0002", 8, "plain-text-secret", EnumSet.of(Permission.READ), List.of()));

        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                 "SELECT sealed_secret FROM gateway.api_key WHERE api_key = 'AAAAbbbbCCCCdddd0002'")) {
            assertThat(row.next()).isTrue();
            final String stored = new String(row.getBytes(1), StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain("plain-text-secret");
        }
    }

    @Test
    void aRevokedKeyIsStillFoundButMarkedRevoked() {
        store.create(key("AAAAbbbbCCCCdddd0003", 9, "x", EnumSet.of(Permission.TRADE), List.of()));

        assertThat(store.revoke("AAAAbbbbCCCCdddd0003")).isTrue();
        assertThat(store.revoke("AAAAbbbbCCCCdddd0999")).isFalse();
        assertThat(store.find("AAAAbbbbCCCCdddd0003")).get().extracting(ApiKey::revoked).isEqualTo(true);
    }

    @Test
    void aStoreWithAnotherMasterKeyCannotOpenTheSecrets() {
        store.create(key("AAAAbbbbCCCCdddd0004", 10, "y", EnumSet.of(Permission.READ), List.of()));
        final byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        final PostgresApiKeyStore other = PostgresApiKeyStore.migrate(database, new SecretCipher(otherKey));

        assertThatThrownBy(() -> other.find("AAAAbbbbCCCCdddd0004")).hasMessageContaining("decrypt-failed");
    }

    @Test
    void migrationHistoryLivesInTheGatewaySchema() throws Exception {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                 "SELECT count(*) FROM gateway.flyway_schema_history WHERE success")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }
}
