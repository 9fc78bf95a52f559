package org.candor.app.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.candor.app.projections.DatabaseOptions;
import org.candor.gateway.GatewayDatabase;
import org.candor.gateway.PostgresApiKeyStore;
import org.candor.gateway.PostgresOperatorKeyStore;
import org.candor.gateway.PostgresWebLogins;
import org.candor.gateway.RandomTokens;
import org.candor.gateway.SecretCipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The first operators of a new exchange, and the last resort when every operator key is lost: operators act
 * through the admin API with operator keys, and the admin API cannot make the first one. This writes keys straight
 * into the gateway's database, so it needs what the gateway needs (the database and the master key) and nothing a
 * remote caller has. Everything else operators do goes through the API and its trail.
 */
@Command(name = "operators", mixinStandardHelpOptions = true,
    description = "add NAME --operator-id N: a new operator key (and with --console-login a console password), "
        + "printed once; or revoke API_KEY. Straight into the gateway's database: with the embedded database, "
        + "while no gateway of this --dir runs.")
public final class OperatorsCommand implements Callable<Integer> {
    /** Operator keys and secrets: 64 letters and digits, as trading keys. */
    static final int TOKEN_LENGTH = 64;
    /** Console passwords: 20 letters and digits, about 119 bits. */
    static final int PASSWORD_LENGTH = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "add|revoke")
    String action;

    @Parameters(index = "1", paramLabel = "NAME|API_KEY")
    String subject;

    @Option(names = "--operator-id", description = "The id the engine records on the operator's holds and approvals "
        + "(positive, distinct from every user id).")
    Long operatorId;

    @Option(names = "--console-login", description = "Also create a console login NAME with a random password.")
    boolean consoleLogin;

    @Option(names = "--dir", required = true, description = "The member's directory (the embedded database lives "
        + "there unless --jdbc-url is given).")
    Path dir;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final SecureRandom random = new SecureRandom();

    OperatorsCommand() {
        this(System.out, System.err, System.getenv());
    }

    /** For tests: where output goes and the environment the master key and database password come from. */
    public OperatorsCommand(final PrintStream out, final PrintStream err, final Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        final boolean add = "add".equals(action);
        if (!add && !"revoke".equals(action)) {
            err.println("candor operators: add or revoke, not " + action);
            return 2;
        }
        if (add && (operatorId == null || operatorId < 1 || !subject.matches("[a-z][a-z0-9_.-]{0,63}"))) {
            err.println("candor operators add: a lower-case NAME (letters, digits, . _ -; at most 64) and a positive "
                + "--operator-id");
            return 2;
        }
        final SecretCipher cipher;
        try {
            cipher = GatewayDatabaseAccess.masterKey(environment);
        } catch (IllegalArgumentException e) {
            err.println("candor operators: " + e.getMessage());
            return 2;
        }
        try (GatewayDatabaseAccess db = GatewayDatabaseAccess.open(database, dir);
             HikariDataSource pool = GatewayDatabase.pool(db.endpoint().jdbcUrl(), db.endpoint().user(),
                 db.endpoint().password())) {
            PostgresApiKeyStore.migrate(pool, cipher);
            final PostgresOperatorKeyStore keys = new PostgresOperatorKeyStore(pool, cipher);
            if (!add) {
                final boolean revoked = keys.revoke(subject);
                (revoked ? out : err).println(revoked ? "revoked " + subject : "candor operators: no such key");
                return revoked ? 0 : 1;
            }
            final Map<String, Object> created = new LinkedHashMap<>();
            created.put("name", subject);
            created.put("operatorId", operatorId);
            final String key = RandomTokens.alphanumeric(random, TOKEN_LENGTH);
            final String secret = RandomTokens.alphanumeric(random, TOKEN_LENGTH);
            keys.create(key, operatorId, subject, secret);
            created.put("apiKey", key);
            created.put("secretKey", secret);
            if (consoleLogin) {
                final String password = RandomTokens.alphanumeric(random, PASSWORD_LENGTH);
                PostgresWebLogins.operators(pool).create(subject, operatorId, password.toCharArray());
                created.put("consolePassword", password);
            }
            out.println(JSON.writeValueAsString(created));
            return 0;
        }
    }
}
