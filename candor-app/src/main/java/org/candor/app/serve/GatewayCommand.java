package org.candor.app.serve;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.candor.app.projections.DatabaseOptions;
import org.candor.cluster.ClusterMembers;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.gateway.Gateway;
import org.candor.gateway.OrderLimits;
import org.candor.gateway.SecretCipher;
import org.candor.gateway.TrustedProxies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A gateway beside a cluster member on the same machine, as production runs it: it follows the member's
 * committed-event journal, sends commands through the member's media driver as its own cluster client, keeps keys,
 * logins and the operators' trail in PostgreSQL (external by URL, or embedded under the member's directory), and
 * serves the public API and, on a second address, the admin API until SIGTERM or Ctrl-C.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API and the admin API beside a cluster member on this machine.")
public final class GatewayCommand implements Callable<Integer> {
    /** How often the serving loop checks that the gateway still follows the journal. */
    static final long HEALTH_CHECK_MS = 1_000;

    @Option(names = "--dir", required = true, description = "The member's directory (its journal and media driver).")
    Path dir;

    @Option(names = "--members", defaultValue = "3", description = "Members in the cluster: 1, 3 or 5 (default 3).")
    int members;

    @Option(names = "--port-base", defaultValue = "30000",
        description = "The cluster's port base, as given to candor node (default 30000).")
    int portBase;

    @Option(names = "--client-id", required = true, description = "This gateway's cluster client id (positive; "
        + "one per gateway).")
    long clientId;

    @Option(names = "--client-token-file", description = "The token of the client id (candor client-token), for a "
        + "cluster started with --client-secret-file.")
    Path clientTokenFile;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address of the public API (default "
        + "${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of the public API (default "
        + "${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--admin-host", defaultValue = "127.0.0.1", description = "Address of the admin API; keep it "
        + "off the internet (default ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(names = "--admin-port", defaultValue = "8081", description = "Port of the admin API (default "
        + "${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--orders-per-10s", defaultValue = "100", description = "New orders an account may place per "
        + "10 seconds, Binance's ORDERS limit (default ${DEFAULT-VALUE}, Binance's).")
    long ordersPerTenSeconds;

    @Option(names = "--orders-per-day", defaultValue = "200000", description = "New orders an account may place per "
        + "UTC day (default ${DEFAULT-VALUE}, Binance's).")
    long ordersPerDay;

    @Option(names = "--trusted-proxies", defaultValue = "", description = "Reverse proxies (TLS terminators, load "
        + "balancers) whose X-Forwarded-For names the client, as IP addresses or CIDR blocks, comma-separated, e.g. "
        + "127.0.0.1,10.0.0.0/8 (default: none; the peer address is the client).")
    String trustedProxies;

    @Option(names = "--history-reader", description = "Serve history from the read model that another gateway "
        + "projects into the same schema instead of projecting it (one projecting gateway per schema); this gateway "
        + "then keeps no notifications.")
    boolean historyReader;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final CountDownLatch stop = new CountDownLatch(1);

    GatewayCommand() {
        this(System.out, System.err, System.getenv());
    }

    /** For tests: where output goes and the environment the master key and database password come from. */
    public GatewayCommand(final PrintStream out, final PrintStream err, final Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Asks a serving gateway to stop (tests; a person sends SIGTERM or presses Ctrl-C). */
    public void stop() {
        stop.countDown();
    }

    @Override
    public Integer call() throws Exception {
        final SecretCipher cipher;
        final ExchangeClient.Config client;
        final OrderLimits orderLimits;
        final TrustedProxies proxies;
        try {
            orderLimits = new OrderLimits(ordersPerTenSeconds, ordersPerDay);
            proxies = TrustedProxies.parse(trustedProxies);
            cipher = GatewayDatabaseAccess.masterKey(environment);
            client = client();
        } catch (IllegalArgumentException e) {
            err.println("candor gateway: " + e.getMessage());
            return 2;
        }
        final Thread hook = new Thread(this::stop, "candor-gateway-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (GatewayDatabaseAccess db = GatewayDatabaseAccess.open(database, dir);
             GatewayServices services = GatewayServices.start(db.endpoint(), database.schema(), cipher,
                 new Gateway.Config(host, httpPort, client, EmbeddedNode.eventJournalDir(dir),
                     Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT, Gateway.Config.KEY_WEIGHT_PER_MINUTE_DEFAULT,
                     System::currentTimeMillis, null, orderLimits, proxies, !historyReader), adminHost, adminPort)) {
            out.printf("gateway serving http://%s:%d admin http://%s:%d client-id=%d orders-per-10s=%d "
                + "orders-per-day=%d trusted-proxies=%s history=%s%n", host, services.httpPort(), adminHost,
                services.adminPort(), clientId, orderLimits.perTenSeconds(), orderLimits.perDay(), proxies,
                historyReader ? "reads" : "projects");
            out.flush();
            while (!stop.await(HEALTH_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (services.failure() != null) {
                    err.println("candor gateway: reason=journal-follower-failed " + services.failure());
                    return 1;
                }
            }
            out.println("gateway stopped");
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook is running, nothing to remove.
            }
        }
    }

    /**
     * The cluster client: the member's media driver and every member's ingress. Command ids start at the wall clock
     * in microseconds, above any a previous run of this client id used (the engine answers lower ids as resends).
     */
    private ExchangeClient.Config client() throws java.io.IOException {
        if (clientId < 1) {
            throw new IllegalArgumentException("reason=client-id-not-positive clientId=" + clientId);
        }
        if (!Files.isDirectory(EmbeddedNode.eventJournalDir(dir))) {
            throw new IllegalArgumentException("reason=no-journal dir=" + EmbeddedNode.eventJournalDir(dir)
                + " (start candor node with this --dir first)");
        }
        final byte[] token = clientTokenFile == null ? null
            : HexFormat.of().parseHex(Files.readString(clientTokenFile).trim());
        return new ExchangeClient.Config(EmbeddedNode.aeronDirectoryName(dir),
            new ClusterMembers(members, portBase).localClientIngress(), clientId,
            System.currentTimeMillis() * 1_000, ExchangeClient.IN_FLIGHT_DEFAULT, token);
    }
}
