package org.candor.app.projections;

import java.nio.file.Path;
import org.candor.readmodel.EmbeddedPostgresSettings;
import org.candor.readmodel.PostgresEndpoint;
import org.candor.readmodel.ReadModelDatabase;
import picocli.CommandLine.Option;

/**
 * Where the read model lives: the embedded PostgreSQL under the node's directory (the default), or an external
 * server by JDBC URL. The password comes from the environment, never from the command line, where other users of
 * the machine could read it.
 */
public final class DatabaseOptions {
    /** Environment variable holding the external server's password. */
    static final String PASSWORD_ENV = "CANDOR_DB_PASSWORD";
    /** The embedded server's files, under the node's directory. */
    static final String EMBEDDED_DIR = "readmodel-db";

    @Option(names = "--jdbc-url", description = "External PostgreSQL (e.g. jdbc:postgresql://db:5432/candor); "
        + "default: an embedded server under <dir>/" + EMBEDDED_DIR + ".")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "candor", description = "User for --jdbc-url (default candor); "
        + "the password is read from " + PASSWORD_ENV + ".")
    String user;

    @Option(names = "--schema", defaultValue = ReadModelDatabase.DEFAULT_SCHEMA,
        description = "Schema of the projections (default ${DEFAULT-VALUE}).")
    String schema;

    /** The external server's endpoint (password from {@value #PASSWORD_ENV}), or null for the embedded default. */
    public PostgresEndpoint external() {
        if (jdbcUrl == null) {
            return null;
        }
        final String password = System.getenv(PASSWORD_ENV);
        return new PostgresEndpoint(jdbcUrl, user, password == null ? "" : password);
    }

    /** Where the embedded server of the node in {@code nodeDir} keeps its files. */
    public static Path embeddedDir(final Path nodeDir) {
        return nodeDir.resolve(EMBEDDED_DIR);
    }

    /** The read model's schema. */
    public String schema() {
        return schema;
    }

    /** Opens (and migrates) the read model of the node in {@code nodeDir}. */
    public ReadModelDatabase open(final Path nodeDir) {
        if (jdbcUrl == null) {
            return ReadModelDatabase.embedded(EmbeddedPostgresSettings.in(embeddedDir(nodeDir)), schema);
        }
        return ReadModelDatabase.connect(external(), schema, ReadModelDatabase.DEFAULT_POOL_SIZE);
    }
}
