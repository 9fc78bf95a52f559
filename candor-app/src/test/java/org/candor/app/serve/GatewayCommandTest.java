package org.candor.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.app.demo.SignedHttpClient;
import org.candor.cluster.ClientCredentials;
import org.candor.cluster.ClusterMembers;
import org.candor.cluster.EmbeddedNode;
import org.candor.engine.EngineCapacity;
import org.candor.gateway.SecretCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Production's path, outside the demo: a member started as `candor node` would start it (with a client secret), the
 * first operators written into the gateway's database by `candor operators`, then `candor gateway` beside the
 * member, serving both APIs; stopped, an operator key revoked, and started again with the same client id.
 */
class GatewayCommandTest {
    /** Apart from the demo tests' nodes (24000 to 24040). */
    private static final int PORT_BASE = 24_050;
    private static final long GATEWAY_CLIENT = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING = Pattern.compile("gateway serving http://127.0.0.1:(\\d+) admin "
        + "http://127.0.0.1:(\\d+) client-id=\\d+ orders-per-10s=100 orders-per-day=200000 trusted-proxies=\\[\\] "
        + "history=projects");

    @Test
    void operatorsAreBootstrappedThenActThroughAGatewayBesideTheNodeAcrossItsRestart(@TempDir final Path dir)
        throws Exception {
        // Run as root, the embedded PostgreSQL runs as an unprivileged user, who must be able to reach the node's
        // directory; JUnit creates it readable by its owner only.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        final byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        final Map<String, String> env = Map.of(SecretCipher.MASTER_KEY_ENV,
            Base64.getEncoder().encodeToString(masterKey));
        final byte[] clusterSecret = new byte[32];
        new SecureRandom().nextBytes(clusterSecret);
        final Path token = dir.resolve("gateway.token");
        Files.writeString(token, HexFormat.of().formatHex(ClientCredentials.token(clusterSecret, GATEWAY_CLIENT)));
        final Path nodeDir = dir.resolve("node");

