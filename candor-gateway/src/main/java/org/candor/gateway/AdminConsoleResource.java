package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reads the operators' console needs beyond {@link AdminResource}: holds (a user's, or every hold waiting for a
 * second operator), the markets with their status, and finding a user by login name. Read-only, so nothing here goes
 * to the trail. Served on the admin port with operator keys or an operator's console session.
 */
final class AdminConsoleResource {
    static final int WEIGHT = 1;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    /** Traders' logins, to find a user by name; null when the gateway has no web logins. */
    private final PostgresWebLogins traderLogins;

    AdminConsoleResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final PostgresWebLogins traderLogins) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.traderLogins = traderLogins;
    }

    void register(final RoutesConfig routes) {
        routes.get(AdminResource.PREFIX + "/holds", this::holds);
        routes.get(AdminResource.PREFIX + "/markets", this::markets);
        routes.get(AdminResource.PREFIX + "/users/find", this::findUser);
    }

    /** {@code userId}: that user's holds, pending ones included; without it, every pending hold. */
    private void holds(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long userId = operator.params().longValue("userId", 0);
        commands.catchUp();
        final List<Map<String, Object>> list = views.read(s -> (userId > 0 ? s.holds().all(userId)
            : s.holds().pending()).stream().map(hold -> HoldJson.of(hold, s.market(), true)).toList());
        Json.send(ctx, Map.of("holds", list));
    }

    private void markets(final Context ctx) {
        guard.signed(ctx, WEIGHT, Permission.OPERATE);
        commands.catchUp();
        final List<Map<String, Object>> list = views.read(s -> s.market().markets().stream().map(market -> {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", market.symbol());
            row.put("status", GeneralResource.symbol(market).get("status"));
            row.put("baseAsset", market.base().code());
            row.put("quoteAsset", market.quote().code());
            return row;
        }).toList());
        Json.send(ctx, Map.of("markets", list));
    }

    /** {@code q}: a user id, or a trader's login name; answers the user id and whether the engine knows it. */
    private void findUser(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final String query = operator.params().required("q").trim();
        Optional<Long> userId = Optional.empty();
        if (query.matches("[0-9]{1,18}")) {
            userId = Optional.of(Long.parseLong(query));
        } else if (traderLogins != null) {
            userId = traderLogins.principalOf(query.toLowerCase(Locale.ROOT));
        }
        commands.catchUp();
        final long id = userId.orElse(0L);
        final boolean exists = id > 0 && views.read(s -> s.accounts().userExists(id));
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("userId", exists ? id : null);
        body.put("found", exists);
        Json.send(ctx, body);
    }
}
