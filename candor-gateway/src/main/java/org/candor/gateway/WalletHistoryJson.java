package org.candor.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.engine.WithdrawalState;
import org.candor.readmodel.TimeRange;
import org.candor.readmodel.WalletHistory;

/**
 * Binance's wallet history shapes: withdraw status numbers, rows, and the time range rules of
 * {@code /sapi/v1/capital/withdraw/history} and {@code /deposit/hisrec} (90 days at most; the last 90 days when no
 * time is given).
 */
final class WalletHistoryJson {
    /** Binance: 0 email sent, 1 cancelled, 2 awaiting approval, 3 rejected, 4 processing, 5 failure, 6 completed. */
    static final List<Integer> WITHDRAW_STATUSES = List.of(0, 1, 2, 3, 4, 5, 6);
    static final int PROCESSING = 4;
    /** Binance: 0 pending, 6 credited but cannot withdraw, 7 wrong deposit, 8 waiting user confirm, 1 success. */
    static final List<Integer> DEPOSIT_STATUSES = List.of(0, 1, 6, 7, 8);
    static final int DEPOSIT_PENDING = 0;
    static final int DEPOSIT_CREDITED = 1;
    static final long RANGE_MAX_MS = 90L * 86_400_000L;
    private static final DateTimeFormatter BINANCE_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private WalletHistoryJson() {
    }

    /**
     * Binance's number for a withdrawal state. Every state not named here (REQUESTED, APPROVED, BROADCAST, any a
     * newer engine adds, or one the read model could not name) is still under way: 4, processing.
     */
    static int withdrawStatus(final WithdrawalState state) {
        if (state == null) {
            return PROCESSING;
        }
        return switch (state) {
            case CANCELLED -> 1;
            case AWAITING_APPROVAL -> 2;
            case REJECTED -> 3;
            case FAILED -> 5;
            case CONFIRMED -> 6;
            default -> PROCESSING;
        };
    }

    /** The stored state codes Binance's {@code status} covers; processing includes the unnamed state (-1). */
    static int[] statesOf(final int status) {
        final List<Integer> codes = new ArrayList<>();
        for (final WithdrawalState state : WithdrawalState.values()) {
            if (withdrawStatus(state) == status) {
                codes.add(state.code());
            }
        }
        if (status == PROCESSING) {
            codes.add(-1);
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Binance's range: startTime and endTime inclusive, at most 90 days apart (-1127); one of them alone extends 90
     * days from it; neither is the last 90 days.
     */
    static TimeRange range(final RequestParams params, final long nowMs) {
        final boolean hasStart = params.has("startTime");
        final boolean hasEnd = params.has("endTime");
        long start = hasStart ? HistoryResource.nonNegative(params, "startTime", 0) : 0;
        long end = hasEnd ? HistoryResource.nonNegative(params, "endTime", 0) : 0;
        if (!hasStart && !hasEnd) {
            end = nowMs;
            start = Math.max(0, nowMs - RANGE_MAX_MS);
        } else if (!hasEnd) {
            end = start > Long.MAX_VALUE - 1 - RANGE_MAX_MS ? Long.MAX_VALUE - 1 : start + RANGE_MAX_MS;
        } else if (!hasStart) {
            start = Math.max(0, end - RANGE_MAX_MS);
        }
        if (start > end) {
            throw ErrorMapper.illegalParameter("startTime");
        }
        if (end - start > RANGE_MAX_MS) {
            throw new ApiError(ErrorMapper.BAD_REQUEST, -1127, "More than 90 days between startTime and endTime.");
        }
        return new TimeRange(start, end + 1);
    }

    static String time(final long epochMs) {
        return BINANCE_TIME.format(Instant.ofEpochMilli(epochMs));
    }

    static Map<String, Object> withdrawal(final AssetInfo asset, final WalletHistory.WithdrawalView w) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", Long.toString(w.withdrawalId()));
        row.put("amount", Decimals.format(w.amount(), asset.scale()));
        row.put("transactionFee", Decimals.format(w.fee(), asset.scale()));
        row.put("coin", asset.code());
        row.put("status", withdrawStatus(w.state()));
        row.put("address", w.address());
        row.put("txId", w.txRef());
        row.put("applyTime", time(w.requestedMs()));
        row.put("network", asset.code());
        row.put("transferType", 0);
        row.put("info", w.failure() != null ? w.failure().name() : w.justification());
        row.put("walletType", 0);
        if (w.state() != null && w.state().isFinal()) {
            row.put("completeTime", time(w.updatedMs()));
        }
        return row;
    }

    static Map<String, Object> deposit(final AssetInfo asset, final long seq, final long amount,
        final long depositRef, final long creditedMs) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", Long.toString(seq));
        row.put("amount", Decimals.format(amount, asset.scale()));
        row.put("coin", asset.code());
        row.put("network", asset.code());
        row.put("status", DEPOSIT_CREDITED);
        row.put("address", "");
        row.put("addressTag", "");
        row.put("txId", Long.toString(depositRef));
        row.put("insertTime", creditedMs);
        row.put("completeTime", creditedMs);
        row.put("transferType", 0);
        row.put("confirmTimes", "");
        row.put("walletType", 0);
        return row;
    }

    /**
     * A deposit waiting for confirmations, as Binance shows one: status 0, {@code confirmTimes} "seen/required",
     * the chain's transaction as {@code txId}, no {@code completeTime}. Its {@code id} is the transaction and
     * output ("txId:n"): it has no event sequence yet, and once credited it is the engine's row instead.
     */
    static Map<String, Object> pendingDeposit(final AssetInfo asset, final PendingDeposits.Deposit deposit) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", deposit.txId() + ":" + deposit.outputIndex());
        row.put("amount", Decimals.format(deposit.amount(), asset.scale()));
        row.put("coin", asset.code());
        row.put("network", asset.code());
        row.put("status", DEPOSIT_PENDING);
        row.put("address", deposit.address());
        row.put("addressTag", "");
        row.put("txId", deposit.txId());
        row.put("insertTime", deposit.firstSeenMs());
        row.put("transferType", 0);
        row.put("confirmTimes", deposit.confirmations() + "/" + deposit.confirmationsRequired());
        row.put("walletType", 0);
        return row;
    }
}
