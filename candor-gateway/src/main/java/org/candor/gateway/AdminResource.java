package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.candor.cluster.CommandWriter;
import org.candor.engine.Bucket;
import org.candor.engine.Hold;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.WithdrawalPauseReason;

/**
 * The admin API, {@code /admin/v1/...}, served on the admin server's own port. Operators sign requests as traders
 * do (HMAC over the raw parameters, {@code X-MBX-APIKEY}), but with operator keys, which live in a store of their
 * own; the operator id the engine records on holds and approvals is the key's, never a parameter, so no operator
 * can act in another's name. Four eyes are the engine's rule (an approver must differ from the placer), not this
 * class's: it cannot be bypassed by another client. Every call that asks for a change is appended to the
 * hash-chained {@link OperatorActions} trail with the engine's answer, carried out or refused.
 */
final class AdminResource {
    static final int WEIGHT = 1;
    static final String PREFIX = "/admin/v1";
    /** Longest a review deadline may be set ahead: a hold must come back to a person within a quarter. */
    static final long REVIEW_HOURS_MAX = 24L * 92;
    private static final long HOUR_MS = 3_600_000L;
    /** The most accounts one mass action may cover: a venue-wide incident, not more than the engine's users. */
    static final long MASS_ACTION_ACCOUNTS_MAX = 1_000_000;
    private static final int API_KEY_LENGTH = 64;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    private final ApiKeyStore tradingKeys;
    private final OperatorActions actions;
    private final MassActionIds massActionIds;
    private final SecureRandom random = new SecureRandom();

    AdminResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final ApiKeyStore tradingKeys, final OperatorActions actions, final MassActionIds massActionIds) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.tradingKeys = tradingKeys;
        this.actions = actions;
        this.massActionIds = massActionIds;
    }

    void register(final RoutesConfig routes) {
        routes.get(PREFIX + "/whoami", this::whoami);
        routes.post(PREFIX + "/users", this::createUser);
        routes.post(PREFIX + "/deposits", this::deposit);
        routes.post(PREFIX + "/api-keys", this::createApiKey);
        routes.delete(PREFIX + "/api-keys", this::revokeApiKey);
        routes.post(PREFIX + "/holds", this::placeHold);
        routes.post(PREFIX + "/holds/approve", this::approveHold);
        routes.post(PREFIX + "/holds/reject", this::rejectHold);
        routes.post(PREFIX + "/holds/release", this::releaseHold);
        routes.post(PREFIX + "/holds/renew", this::renewHold);
        routes.post(PREFIX + "/assets", this::createAsset);
        routes.post(PREFIX + "/markets", this::createMarket);
        routes.post(PREFIX + "/mass-actions", this::proposeMassAction);
        routes.post(PREFIX + "/mass-actions/approve", this::approveMassAction);
        routes.post(PREFIX + "/markets/halt", ctx -> marketStatus(ctx, MarketStatus.HALTED));
        routes.post(PREFIX + "/markets/resume", ctx -> marketStatus(ctx, MarketStatus.TRADING));
        routes.post(PREFIX + "/withdrawals/approve", this::approveWithdrawal);
        routes.post(PREFIX + "/withdrawals/reject", this::rejectWithdrawal);
        routes.post(PREFIX + "/withdrawals/pause", this::pauseWithdrawals);
        routes.post(PREFIX + "/withdrawals/resume", this::resumeWithdrawals);
        routes.post(PREFIX + "/policies/withdrawal", this::setWithdrawalPolicy);
        routes.post(PREFIX + "/policies/hold-approval-threshold", this::setHoldApprovalThreshold);
        routes.post(PREFIX + "/policies/blast-radius", this::setBlastRadius);
        routes.post(PREFIX + "/policies/approve", this::approvePolicyChange);
        routes.get(PREFIX + "/balances", this::balances);
        routes.get(PREFIX + "/funds", this::funds);
        routes.get(PREFIX + "/actions", this::listActions);
    }

    private void whoami(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        Json.send(ctx, Map.of("operatorId", operator.userId()));
    }

    private void createUser(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long userId = positiveLong(operator.params(), "userId");
        execute(ctx, operator, "create-user", "userId=" + userId,
            (e, b, o, c, id) -> e.createUser(b, o, c, id, 0, userId));
    }

    /**
     * A credit by an operator: the simulated deposit of the demo and of tests, and the manual correction of
     * production, recorded in the trail with the operator who made it. Real deposits come from the chain adapters.
     */
    private void deposit(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final long userId = positiveLong(params, "userId");
        final AssetInfo asset = OrderLookup.asset(views, params, "asset");
        final long amount = Decimals.toMinor("amount", params.required("amount"), asset.scale());
        final long depositRef = positiveLong(params, "depositRef");
        execute(ctx, operator, "deposit", "userId=" + userId + " asset=" + asset.code() + " amount="
            + Decimals.format(amount, asset.scale()) + " depositRef=" + depositRef,
            (e, b, o, c, id) -> e.deposit(b, o, c, id, 0, userId, asset.id(), amount, depositRef));
    }

    private void createApiKey(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final long userId = positiveLong(params, "userId");
        final Set<Permission> permissions = permissions(params.optional("permissions"));
        final List<String> ips = ipAllowList(params.optional("ipAllowList"));
        commands.catchUp();
        if (!views.read(s -> s.accounts().userExists(userId))) {
            record(operator, "create-api-key", "userId=" + userId, RejectReason.UNKNOWN_USER.name(), 0);
            throw refused(RejectReason.UNKNOWN_USER);
        }
        final String key = RandomTokens.alphanumeric(random, API_KEY_LENGTH);
        final String secret = RandomTokens.alphanumeric(random, API_KEY_LENGTH);
        tradingKeys.create(new ApiKey(key, userId, secret.getBytes(StandardCharsets.US_ASCII), permissions, ips,
            false));
        record(operator, "create-api-key", "userId=" + userId + " apiKey=" + key + " permissions=" + permissions,
            "NONE", 0);
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("apiKey", key);
        body.put("secretKey", secret);
        body.put("permissions", permissions.stream().map(Enum::name).sorted().toList());
        body.put("ipAllowList", ips);
        Json.send(ctx, body);
    }

    private void revokeApiKey(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final String key = operator.params().required("apiKey");
        final boolean revoked = tradingKeys.revoke(key);
        record(operator, "revoke-api-key", "apiKey=" + key, revoked ? "NONE" : "UNKNOWN_API_KEY", 0);
        if (!revoked) {
            throw new ApiError(ErrorMapper.BAD_REQUEST, -2015, "Unknown API key.");
        }
        Json.send(ctx, Map.of("apiKey", key, "revoked", true));
    }

    private void placeHold(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final long userId = positiveLong(params, "userId");
        final HoldKind kind = enumValue(HoldKind.class, params.optional("kind"), HoldKind.AMOUNT, "kind");
        final AssetInfo asset = kind == HoldKind.AMOUNT ? OrderLookup.asset(views, params, "asset") : null;
        final long amount = kind == HoldKind.AMOUNT
            ? Decimals.toMinor("amount", params.required("amount"), asset.scale()) : 0;
        final HoldReason reason = enumValue(HoldReason.class, params.required("reason"), null, "reason");
        final String explanation = text(params, "explanation");
        final long deadlineMs = guard.nowMs() + hours(params, "reviewHours") * HOUR_MS;
        final ReleaseCondition release = enumValue(ReleaseCondition.class, params.optional("releaseCondition"),
            ReleaseCondition.OPERATOR_RELEASE, "releaseCondition");
        final long ticketRef = params.longValue("ticketRef", 0);
        final long massActionId = params.longValue("massActionId", 0);
        final int assetId = asset == null ? Hold.NO_ASSET : asset.id();
        execute(ctx, operator, "place-hold", "userId=" + userId + " kind=" + kind + " asset="
            + (asset == null ? "-" : asset.code()) + " amount=" + amount + " reason=" + reason + " explanation="
            + explanation + " reviewDeadlineMs=" + deadlineMs + " release=" + release + " ticketRef=" + ticketRef,
            (e, b, o, c, id) -> e.placeHold(b, o, c, id, 0, userId, assetId, amount, kind, reason, explanation,
                operator.userId(), deadlineMs, release, ticketRef, massActionId));
    }

    private void approveHold(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long holdId = positiveLong(operator.params(), "holdId");
        execute(ctx, operator, "approve-hold", "holdId=" + holdId,
            (e, b, o, c, id) -> e.approveHold(b, o, c, id, 0, holdId, operator.userId()));
    }

    private void rejectHold(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long holdId = positiveLong(operator.params(), "holdId");
        final String justification = text(operator.params(), "justification");
        execute(ctx, operator, "reject-hold", "holdId=" + holdId + " justification=" + justification,
            (e, b, o, c, id) -> e.rejectHold(b, o, c, id, 0, holdId, operator.userId(), justification));
    }

    private void releaseHold(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long holdId = positiveLong(operator.params(), "holdId");
        execute(ctx, operator, "release-hold", "holdId=" + holdId,
            (e, b, o, c, id) -> e.releaseHold(b, o, c, id, 0, holdId, operator.userId()));
    }

    private void renewHold(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final long holdId = positiveLong(params, "holdId");
        final long deadlineMs = guard.nowMs() + hours(params, "reviewHours") * HOUR_MS;
        final String justification = text(params, "justification");
        execute(ctx, operator, "renew-hold", "holdId=" + holdId + " reviewDeadlineMs=" + deadlineMs
            + " justification=" + justification,
            (e, b, o, c, id) -> e.renewHold(b, o, c, id, 0, holdId, operator.userId(), deadlineMs, justification));
    }

    /**
     * Lists an asset: its id (chosen by the operator, as every id comes in with the command), its code and how many
     * decimals its minor unit has. Listing restricts nobody, so one operator suffices; it is in the trail.
     */
    private void createAsset(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final int assetId = positiveInt(params, "assetId");
        final String code = params.required("code");
        final int scale = nonNegativeInt(params, "scale");
        execute(ctx, operator, "create-asset", "assetId=" + assetId + " code=" + code + " scale=" + scale,
            (e, b, o, c, id) -> e.createAsset(b, o, c, id, 0, assetId, code, scale));
    }

    /**
     * Lists a market between two listed assets. Sizes are decimals in their asset's units (tick and notional in
     * the quote asset, lot and quantities in the base asset); the engine refuses terms whose tick times lot is not
     * a whole number of quote minor units, so every trade's value is exact.
     */
    private void createMarket(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final int marketId = positiveInt(params, "marketId");
        final String symbol = params.required("symbol");
        final AssetInfo base = OrderLookup.asset(views, params, "baseAsset");
        final AssetInfo quote = OrderLookup.asset(views, params, "quoteAsset");
        final long tick = Decimals.toMinor("tickSize", params.required("tickSize"), quote.scale());
        final long lot = Decimals.toMinor("lotSize", params.required("lotSize"), base.scale());
        final long minQty = Decimals.toMinor("minQty", params.required("minQty"), base.scale());
        final long maxQty = Decimals.toMinor("maxQty", params.required("maxQty"), base.scale());
        final long minNotional = Decimals.toMinor("minNotional", params.required("minNotional"), quote.scale());
        final int makerBps = nonNegativeInt(params, "makerFeeBps");
        final int takerBps = nonNegativeInt(params, "takerFeeBps");
        execute(ctx, operator, "create-market", "marketId=" + marketId + " symbol=" + symbol + " base=" + base.code()
            + " quote=" + quote.code() + " tick=" + tick + " lot=" + lot + " minQty=" + minQty + " maxQty=" + maxQty
            + " minNotional=" + minNotional + " makerFeeBps=" + makerBps + " takerFeeBps=" + takerBps,
            (e, b, o, c, id) -> e.createMarket(b, o, c, id, 0, marketId, symbol, base.id(), quote.id(), tick, lot,
                minQty, maxQty, minNotional, makerBps, takerBps));
    }

    /**
     * Restricting more accounts than the blast-radius limit allows needs a mass action: one operator proposes it
     * with the most accounts it may restrict and why, another approves it, and holds name it ({@code massActionId}).
     * The answer's reference is the new action's id.
     */
    private void proposeMassAction(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final long accountsMax = positiveLong(params, "accountsMax");
        if (accountsMax > MASS_ACTION_ACCOUNTS_MAX) {
            throw ErrorMapper.illegalParameter("accountsMax");
        }
        final String justification = text(params, "justification");
        final long actionId = massActionIds.next();
        execute(ctx, operator, "propose-mass-action", "massActionId=" + actionId + " accountsMax=" + accountsMax
            + " justification=" + justification, (e, b, o, c, id) -> e.proposeMassAction(b, o, c, id, 0, actionId,
                operator.userId(), (int) accountsMax, justification));
    }

    private void approveMassAction(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long actionId = positiveLong(operator.params(), "massActionId");
        execute(ctx, operator, "approve-mass-action", "massActionId=" + actionId,
            (e, b, o, c, id) -> e.approveMassAction(b, o, c, id, 0, actionId, operator.userId()));
    }

    private void marketStatus(final Context ctx, final MarketStatus status) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final MarketInfo market = OrderLookup.market(views, operator.params().required("symbol"));
        execute(ctx, operator, status == MarketStatus.HALTED ? "halt-market" : "resume-market",
            "symbol=" + market.symbol(), (e, b, o, c, id) -> e.setMarketStatus(b, o, c, id, 0, market.id(), status));
    }

    /** A withdrawal above its asset's approval threshold goes on only when an operator approves it. */
    private void approveWithdrawal(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long withdrawalId = positiveLong(operator.params(), "withdrawalId");
        execute(ctx, operator, "approve-withdrawal", "withdrawalId=" + withdrawalId,
            (e, b, o, c, id) -> e.approveWithdrawal(b, o, c, id, 0, withdrawalId, operator.userId()));
    }

    private void rejectWithdrawal(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long withdrawalId = positiveLong(operator.params(), "withdrawalId");
        final String justification = text(operator.params(), "justification");
        execute(ctx, operator, "reject-withdrawal", "withdrawalId=" + withdrawalId + " justification="
            + justification, (e, b, o, c, id) -> e.rejectWithdrawal(b, o, c, id, 0, withdrawalId,
                operator.userId(), justification));
    }

    /**
     * Pausing an asset's withdrawals is the only way to stop them, and it is explicit, reasoned and visible: the
     * engine records who and why, and every refused request names the pause.
     */
    private void pauseWithdrawals(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final AssetInfo asset = OrderLookup.asset(views, params, "asset");
        final WithdrawalPauseReason reason = enumValue(WithdrawalPauseReason.class, params.required("reason"), null,
            "reason");
        final String explanation = text(params, "explanation");
        execute(ctx, operator, "pause-withdrawals", "asset=" + asset.code() + " reason=" + reason + " explanation="
            + explanation, (e, b, o, c, id) -> e.pauseWithdrawals(b, o, c, id, 0, asset.id(), reason, explanation,
                operator.userId()));
    }

    private void resumeWithdrawals(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final AssetInfo asset = OrderLookup.asset(views, operator.params(), "asset");
        execute(ctx, operator, "resume-withdrawals", "asset=" + asset.code(),
            (e, b, o, c, id) -> e.resumeWithdrawals(b, o, c, id, 0, asset.id(), operator.userId()));
    }

    /**
     * A per-asset withdrawal setting. Tightening applies at once; loosening (a higher threshold or limit, a shorter
     * time lock, a longer deadline) becomes a proposal whose id is the answer's reference, for a second operator.
     * Amounts (thresholds, limits) are decimals in the asset's units; times are milliseconds.
     */
    private void setWithdrawalPolicy(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final AssetInfo asset = OrderLookup.asset(views, params, "asset");
        final PolicyKind kind = enumValue(PolicyKind.class, params.required("kind"), null, "kind");
        if (!kind.isWithdrawalSetting()) {
            throw ErrorMapper.illegalParameter("kind");
        }
        final long value = isAmount(kind) ? Decimals.toMinor("value", params.required("value"), asset.scale())
            : params.requiredLong("value");
        execute(ctx, operator, "set-withdrawal-policy", "asset=" + asset.code() + " kind=" + kind + " value="
            + value, (e, b, o, c, id) -> e.setWithdrawalPolicy(b, o, c, id, 0, asset.id(), kind, value,
                operator.userId()));
    }

    private void setHoldApprovalThreshold(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final AssetInfo asset = OrderLookup.asset(views, operator.params(), "asset");
        final long threshold = Decimals.toMinor("threshold", operator.params().required("threshold"),
            asset.scale());
        execute(ctx, operator, "set-hold-approval-threshold", "asset=" + asset.code() + " threshold=" + threshold,
            (e, b, o, c, id) -> e.setHoldApprovalThreshold(b, o, c, id, 0, asset.id(), threshold,
                operator.userId()));
    }

    private void setBlastRadius(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final RequestParams params = operator.params();
        final int accountsMax = (int) Math.min(Integer.MAX_VALUE, params.requiredLong("accountsMax"));
        final int shareBpsMax = (int) Math.min(Integer.MAX_VALUE, params.requiredLong("shareBpsMax"));
        final long windowMs = params.requiredLong("windowMs");
        execute(ctx, operator, "set-blast-radius", "accountsMax=" + accountsMax + " shareBpsMax=" + shareBpsMax
            + " windowMs=" + windowMs, (e, b, o, c, id) -> e.setBlastRadiusPolicy(b, o, c, id, 0, accountsMax,
                shareBpsMax, windowMs, operator.userId()));
    }

    /** The second operator's approval of a loosening proposal; the engine refuses the proposer's own. */
    private void approvePolicyChange(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long proposalId = positiveLong(operator.params(), "proposalId");
        execute(ctx, operator, "approve-policy-change", "proposalId=" + proposalId,
            (e, b, o, c, id) -> e.approvePolicyChange(b, o, c, id, 0, proposalId, operator.userId()));
    }

    private static boolean isAmount(final PolicyKind kind) {
        return kind == PolicyKind.WITHDRAWAL_APPROVAL_THRESHOLD || kind == PolicyKind.WITHDRAWAL_USER_VELOCITY_LIMIT
            || kind == PolicyKind.WITHDRAWAL_ASSET_VELOCITY_LIMIT;
    }

    /** Every bucket of every asset of a user: what an operator checks before and after acting. */
    private void balances(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long userId = positiveLong(operator.params(), "userId");
        commands.catchUp();
        final List<Map<String, Object>> rows = views.read(s -> {
            if (!s.accounts().userExists(userId)) {
                return null;
            }
            final Map<Integer, long[]> owned = s.accounts().balances(userId);
            final List<Map<String, Object>> list = new ArrayList<>();
            for (AssetInfo asset : s.market().assets()) {
                final long[] buckets = owned.getOrDefault(asset.id(), new long[AccountView.BUCKETS]);
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", asset.code());
                long total = 0;
                for (Bucket bucket : Bucket.values()) {
                    if (bucket.ordinal() < buckets.length) {
                        row.put(bucket.name().toLowerCase(Locale.ROOT),
                            Decimals.format(buckets[bucket.ordinal()], asset.scale()));
                        total = Math.addExact(total, buckets[bucket.ordinal()]);
                    }
                }
                row.put("total", Decimals.format(total, asset.scale()));
                list.add(row);
            }
            return list;
        });
        if (rows == null) {
            throw refused(RejectReason.UNKNOWN_USER);
        }
        Json.send(ctx, Map.of("userId", userId, "balances", rows));
    }

    /** A user's fund status exactly as the user sees it ({@code /v1/funds}): what support reads to the user. */
    private void funds(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final long userId = positiveLong(operator.params(), "userId");
        commands.catchUp();
        final Map<String, Object> status = views.read(s -> s.accounts().userExists(userId)
            ? NativeAccountResource.fundStatus(s, userId) : null);
        if (status == null) {
            throw refused(RejectReason.UNKNOWN_USER);
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.putAll(status);
        Json.send(ctx, body);
    }

    private void listActions(final Context ctx) {
        final RequestGuard.Caller operator = guard.signed(ctx, WEIGHT, Permission.OPERATE);
        final int limit = (int) Math.min(OperatorActions.LIST_MAX, operator.params().longValue("limit", 100));
        final long of = operator.params().longValue("operatorId", 0);
        final List<Map<String, Object>> list = new ArrayList<>();
        for (OperatorActions.Action action : actions.latest(limit, of)) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("actionId", action.actionId());
            row.put("atMs", action.atMs());
            row.put("operatorId", action.operatorId());
            row.put("action", action.action());
            row.put("detail", action.detail());
            row.put("outcome", action.outcome());
            row.put("reference", action.reference());
            row.put("hash", HexFormat.of().formatHex(action.hash()));
            list.add(row);
        }
        final long broken = actions.verify();
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("chainIntact", broken == 0);
        body.put("firstBrokenActionId", broken);
        body.put("actions", list);
        Json.send(ctx, body);
    }

    /** Sends the command, records it with the engine's answer, and answers it (refusals as 400 with the reason). */
    private void execute(final Context ctx, final RequestGuard.Caller operator, final String action,
        final String detail, final CommandWriter writer) {
        final CommandOutcome outcome = commands.execute(writer);
        final RejectReason reason = outcome.result().reason();
        final long actionId = record(operator, action, detail, reason.name(), outcome.result().reference());
        if (reason != RejectReason.NONE) {
            throw refused(reason);
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "NONE");
        body.put("reference", outcome.result().reference());
        body.put("seq", outcome.result().firstSeq());
        body.put("actionId", actionId);
        Json.send(ctx, body);
    }

    private long record(final RequestGuard.Caller operator, final String action, final String detail,
        final String outcome, final long reference) {
        return actions.append(guard.nowMs(), operator.userId(), action, detail, outcome, reference);
    }

    /** An engine refusal: 400, the engine's stable reason in the message and its numeric code. */
    private static ApiError refused(final RejectReason reason) {
        return new ApiError(ErrorMapper.BAD_REQUEST, -3000 - reason.code(), "Refused by the engine: " + reason.name()
            + ".");
    }


    private static long positiveLong(final RequestParams params, final String name) {
        final long value = params.requiredLong(name);
        if (value <= 0) {
            throw ErrorMapper.illegalParameter(name);
        }
        return value;
    }

    private static int positiveInt(final RequestParams params, final String name) {
        final long value = positiveLong(params, name);
        if (value > Integer.MAX_VALUE) {
            throw ErrorMapper.illegalParameter(name);
        }
        return (int) value;
    }

    /** A count the engine bounds itself (a scale, a fee in basis points): here only its sign and width. */
    private static int nonNegativeInt(final RequestParams params, final String name) {
        final long value = params.requiredLong(name);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw ErrorMapper.illegalParameter(name);
        }
        return (int) value;
    }

    private static long hours(final RequestParams params, final String name) {
        final long value = params.requiredLong(name);
        if (value <= 0 || value > REVIEW_HOURS_MAX) {
            throw ErrorMapper.illegalParameter(name);
        }
        return value;
    }

    /** A required operator text: non-blank, at most the wire's bytes of UTF-8, no control characters. */
    private static String text(final RequestParams params, final String name) {
        final String value = params.required(name);
        if (value.isBlank() || value.getBytes(StandardCharsets.UTF_8).length > HoldPolicy.TEXT_BYTES_MAX
            || value.chars().anyMatch(Character::isISOControl)) {
            throw ErrorMapper.illegalParameter(name);
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(final Class<E> type, final String text, final E otherwise,
        final String name) {
        if (text == null) {
            if (otherwise == null) {
                throw ErrorMapper.mandatoryMissing(name);
            }
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw ErrorMapper.illegalParameter(name);
        }
    }

    private static Set<Permission> permissions(final String text) {
        final Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (text == null) {
            permissions.add(Permission.READ);
            permissions.add(Permission.TRADE);
            return permissions;
        }
        for (String each : text.split(",", -1)) {
            final Permission permission = enumValue(Permission.class, each.trim(), null, "permissions");
            if (permission == Permission.OPERATE) {
                throw ErrorMapper.illegalParameter("permissions");
            }
            permissions.add(permission);
        }
        return permissions;
    }

    private static List<String> ipAllowList(final String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        final List<String> ips = new ArrayList<>();
        for (String each : text.split(",", -1)) {
            if (!each.matches("[0-9a-fA-F.:]{2,45}")) {
                throw ErrorMapper.illegalParameter("ipAllowList");
            }
            ips.add(each);
        }
        return ips;
    }

}
