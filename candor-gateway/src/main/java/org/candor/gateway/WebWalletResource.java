package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.PolicyKind;

/**
 * The web app's wallet (decision 0013): the allow-list, withdrawals and deposit addresses for a logged-in browser,
 * under {@code /web/v1}. Each route authenticates the session ({@link RequestGuard#webSession}: the CSRF header on
 * anything but GET) and then runs the very handler of the native API ({@link WalletResource}), so validation,
 * engine commands and refusals are the same; only the way in differs. The signed APIs' WITHDRAW endpoints still
 * refuse a session cookie.
 *
 * <p>What protects a taken-over session is the engine's allow-list time lock: a new address waits (24 h unless two
 * operators shorten it) before money may go to it, and the user is told of every address added.
 */
final class WebWalletResource {
    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    private final WalletResource wallet;

    WebWalletResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final WalletResource wallet) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.wallet = wallet;
    }

    void register(final RoutesConfig routes) {
        final String prefix = WebLoginResource.PREFIX;
        routes.get(prefix + "/wallet", this::overview);
        routes.post(prefix + "/withdrawal-addresses", ctx -> created(ctx,
            wallet.addAddress(guard.webSession(ctx, WalletResource.WRITE_WEIGHT))));
        routes.delete(prefix + "/withdrawal-addresses/{id}", ctx -> Json.send(ctx,
            wallet.removeAddress(guard.webSession(ctx, WalletResource.WRITE_WEIGHT), ctx.pathParam("id"))));
        routes.post(prefix + "/withdrawals", ctx -> created(ctx,
            wallet.withdraw(guard.webSession(ctx, WalletResource.WRITE_WEIGHT))));
        routes.delete(prefix + "/withdrawals/{id}", ctx -> Json.send(ctx,
            wallet.cancel(guard.webSession(ctx, WalletResource.WRITE_WEIGHT), ctx.pathParam("id"))));
        routes.get(prefix + "/deposit-address", this::depositAddress);
    }

    private static void created(final Context ctx, final Map<String, Object> body) {
        ctx.status(201);
        Json.send(ctx, body);
    }

    /**
     * The allow-list and, per asset, what the wallet page explains: the time lock a new address waits, the amount
     * above which a withdrawal waits for an operator, and a pause of the asset's withdrawals with its explanation.
     */
    private void overview(final Context ctx) {
        final RequestGuard.Caller caller = guard.webSession(ctx, WalletResource.LIST_WEIGHT);
        final List<Map<String, Object>> addresses = wallet.addresses(caller.userId());
        commands.catchUp();
        final List<Map<String, Object>> assets = views.read(s -> {
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final AssetInfo asset : s.market().assets()) {
                final long threshold = s.funds().setting(asset.id(), PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD);
                final FundsView.PauseInfo pause = s.funds().pause(asset.id());
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", asset.code());
                row.put("scale", asset.scale());
                row.put("timeLockMs", s.funds().setting(asset.id(), PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK));
                // The default is the engine's "no threshold": nothing waits for an operator.
                row.put("approvalThreshold", threshold >= PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD.withdrawalDefault()
                    ? null : NativeJson.amount(threshold));
                row.put("paused", pause != null);
                row.put("pauseReason", pause == null ? null : NativeJson.lower(pause.reason()));
                row.put("pauseExplanation", pause == null ? null : pause.explanation());
                list.add(row);
            }
            return list;
        });
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("addresses", addresses);
        body.put("assets", assets);
        Json.send(ctx, body);
    }

    /**
     * {@code asset}: the user's deposit address, or why there is none. Answered 200 either way (a page asks for every
     * asset it shows, and an asset without deposits is a fact to show, not a failed request).
     */
    private void depositAddress(final Context ctx) {
        final RequestGuard.Caller caller = guard.webSession(ctx, WalletResource.LIST_WEIGHT);
        final AssetInfo asset = OrderLookup.asset(views, caller.params(), "asset");
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("asset", asset.code());
        try {
            body.put("address", wallet.depositAddress(caller.userId(), asset));
            body.put("available", true);
            body.put("message", null);
        } catch (ApiError unavailable) {
            if (unavailable.httpStatus() != ErrorMapper.UNAVAILABLE) {
                throw unavailable;
            }
            body.put("address", null);
            body.put("available", false);
            body.put("message", unavailable.getMessage());
        }
        Json.send(ctx, body);
    }
}
