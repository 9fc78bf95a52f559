package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.candor.engine.PolicyKind;

/**
 * The reads the operators' console needs beyond {@link AdminResource}: holds (a user's, or every hold waiting for a
 * second operator), the markets with their status, finding a user by login name, the withdrawals waiting for an
 * operator with each asset's pause and settings, and the policy proposals. Read-only, so nothing here goes
 * to the trail. Served on the admin port with operator keys or an operator's console session.
 */
final class AdminConsoleResource {
    static final int WEIGHT = 1;
    /** Most withdrawals listed at once in the approval queue. */
    static final int WITHDRAWALS_MAX = 500;

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
        routes.get(AdminResource.PREFIX + "/withdrawals", this::withdrawals);
        routes.get(AdminResource.PREFIX + "/policies/proposals", this::proposals);
    }

    /** {@code userId}: that user's holds, pending ones included; without it, every pending hold. */
    private void holds(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long userId = operator.params().longValue("userId", 0);
        commands.catchUp();
        final List<Map<String, Object>> list = views.read(s -> (userId > 0 ? s.holds().all(userId)
            : s.holds().pending()).stream().map(hold -> HoldJson.of(hold, s.market())).toList());
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

    /**
     * The withdrawals waiting for an operator's approval (oldest first, at most {@link #WITHDRAWALS_MAX}), and per
     * asset whether its withdrawals are paused and why, its approval threshold and its address time lock.
     */
    private void withdrawals(final Context ctx) {
        guard.signed(ctx, WEIGHT, Permission.OPERATE);
        commands.catchUp();
        Json.send(ctx, views.read(s -> {
            final List<Map<String, Object>> waiting = new ArrayList<>();
            for (final FundsView.WithdrawalInfo w : s.funds().awaitingApproval(WITHDRAWALS_MAX)) {
                final AssetInfo asset = s.market().asset(w.assetId());
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("withdrawalId", w.withdrawalId());
                row.put("userId", w.userId());
                row.put("asset", asset.code());
                row.put("amount", Decimals.format(w.amount(), asset.scale()));
                row.put("address", s.funds().addressesOf(w.userId()).stream()
                    .filter(a -> a.addressId() == w.addressId()).map(FundsView.AddressInfo::address).findFirst()
                    .orElse(null));
                row.put("requestedAtMs", w.requestedMs());
                row.put("expectedByMs", s.funds().stateDeadlineMs(w));
                row.put("deadlineMissed", w.slaMissed());
                waiting.add(row);
            }
            final List<Map<String, Object>> assets = new ArrayList<>();
            for (final AssetInfo asset : s.market().assets()) {
                final FundsView.PauseInfo pause = s.funds().pause(asset.id());
                final long threshold = s.funds().setting(asset.id(), PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD);
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", asset.code());
                row.put("scale", asset.scale());
                row.put("paused", pause != null);
                row.put("pauseReason", pause == null ? null : pause.reason().name());
                row.put("pauseExplanation", pause == null ? null : pause.explanation());
                row.put("pausedBy", pause == null ? null : pause.operatorId());
                row.put("approvalThreshold", threshold >= PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD
                    .withdrawalDefault() ? null : Decimals.format(threshold, asset.scale()));
                row.put("timeLockMs", s.funds().setting(asset.id(), PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK));
                assets.add(row);
            }
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("withdrawals", waiting);
            body.put("assets", assets);
            return body;
        }));
    }

    /**
     * Proposals to loosen a policy: pending ones (a second operator may approve them until they expire), then the
     * latest approved or expired. Amount settings as decimals of their asset, times in milliseconds.
     */
    private void proposals(final Context ctx) {
        guard.signed(ctx, WEIGHT, Permission.OPERATE);
        commands.catchUp();
        Json.send(ctx, Map.of("proposals", views.read(s -> s.proposals().all().stream().map(p -> {
            final AssetInfo asset = p.kind() == PolicyKind.BLAST_RADIUS ? null : s.market().asset(p.assetId());
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("proposalId", p.proposalId());
            row.put("kind", p.kind().name());
            row.put("asset", asset == null ? null : asset.code());
            row.put("value", asset != null && isAmount(p.kind()) ? Decimals.format(p.value(), asset.scale())
                : Long.toString(p.value()));
            row.put("accountsMax", p.accountsMax());
            row.put("shareBpsMax", p.shareBpsMax());
            row.put("proposedBy", p.proposedBy());
            row.put("expiresAtMs", p.expiresAtMs());
            row.put("state", p.state().name());
            row.put("approvedBy", p.approvedBy());
            return row;
        }).toList())));
    }

    /** Whether a policy's value is an amount of its asset (else milliseconds, or a blast-radius window). */
    private static boolean isAmount(final PolicyKind kind) {
        return kind == PolicyKind.HOLD_APPROVAL_THRESHOLD || kind == PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD
            || kind == PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT || kind == PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT;
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