        try (EmbeddedNode node = EmbeddedNode.launchMember(nodeDir, new ClusterMembers(1, PORT_BASE), 0,
            EngineCapacity.small(), clusterSecret)) {
            assertThat(node.memberId()).isZero();
            final Result noKey = operators(Map.of(), "add", "olivia", "--operator-id", "900", "--dir",
                nodeDir.toString());
            assertThat(noKey.exit).isEqualTo(2);
            assertThat(noKey.err).contains(SecretCipher.MASTER_KEY_ENV);
            assertThat(operators(env, "add", "Olivia!", "--operator-id", "900", "--dir", nodeDir.toString()).exit)
                .isEqualTo(2);

            final Result olivia = operators(env, "add", "olivia", "--operator-id", "900", "--console-login", "--dir",
                nodeDir.toString());
            assertThat(olivia.exit).as(olivia.err).isZero();
            final JsonNode oliviaKey = JSON.readTree(olivia.out);
            assertThat(oliviaKey.path("consolePassword").asText()).hasSize(OperatorsCommand.PASSWORD_LENGTH);
            final JsonNode oscarKey = JSON.readTree(operators(env, "add", "oscar", "--operator-id", "901", "--dir",
                nodeDir.toString()).out);

            try (Serving gateway = Serving.start(env, nodeDir, token)) {
                final SignedHttpClient asOlivia = gateway.admin(oliviaKey);
                assertThat(asOlivia.signed("GET", "/admin/v1/whoami", "").body().path("operatorId").asLong())
                    .isEqualTo(900);
                assertThat(asOlivia.signed("POST", "/admin/v1/assets", "assetId=1&code=BTC&scale=8").ok()).isTrue();
                assertThat(asOlivia.signed("POST", "/admin/v1/assets", "assetId=2&code=USDT&scale=6").ok()).isTrue();
                final SignedHttpClient.Response market = asOlivia.signed("POST", "/admin/v1/markets", "marketId=1"
                    + "&symbol=BTCUSDT&baseAsset=BTC&quoteAsset=USDT&tickSize=0.01&lotSize=0.0001&minQty=0.0001"
                    + "&maxQty=1000&minNotional=5&makerFeeBps=10&takerFeeBps=20");
                assertThat(market.ok()).as(market.body().toString()).isTrue();
                assertThat(new SignedHttpClient(gateway.publicUrl(), "", "").get("/api/v3/exchangeInfo").body()
                    .toString()).contains("\"symbol\":\"BTCUSDT\"");
                assertThat(asOlivia.signed("POST", "/admin/v1/users", "userId=42").body().toString())
                    .contains("\"result\":\"NONE\"");
                assertThat(asOlivia.signed("POST", "/admin/v1/deposits", "userId=42&asset=USDT&amount=5&depositRef=1")
                    .body().toString()).contains("\"result\":\"NONE\"");
                assertThat(new SignedHttpClient(gateway.publicUrl(), "", "").get("/v1/health").status())
                    .isEqualTo(200);
            }

            final Result revoked = operators(env, "revoke", oliviaKey.path("apiKey").asText(), "--dir",
                nodeDir.toString());
            assertThat(revoked.exit).as(revoked.err).isZero();

            // Started again with the same client id: its commands are new ones, not answered as resends.
            try (Serving gateway = Serving.start(env, nodeDir, token)) {
                assertThat(gateway.admin(oliviaKey).signed("GET", "/admin/v1/whoami", "").status()).isEqualTo(401);
                final SignedHttpClient asOscar = gateway.admin(oscarKey);
                assertThat(asOscar.signed("POST", "/admin/v1/deposits", "userId=42&asset=USDT&amount=7&depositRef=2")
                    .body().toString()).contains("\"result\":\"NONE\"");
                final JsonNode balances = asOscar.signed("GET", "/admin/v1/balances", "userId=42").body();
                assertThat(balances.toString()).contains("\"available\":\"12.000000\"");
            }
        }
    }

    @Test
    void orderLimitsThatAreNotPositiveAreRefusedBeforeAnythingStarts(@TempDir final Path dir) {
        final Map<String, String> env = Map.of(SecretCipher.MASTER_KEY_ENV,
            Base64.getEncoder().encodeToString(new byte[32]));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = new CommandLine(new GatewayCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), env)).execute("--dir", dir.toString(), "--members",
            "1", "--client-id", "2", "--orders-per-10s", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
            .contains("candor gateway: order limits must be positive: perTenSeconds=0 perDay=200000");
    }

    @Test
    void aTrustedProxyThatIsNoIpLiteralIsRefusedBeforeAnythingStarts(@TempDir final Path dir) {
        final Map<String, String> env = Map.of(SecretCipher.MASTER_KEY_ENV,
            Base64.getEncoder().encodeToString(new byte[32]));
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = new CommandLine(new GatewayCommand(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)).execute("--dir",
            dir.toString(), "--members", "1", "--client-id", "2", "--trusted-proxies", "127.0.0.1,proxy.example.com");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
            .contains("candor gateway: not an IP address or CIDR block: 'proxy.example.com'");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result operators(final Map<String, String> env, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = new CommandLine(new OperatorsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), env)).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** `candor gateway` running on another thread until closed. */
    private record Serving(GatewayCommand command, CompletableFuture<Integer> exit, int httpPort, int adminPort)
        implements AutoCloseable {
        static Serving start(final Map<String, String> env, final Path nodeDir, final Path token) throws Exception {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final GatewayCommand command = new GatewayCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command)
                .execute("--dir", nodeDir.toString(), "--members", "1", "--port-base", String.valueOf(PORT_BASE),
                    "--client-id", String.valueOf(GATEWAY_CLIENT), "--client-token-file", token.toString(),
                    "--http-port", "0", "--admin-port", "0"));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                final Matcher serving = SERVING.matcher(out.toString(StandardCharsets.UTF_8));
                if (serving.find()) {
                    return new Serving(command, exit, Integer.parseInt(serving.group(1)),
                        Integer.parseInt(serving.group(2)));
                }
                if (exit.isDone() || System.nanoTime() > deadline) {
                    throw new AssertionError("the gateway did not serve: " + out + err);
                }
                Thread.sleep(100);
            }
        }

        String publicUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        SignedHttpClient admin(final JsonNode key) {
            return new SignedHttpClient("http://127.0.0.1:" + adminPort, key.path("apiKey").asText(),
                key.path("secretKey").asText());
        }

        @Override
        public void close() throws Exception {
            command.stop();
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        }
    }
}
