package org.candor.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.candor.app.demo.DemoCredentials;
import org.candor.app.demo.SignedHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor admin}: operators' tasks through the gateway's admin API, signed with an operator's key. Against
 * the demo it reads the admin URL and the operators' keys from the demo's credentials file ({@code --as oscar}
 * picks the second operator); elsewhere {@code --url} and {@code --key} name them and the secret comes from the
 * environment ({@value #SECRET_ENV}), never from the command line where other users could read it. Prints the
 * API's answer as JSON; exits 1 when the API refused, with its code and message.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Operator tasks through the admin API: users, deposits, API keys, holds (four eyes), markets.")
public final class AdminCommand implements Callable<Integer> {
    static final String SECRET_ENV = "CANDOR_OPERATOR_SECRET";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--credentials", defaultValue = "demo/credentials.json",
        description = "The demo's credentials file (default ${DEFAULT-VALUE}).")
    Path credentials = Path.of("demo/credentials.json");

    @Option(names = "--as", description = "The operator to act as, by name in the credentials (default: the first).")
    String operatorName;

    @Option(names = "--url", description = "The admin API's base URL (instead of the credentials file).")
    String url;

    @Option(names = "--key", description = "The operator's key; its secret is read from " + SECRET_ENV + ".")
    String key;

    private final PrintStream out;
    private final PrintStream err;

    public AdminCommand() {
        this(System.out, System.err);
    }

    public AdminCommand(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("candor admin: name a task; ./candor admin --help lists them");
        return 2;
    }

    @Command(name = "whoami", description = "The operator id of the key in use.")
    int whoami() {
        return call("GET", "/admin/v1/whoami", Map.of());
    }

    @Command(name = "create-user", description = "Open an account for a new user id.")
    int createUser(@Parameters(paramLabel = "USER_ID") final long userId) {
        return call("POST", "/admin/v1/users", Map.of("userId", userId));
    }

    @Command(name = "deposit", description = "Credit a user (a simulated deposit; recorded with the operator).")
    int deposit(@Parameters(paramLabel = "USER_ID") final long userId,
        @Parameters(paramLabel = "ASSET") final String asset,
        @Parameters(paramLabel = "AMOUNT", description = "Decimal, in the asset's units (e.g. 1.5).")
        final String amount,
        @Option(names = "--ref", description = "Deposit reference, positive; the engine credits one once per asset "
            + "(default: the clock in milliseconds).")
        final Long ref) {
        return call("POST", "/admin/v1/deposits", ordered("userId", userId, "asset", asset, "amount", amount,
            "depositRef", ref == null ? System.currentTimeMillis() : ref));
    }

    @Command(name = "api-key", description = "Create (create USER_ID) or revoke (revoke KEY) a user's API key.")
    int apiKey(@Parameters(paramLabel = "create|revoke") final String action,
        @Parameters(paramLabel = "USER_ID|KEY") final String target,
        @Option(names = "--permissions", defaultValue = "READ,TRADE",
            description = "READ, TRADE, WITHDRAW, comma-separated (default ${DEFAULT-VALUE}).")
        final String permissions,
        @Option(names = "--ip", description = "Allowed IP addresses, comma-separated (default: any).")
        final String ips) {
        if ("create".equals(action)) {
            final Map<String, Object> params = ordered("userId", target, "permissions", permissions);
            if (ips != null) {
                params.put("ipAllowList", ips);
            }
            return call("POST", "/admin/v1/api-keys", params);
        }
        if ("revoke".equals(action)) {
            return call("DELETE", "/admin/v1/api-keys", Map.of("apiKey", target));
        }
        err.println("candor admin api-key: create or revoke, not " + action);
        return 2;
    }

    @Command(name = "hold", description = "place USER_ID, or approve|reject|release|renew HOLD_ID.")
    int hold(@Parameters(paramLabel = "place|approve|reject|release|renew") final String action,
        @Parameters(paramLabel = "USER_ID|HOLD_ID") final long id,
        @Option(names = "--asset") final String asset, @Option(names = "--amount") final String amount,
        @Option(names = "--block", description = "Block the whole account (debits) instead of an amount.")
        final boolean block,
        @Option(names = "--reason", description = "COMPLIANCE_REVIEW, SUSPICIOUS_ACTIVITY, COURT_ORDER, USER_REQUEST, "
            + "SECURITY_LOCK, OPERATIONAL_INCIDENT, WITHHELD_BY_LAW") final String reason,
        @Option(names = "--explanation", description = "What the user is shown (at most 160 bytes).")
        final String explanation,
        @Option(names = "--review-hours", description = "Review deadline, hours from now.") final Long reviewHours,
        @Option(names = "--auto-release", description = "Release by itself at the deadline unless renewed.")
        final boolean autoRelease,
        @Option(names = "--ticket", description = "Support ticket reference.") final Long ticket,
        @Option(names = "--justification", description = "Why (reject and renew).") final String justification,
        @Option(names = "--mass-action", description = "An approved mass action this hold belongs to (beyond the "
            + "blast-radius limit).") final Long massAction) {
        final Map<String, Object> params = new LinkedHashMap<>();
        switch (action) {
            case "place" -> {
                params.put("userId", id);
                if (block) {
                    params.put("kind", "ACCOUNT_BLOCK");
                } else {
                    params.put("asset", asset);
                    params.put("amount", amount);
                }
                params.put("reason", reason);
                params.put("explanation", explanation);
                params.put("reviewHours", reviewHours);
                params.put("releaseCondition", autoRelease ? "AUTO_RELEASE_AT_DEADLINE" : "OPERATOR_RELEASE");
                params.put("ticketRef", ticket);
                params.put("massActionId", massAction);
                return call("POST", "/admin/v1/holds", params);
            }
            case "approve", "release" -> {
                params.put("holdId", id);
                return call("POST", "/admin/v1/holds/" + action, params);
            }
            case "reject", "renew" -> {
                params.put("holdId", id);
                params.put("reviewHours", "renew".equals(action) ? reviewHours : null);
                params.put("justification", justification);
                return call("POST", "/admin/v1/holds/" + action, params);
            }
            default -> {
                err.println("candor admin hold: place, approve, reject, release or renew, not " + action);
                return 2;
            }
        }
    }

    @Command(name = "mass-action", description = "propose ACCOUNTS --justification WHY (holds on more accounts "
        + "than the blast-radius limit allows), or approve MASS_ACTION_ID (a second operator).")
    int massAction(@Parameters(paramLabel = "propose|approve") final String action,
        @Parameters(paramLabel = "ACCOUNTS|MASS_ACTION_ID") final long number,
        @Option(names = "--justification", description = "Why so many accounts (at most 160 bytes).")
        final String justification) {
        if ("propose".equals(action)) {
            return call("POST", "/admin/v1/mass-actions", ordered("accountsMax", number, "justification",
                justification));
        }
        if ("approve".equals(action)) {
            return call("POST", "/admin/v1/mass-actions/approve", Map.of("massActionId", number));
        }
        err.println("candor admin mass-action: propose or approve, not " + action);
        return 2;
    }

    @Command(name = "asset", description = "List an asset: ASSET_ID CODE SCALE (decimals of its minor unit).")
    int asset(@Parameters(paramLabel = "ASSET_ID") final int assetId,
        @Parameters(paramLabel = "CODE") final String code, @Parameters(paramLabel = "SCALE") final int scale) {
        return call("POST", "/admin/v1/assets", ordered("assetId", assetId, "code", code, "scale", scale));
    }

    @Command(name = "market", description = "halt SYMBOL, resume SYMBOL, or list SYMBOL --id --base --quote --tick "
        + "--lot --min-qty --max-qty --min-notional --maker-bps --taker-bps (sizes in decimals).")
    int market(@Parameters(paramLabel = "halt|resume|list") final String action,
        @Parameters(paramLabel = "SYMBOL") final String symbol,
        @Option(names = "--id") final Integer marketId, @Option(names = "--base") final String base,
        @Option(names = "--quote") final String quote, @Option(names = "--tick") final String tick,
        @Option(names = "--lot") final String lot, @Option(names = "--min-qty") final String minQty,
        @Option(names = "--max-qty") final String maxQty, @Option(names = "--min-notional") final String minNotional,
        @Option(names = "--maker-bps") final Integer makerBps, @Option(names = "--taker-bps") final Integer takerBps) {
        if ("list".equals(action)) {
            return call("POST", "/admin/v1/markets", ordered("marketId", marketId, "symbol", symbol, "baseAsset",
                base, "quoteAsset", quote, "tickSize", tick, "lotSize", lot, "minQty", minQty, "maxQty", maxQty,
                "minNotional", minNotional, "makerFeeBps", makerBps, "takerFeeBps", takerBps));
        }
        if (!"halt".equals(action) && !"resume".equals(action)) {
            err.println("candor admin market: halt, resume or list, not " + action);
            return 2;
        }
        return call("POST", "/admin/v1/markets/" + action, Map.of("symbol", symbol));
    }

    @Command(name = "funds", description = "A user's fund status as the user sees it: every part of every total, "
        + "each hold with its explanation, each withdrawal with its state and queue position.")
    int funds(@Parameters(paramLabel = "USER_ID") final long userId) {
        return call("GET", "/admin/v1/funds", Map.of("userId", userId));
    }

    @Command(name = "withdrawal", description = "approve|reject WITHDRAWAL_ID (a withdrawal above its threshold).")
    int withdrawal(@Parameters(paramLabel = "approve|reject") final String action,
        @Parameters(paramLabel = "WITHDRAWAL_ID") final long withdrawalId,
        @Option(names = "--justification", description = "Why (reject).") final String justification) {
        if (!"approve".equals(action) && !"reject".equals(action)) {
            err.println("candor admin withdrawal: approve or reject, not " + action);
            return 2;
        }
        final Map<String, Object> params = ordered("withdrawalId", withdrawalId, "justification", justification);
        return call("POST", "/admin/v1/withdrawals/" + action, params);
    }

    @Command(name = "withdrawals", description = "pause|resume ASSET: stop or restart an asset's withdrawals, with "
        + "a reason the users see.")
    int withdrawals(@Parameters(paramLabel = "pause|resume") final String action,
        @Parameters(paramLabel = "ASSET") final String asset,
        @Option(names = "--reason", description = "MAINTENANCE, NETWORK_INCIDENT, SECURITY_INCIDENT, REGULATORY, "
            + "OTHER") final String reason,
        @Option(names = "--explanation", description = "What the users are shown (at most 160 bytes).")
        final String explanation) {
        if (!"pause".equals(action) && !"resume".equals(action)) {
            err.println("candor admin withdrawals: pause or resume, not " + action);
            return 2;
        }
        return call("POST", "/admin/v1/withdrawals/" + action, ordered("asset", asset, "reason", reason,
            "explanation", explanation));
    }

    @Command(name = "policy", description = "set ASSET KIND VALUE (loosening becomes a proposal), or approve "
        + "PROPOSAL_ID (a second operator).")
    int policy(@Parameters(paramLabel = "set|approve") final String action,
        @Parameters(arity = "1..3", paramLabel = "ARGS") final String[] args) {
        if ("approve".equals(action) && args.length == 1) {
            return call("POST", "/admin/v1/policies/approve", Map.of("proposalId", args[0]));
        }
        if ("set".equals(action) && args.length == 3) {
            return call("POST", "/admin/v1/policies/withdrawal", ordered("asset", args[0], "kind", args[1],
                "value", args[2]));
        }
        err.println("candor admin policy: set ASSET KIND VALUE, or approve PROPOSAL_ID");
        return 2;
    }

    @Command(name = "balances", description = "Every bucket of every asset of a user.")
    int balances(@Parameters(paramLabel = "USER_ID") final long userId) {
        return call("GET", "/admin/v1/balances", Map.of("userId", userId));
    }

    @Command(name = "actions", description = "The operators' trail, newest first, and whether its hash chain holds.")
    int actions(@Option(names = "--limit", defaultValue = "20") final int limit) {
        return call("GET", "/admin/v1/actions", Map.of("limit", limit));
    }

    private int call(final String method, final String path, final Map<String, ?> params) {
        final SignedHttpClient client;
        try {
            client = client();
        } catch (RuntimeException e) {
            err.println("candor admin: " + e.getMessage());
            return 2;
        }
        final StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        final SignedHttpClient.Response response;
        try {
            response = client.signed(method, path, query.toString());
        } catch (RuntimeException e) {
            err.println("candor admin: " + e.getMessage());
            return 1;
        }
        try {
            (response.ok() ? out : err).println(JSON.writeValueAsString(response.body()));
        } catch (java.io.IOException e) {
            err.println(response.body());
        }
        return response.ok() ? 0 : 1;
    }

    private SignedHttpClient client() {
        if (url != null || key != null) {
            final String secret = System.getenv(SECRET_ENV);
            if (url == null || key == null || secret == null) {
                throw new IllegalArgumentException("--url and --key go together, with the secret in " + SECRET_ENV);
            }
            return new SignedHttpClient(url, key, secret);
        }
        final DemoCredentials file = DemoCredentials.read(credentials);
        final DemoCredentials.User operator = file.operator(operatorName);
        return new SignedHttpClient(file.adminUrl(), operator.apiKey(), operator.secretKey());
    }

    private static Map<String, Object> ordered(final Object... namesAndValues) {
        final Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
