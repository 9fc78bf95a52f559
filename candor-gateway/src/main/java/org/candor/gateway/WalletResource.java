package org.candor.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.candor.engine.RejectReason;
import org.candor.engine.WithdrawalState;
import org.candor.readmodel.TimeRange;
import org.candor.readmodel.WalletHistory;

/**
 * A user's withdrawals and the allow-list they go to, natively ({@code /v1/withdrawal-addresses},
 * {@code /v1/withdrawals}) and as Binance's wallet API ({@code /sapi/v1/capital/withdraw/apply} and
 * {@code /withdraw/history}). Withdrawals leave only for an address the user allow-listed in advance and whose
 * time lock has passed (decision 0010); adding or removing an address and withdrawing need a key with WITHDRAW,
 * reading needs READ. Every refusal names its cause ({@link ErrorMapper#withdrawalRejected}).
 */
final class WalletResource {
    static final int WRITE_WEIGHT = 1;
    static final int LIST_WEIGHT = 10;
    /** Longest address text the engine takes (printable ASCII). */
    static final int ADDRESS_LENGTH_MAX = 100;

    private final RequestGuard guard;
    private final ReadViews views;
    private final EngineCommands commands;
    private final Supplier<DepositAddresses> depositAddresses;
    private final Supplier<PendingDeposits> pendingDeposits;
    private final HistoryAccess history;

    /**
     * @param pendingDeposits the wallet service's deposits waiting for confirmations (supplies null without one)
     * @param history         the read model, for the withdraw and deposit histories (the views serve them without
     *                        one)
     */
    WalletResource(final RequestGuard guard, final ReadViews views, final EngineCommands commands,
        final Supplier<DepositAddresses> depositAddresses, final Supplier<PendingDeposits> pendingDeposits,
        final HistoryAccess history) {
        this.guard = guard;
        this.views = views;
        this.commands = commands;
        this.depositAddresses = depositAddresses;
        this.pendingDeposits = pendingDeposits;
        this.history = history;
    }

    void register(final RoutesConfig routes) {
        routes.get("/v1/withdrawal-addresses", this::listAddresses);
        routes.post("/v1/withdrawal-addresses", this::addAddress);
        routes.delete("/v1/withdrawal-addresses/{id}", this::removeAddress);
        routes.post("/v1/withdrawals", this::withdraw);
        routes.delete("/v1/withdrawals/{id}", this::cancel);
        routes.post("/sapi/v1/capital/withdraw/apply", this::binanceWithdraw);
        routes.get("/sapi/v1/capital/withdraw/history", this::binanceHistory);
        routes.get("/sapi/v1/capital/deposit/address", this::depositAddress);
        routes.get("/sapi/v1/capital/deposit/hisrec", this::depositHistory);
    }

