package org.candor.app.serve;

import java.nio.file.Path;
import java.util.Map;
import org.candor.app.projections.DatabaseOptions;
import org.candor.gateway.SecretCipher;
import org.candor.readmodel.EmbeddedPostgres;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.PostgresEndpoint;

/**
 * The database and master key a production gateway and its operator tool share: the external PostgreSQL named by
 * {@code --jdbc-url}, or else the embedded server under the node's directory, started here and stopped on close;
 * and the master key that seals secrets at rest, from {@value SecretCipher#MASTER_KEY_ENV} (base64 of 32 bytes),
 * never from the command line, where other users of the machine could read it.
 */
final class GatewayDatabaseAccess implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final PostgresEndpoint endpoint;

    private GatewayDatabaseAccess(final EmbeddedPostgres embedded, final PostgresEndpoint endpoint) {
        this.embedded = embedded;
        this.endpoint = endpoint;
    }

    static GatewayDatabaseAccess open(final DatabaseOptions options, final Path nodeDir) {
        final PostgresEndpoint external = options.external();
        if (external != null) {
            return new GatewayDatabaseAccess(null, external);
        }
        final EmbeddedPostgres server = EmbeddedPostgres.start(
            EmbeddedPostgresSettings.in(DatabaseOptions.embeddedDir(nodeDir)));
        return new GatewayDatabaseAccess(server, server.endpoint());
    }

    PostgresEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The cipher of the master key in the environment.
     *
     * @throws IllegalArgumentException naming the variable when it is missing or not base64 of 32 bytes
     */
    static SecretCipher masterKey(final Map<String, String> environment) {
        final String text = environment.get(SecretCipher.MASTER_KEY_ENV);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("reason=master-key-missing: set " + SecretCipher.MASTER_KEY_ENV
                + " to base64 of 32 random bytes (e.g. head -c 32 /dev/urandom | base64), the same for every gateway "
                + "of the database");
        }
        try {
            return SecretCipher.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reason=master-key-invalid: " + SecretCipher.MASTER_KEY_ENV
                + " must be base64 of 32 bytes", e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