    private void listAddresses(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, LIST_WEIGHT, Permission.READ);
        Json.send(ctx, addresses(caller.userId()));
    }

    /** The user's allow-list; the handlers below with a caller are shared with the web app's wallet routes. */
    List<Map<String, Object>> addresses(final long userId) {
        commands.catchUp();
        final long nowMs = guard.nowMs();
        return views.read(s -> {
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final FundsView.AddressInfo address : s.funds().addressesOf(userId)) {
                list.add(address(s.market().asset(address.assetId()), address, nowMs));
            }
            return list;
        });
    }

    private void addAddress(final Context ctx) {
        final Map<String, Object> added = addAddress(guard.signed(ctx, WRITE_WEIGHT, Permission.WITHDRAW));
        ctx.status(201);
        Json.send(ctx, added);
    }

    Map<String, Object> addAddress(final RequestGuard.Caller caller) {
        final AssetInfo asset = OrderLookup.asset(views, caller.params(), "asset");
        final String address = addressText(caller.params().required("address"));
        final CommandOutcome outcome = commands.execute((e, b, o, c, id) -> e.addWithdrawalAddress(b, o, c, id, 0,
            caller.userId(), asset.id(), address));
        refuseUnlessApplied(outcome);
        final long addressId = outcome.result().reference();
        final FundsView.AddressInfo added = views.read(s -> s.funds().addressesOf(caller.userId()).stream()
            .filter(a -> a.addressId() == addressId).findFirst().orElse(null));
        if (added == null) {
            throw ErrorMapper.unknown();
        }
        return address(asset, added, guard.nowMs());
    }

    private void removeAddress(final Context ctx) {
        Json.send(ctx, removeAddress(guard.signed(ctx, WRITE_WEIGHT, Permission.WITHDRAW), ctx.pathParam("id")));
    }

    Map<String, Object> removeAddress(final RequestGuard.Caller caller, final String idText) {
        final long addressId = id(idText);
        refuseUnlessApplied(commands.execute((e, b, o, c, id) -> e.removeWithdrawalAddress(b, o, c, id, 0,
            caller.userId(), addressId)));
        return Map.of("id", addressId, "removed", true);
    }

    /** Native: {@code asset}, {@code addressId}, {@code amount} in the asset's minor units. */
    private void withdraw(final Context ctx) {
        final Map<String, Object> requested = withdraw(guard.signed(ctx, WRITE_WEIGHT, Permission.WITHDRAW));
        ctx.status(201);
        Json.send(ctx, requested);
    }

    Map<String, Object> withdraw(final RequestGuard.Caller caller) {
        final AssetInfo asset = OrderLookup.asset(views, caller.params(), "asset");
        final long addressId = id(caller.params().required("addressId"));
        final long amount = NativeJson.amount(caller.params(), "amount");
        final long withdrawalId = request(caller.userId(), asset, addressId, amount);
        return views.read(s -> withdrawal(asset, s.funds(), withdrawalId));
    }

    private void cancel(final Context ctx) {
        Json.send(ctx, cancel(guard.signed(ctx, WRITE_WEIGHT, Permission.WITHDRAW), ctx.pathParam("id")));
    }

    Map<String, Object> cancel(final RequestGuard.Caller caller, final String idText) {
        final long withdrawalId = id(idText);
        refuseUnlessApplied(commands.execute((e, b, o, c, id) -> e.cancelWithdrawal(b, o, c, id, 0,
            caller.userId(), withdrawalId)));
        return Map.of("id", withdrawalId, "state", NativeJson.lower(WithdrawalState.CANCELLED));
    }

    /**
     * Binance's withdraw: {@code coin}, {@code address}, {@code amount} (decimal). The address must be on the
     * caller's allow-list for that coin; Binance's {@code network} and {@code addressTag} are accepted and ignored
     * (one network per asset here).
     */
    private void binanceWithdraw(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, WRITE_WEIGHT, Permission.WITHDRAW);
        final AssetInfo asset = OrderLookup.asset(views, caller.params(), "coin");
        final String address = addressText(caller.params().required("address"));
        final long amount = Decimals.toMinor("amount", caller.params().required("amount"), asset.scale());
        commands.catchUp();
        // Not allow-listed: address id 0, which the engine refuses as ADDRESS_NOT_ON_ALLOW_LIST, like any unknown id.
        final long addressId = views.read(s -> s.funds().addressesOf(caller.userId()).stream()
            .filter(a -> a.assetId() == asset.id() && a.address().equals(address))
            .mapToLong(FundsView.AddressInfo::addressId).findFirst().orElse(0));
        final long withdrawalId = request(caller.userId(), asset, addressId, amount);
        Json.send(ctx, Map.of("id", Long.toString(withdrawalId)));
    }

    /**
     * Binance's withdraw history from the read model: every withdrawal, under way or finished, newest first, with
     * Binance's status numbers ({@link WalletHistoryJson#withdrawStatus}), filtered by {@code coin}, {@code status}
     * and the time range, paged by {@code offset} and {@code limit}. A gateway without a read model serves the
     * withdrawals under way from its views, as before.
     */
    private void binanceHistory(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, LIST_WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final int assetId = coin(params);
        final int[] states = params.has("status")
            ? WalletHistoryJson.statesOf((int) choice(params, "status", WalletHistoryJson.WITHDRAW_STATUSES)) : null;
        final TimeRange range = WalletHistoryJson.range(params, guard.nowMs());
        final int offset = offset(params);
        final int limit = limit(params);
        if (!history.available()) {
            underWayFromViews(ctx, caller, params.optional("coin"));
            return;
        }
        final List<WalletHistory.WithdrawalView> rows = history.read(true, db -> new WalletHistory(db)
            .withdrawals(caller.userId(), assetId, states, range, offset, limit));
        final List<Map<String, Object>> body = new ArrayList<>(rows.size());
        for (final WalletHistory.WithdrawalView row : rows) {
            body.add(WalletHistoryJson.withdrawal(views.read(s -> s.market().asset(row.assetId())), row));
        }
        Json.send(ctx, body);
    }

    /** The withdrawals under way as this gateway's views hold them: its history when it has no read model. */
    private void underWayFromViews(final Context ctx, final RequestGuard.Caller caller, final String coin) {
        commands.catchUp();
        Json.send(ctx, views.read(s -> {
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final FundsView.WithdrawalInfo w : s.funds().withdrawalsOf(caller.userId())) {
                final AssetInfo asset = s.market().asset(w.assetId());
                if (coin != null && !coin.equals(asset.code())) {
                    continue;
                }
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", Long.toString(w.withdrawalId()));
                row.put("amount", Decimals.format(w.amount(), asset.scale()));
                row.put("transactionFee", "0");
                row.put("coin", asset.code());
                row.put("status", WalletHistoryJson.withdrawStatus(w.state()));
                row.put("address", addressOf(s.funds(), caller.userId(), w));
                row.put("txId", w.txRef() == null ? "" : w.txRef());
                row.put("applyTime", WalletHistoryJson.time(w.requestedMs()));
                row.put("network", asset.code());
                row.put("transferType", 0);
                list.add(row);
            }
            return list;
        }));
    }

    /** Binance's deposit address: {@code coin}; the same address every time for the same user and coin. */
    private void depositAddress(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, LIST_WEIGHT, Permission.READ);
        final AssetInfo asset = OrderLookup.asset(views, caller.params(), "coin");
        final String address = depositAddress(caller.userId(), asset);
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", address);
        body.put("coin", asset.code());
        body.put("tag", "");
        body.put("url", "");
        Json.send(ctx, body);
    }

    /**
     * Binance's deposit history: the deposits waiting for confirmations (status 0, from the wallet service when one
     * is connected) and the credited ones (status 1, from the read model), newest first by {@code insertTime},
     * filtered by {@code coin}, {@code status} and the time range, paged by {@code offset} and {@code limit} over
     * both at once ({@link DepositHistoryPage}). Statuses 6, 7 and 8 never occur. A gateway without a read model
     * pages the latest credited deposits its views keep instead.
     */
    private void depositHistory(final Context ctx) {
        final RequestGuard.Caller caller = guard.signed(ctx, LIST_WEIGHT, Permission.READ);
        final RequestParams params = caller.params();
        final int assetId = coin(params);
        final long status = params.has("status") ? choice(params, "status", WalletHistoryJson.DEPOSIT_STATUSES) : -1;
        final TimeRange range = WalletHistoryJson.range(params, guard.nowMs());
        final int offset = offset(params);
        final int limit = limit(params);
        final List<DepositHistoryPage.Row> pending = status < 0 || status == WalletHistoryJson.DEPOSIT_PENDING
            ? pendingRows(caller.userId(), assetId, range) : List.of();
        final boolean credited = status < 0 || status == WalletHistoryJson.DEPOSIT_CREDITED;
        final DepositHistoryPage.CreditedRows rows;
        if (!credited) {
            rows = (from, count) -> List.of();
        } else if (history.available()) {
            rows = (from, count) -> creditedRows(history.read(true, db -> new WalletHistory(db)
                .deposits(caller.userId(), assetId, range, from, count)));
        } else {
            final List<DepositHistoryPage.Row> fromViews = creditedFromViews(caller.userId(), assetId, range);
            rows = (from, count) -> fromViews.subList(Math.min(from, fromViews.size()),
                (int) Math.min((long) from + count, fromViews.size()));
        }
        Json.send(ctx, DepositHistoryPage.page(pending, rows, offset, limit));
    }

    private List<DepositHistoryPage.Row> creditedRows(final List<WalletHistory.DepositView> deposits) {
        return views.read(s -> {
            final List<DepositHistoryPage.Row> rows = new ArrayList<>(deposits.size());
            for (final WalletHistory.DepositView row : deposits) {
                rows.add(new DepositHistoryPage.Row(row.timestampMs(), WalletHistoryJson.deposit(
                    s.market().asset(row.assetId()), row.seq(), row.amount(), row.depositRef(), row.timestampMs())));
            }
            return rows;
        });
    }

    /** The latest credited deposits this gateway's views keep, newest first: its history without a read model. */
    private List<DepositHistoryPage.Row> creditedFromViews(final long userId, final int assetId,
        final TimeRange range) {
        commands.catchUp();
        return views.read(s -> {
            final List<DepositHistoryPage.Row> list = new ArrayList<>();
            for (final FundsView.DepositInfo d : s.funds().depositsOf(userId)) {
                if ((assetId == WalletHistory.ALL_ASSETS || d.assetId() == assetId) && within(range, d.creditedMs())) {
                    list.add(new DepositHistoryPage.Row(d.creditedMs(), WalletHistoryJson.deposit(
                        s.market().asset(d.assetId()), d.seq(), d.amount(), d.depositRef(), d.creditedMs())));
                }
            }
            return list;
        });
    }

    /**
     * The user's deposits waiting for confirmations that pass the filters, from the wallet service; none without
     * one. An asset the engine does not list is left out (the views cannot name it).
     *
     * @throws ApiError 503 -1001 when the wallet service cannot answer now
     */
    private List<DepositHistoryPage.Row> pendingRows(final long userId, final int assetId, final TimeRange range) {
        final PendingDeposits wallet = pendingDeposits.get();
        if (wallet == null) {
            return List.of();
        }
        final List<PendingDeposits.Deposit> deposits;
        try {
            deposits = wallet.pendingFor(userId);
        } catch (IllegalStateException e) {
            throw new ApiError(ErrorMapper.UNAVAILABLE, -1001, "Deposits waiting for confirmations cannot be read "
                + "now; try again later.");
        }
        return views.read(s -> {
            final List<DepositHistoryPage.Row> rows = new ArrayList<>();
            for (final PendingDeposits.Deposit deposit : deposits) {
                final AssetInfo asset = s.market().asset(deposit.assetId());
                if (asset != null && (assetId == WalletHistory.ALL_ASSETS || deposit.assetId() == assetId)
                    && within(range, deposit.firstSeenMs())) {
                    rows.add(new DepositHistoryPage.Row(deposit.firstSeenMs(),
                        WalletHistoryJson.pendingDeposit(asset, deposit)));
                }
            }
            return rows;
        });
    }

    private static boolean within(final TimeRange range, final long timeMs) {
        return timeMs >= range.fromMs() && timeMs < range.toMs();
    }

    /**
     * The user's deposit address for the asset from the wallet service.
     *
     * @throws ApiError 503 -1001 without a wallet service, for an asset it does not serve, or a chain that is down
     */
    String depositAddress(final long userId, final AssetInfo asset) {
        final DepositAddresses wallet = depositAddresses.get();
        final String address;
        try {
            address = wallet == null ? null : wallet.addressFor(userId, asset.id());
        } catch (IllegalStateException e) {
            throw new ApiError(ErrorMapper.UNAVAILABLE, -1001, "The " + asset.code()
                + " network cannot be reached now; try again later.");
        }
        if (address == null) {
            throw new ApiError(ErrorMapper.UNAVAILABLE, -1001, "Deposits of " + asset.code()
                + " are not available here.");
        }
        return address;
    }

    /** The {@code coin} parameter's asset id, or {@link WalletHistory#ALL_ASSETS}; an unknown coin is -1100. */
    private int coin(final RequestParams params) {
        return params.has("coin") ? OrderLookup.asset(views, params, "coin").id() : WalletHistory.ALL_ASSETS;
    }

    /** A whole-number parameter that must be one of {@code allowed}; -1100 otherwise. */
    private static long choice(final RequestParams params, final String name, final List<Integer> allowed) {
        final long value = params.longValue(name, -1);
        if (value < 0 || value > Integer.MAX_VALUE || !allowed.contains((int) value)) {
            throw ErrorMapper.illegalParameter(name);
        }
        return value;
    }

    private static int offset(final RequestParams params) {
        final long offset = params.longValue("offset", 0);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw ErrorMapper.illegalParameter("offset");
        }
        return (int) offset;
    }

    /** Binance's wallet histories default to and stop at 1,000 rows. */
    private static int limit(final RequestParams params) {
        final long limit = params.longValue("limit", HistoryResource.LIMIT_MAX);
        if (limit < 1 || limit > HistoryResource.LIMIT_MAX) {
            throw ErrorMapper.illegalParameter("limit");
        }
        return (int) limit;
    }

    private long request(final long userId, final AssetInfo asset, final long addressId, final long amount) {
        final CommandOutcome outcome = commands.execute((e, b, o, c, id) -> e.requestWithdrawal(b, o, c, id, 0,
            userId, asset.id(), amount, addressId));
        refuseUnlessApplied(outcome);
        return outcome.result().reference();
    }

    private static void refuseUnlessApplied(final CommandOutcome outcome) {
        final RejectReason reason = outcome.result().reason();
        if (reason != RejectReason.NONE) {
            throw ErrorMapper.withdrawalRejected(reason);
        }
    }

    private static Map<String, Object> address(final AssetInfo asset, final FundsView.AddressInfo address,
        final long nowMs) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", address.addressId());
        row.put("asset", asset.code());
        row.put("address", address.address());
        row.put("addedAt", address.addedMs());
        row.put("usableFrom", address.usableFromMs());
        row.put("usable", nowMs >= address.usableFromMs());
        return row;
    }

    private static Map<String, Object> withdrawal(final AssetInfo asset, final FundsView funds,
        final long withdrawalId) {
        final FundsView.WithdrawalInfo info = funds.withdrawal(withdrawalId);
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", withdrawalId);
        row.put("asset", asset.code());
        row.put("amount", info == null ? null : NativeJson.amount(info.amount()));
        row.put("state", info == null ? null : NativeJson.lower(info.state()));
        row.put("queuePosition", funds.queuePosition(withdrawalId));
        row.put("expectedBy", info == null ? null : funds.stateDeadlineMs(info));
        return row;
    }

    private static String addressOf(final FundsView funds, final long userId, final FundsView.WithdrawalInfo w) {
        return funds.addressesOf(userId).stream().filter(a -> a.addressId() == w.addressId())
            .map(FundsView.AddressInfo::address).findFirst().orElse("");
    }


    /** Printable ASCII, at most the engine's length: refused here rather than by the encoder. */
    private static String addressText(final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > ADDRESS_LENGTH_MAX) {
            throw ErrorMapper.illegalParameter("address");
        }
        for (final byte b : bytes) {
            if (b < 0x21 || b > 0x7e) {
                throw ErrorMapper.illegalParameter("address");
            }
        }
        return text;
    }

    private static long id(final String text) {
        try {
            final long id = Long.parseLong(text);
            if (id <= 0) {
                throw ErrorMapper.illegalParameter("id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ErrorMapper.illegalParameter("id");
        }
    }
}
