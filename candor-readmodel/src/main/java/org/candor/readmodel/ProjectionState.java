package org.candor.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.candor.engine.Bucket;
import org.candor.engine.HoldState;
import org.candor.engine.OrderEndReason;
import org.candor.engine.WithdrawalState;

/**
 * What the projector must remember between events to write its rows: every account's balance (for running
 * statement balances), the open orders, pending withdrawals, active holds and markets (whose later events carry
 * only an id), and the last committed sequence. It is loaded from the tables when a projector starts, so a new
 * projector continues exactly where the last commit left off.
 */
final class ProjectionState {
    final Map<Rows.AccountKey, Rows.Balance> balances = new HashMap<>();
    final Map<Long, Rows.Order> orders = new HashMap<>();
    final Map<Long, Rows.Withdrawal> withdrawals = new HashMap<>();
    final Map<Long, Rows.Hold> holds = new HashMap<>();
    final Map<Integer, Rows.Market> markets = new HashMap<>();
    final Map<Long, Rows.WithdrawalAddress> withdrawalAddresses = new HashMap<>();
    long committedSeq;
    long committedTimestampMs;

    Rows.Balance account(final long userId, final int assetId, final Bucket bucket) {
        return balances.computeIfAbsent(new Rows.AccountKey(userId, assetId, bucket), k -> new Rows.Balance(k, 0, 0));
    }

    Rows.Order order(final long orderId) {
        return known(orders.get(orderId), "order", orderId);
    }

    Rows.Withdrawal withdrawal(final long withdrawalId) {
        return known(withdrawals.get(withdrawalId), "withdrawal", withdrawalId);
    }

    Rows.WithdrawalAddress withdrawalAddress(final long addressId) {
        return known(withdrawalAddresses.get(addressId), "withdrawal address", addressId);
    }

    Rows.Hold hold(final long holdId) {
        return known(holds.get(holdId), "hold", holdId);
    }

    Rows.Market market(final int marketId) {
        return known(markets.get(marketId), "market", marketId);
    }

    /** After a commit: finished orders, withdrawals and holds will get no more events; forget them. */
    void forgetFinished() {
        orders.values().removeIf(order -> order.status == OrderStatus.DONE);
        withdrawals.values().removeIf(Rows.Withdrawal::ended);
        withdrawalAddresses.values().removeIf(address -> address.removed);
        holds.values().removeIf(hold -> hold.ended);
    }

    private static <T> T known(final T row, final String kind, final long id) {
        if (row == null) {
            throw new IllegalStateException("event for an unknown " + kind + ": id=" + id
                + " (the projection is not the one this event stream was projected into)");
        }
        return row;
    }

    /** Reads the state of the last commit. */
    static ProjectionState load(final Connection connection) throws SQLException {
        final ProjectionState state = new ProjectionState();
        final CommittedPosition position = CommittedPosition.read(connection);
        state.committedSeq = position.seq();
        state.committedTimestampMs = position.timestampMs();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT user_id, asset_id, bucket, balance, last_seq "
                + "FROM balances")) {
                while (rs.next()) {
                    final Rows.AccountKey key = new Rows.AccountKey(rs.getLong(1), rs.getInt(2),
                        Bucket.fromCode(rs.getInt(3)));
                    final Rows.Balance balance = new Rows.Balance(key, rs.getLong(4), rs.getLong(5));
                    balance.markStored();
                    state.balances.put(key, balance);
                }
            }
            loadOrders(statement, state);
            loadFunds(statement, state);
            loadMarkets(statement, state);
        }
        return state;
    }

    private static void loadOrders(final Statement statement, final ProjectionState state) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT " + String.join(",", Tables.ORDERS.columns())
            + " FROM orders WHERE status <> " + OrderStatus.DONE.code())) {
            while (rs.next()) {
                final Rows.Order order = new Rows.Order();
                order.orderId = rs.getLong("order_id");
                order.userId = rs.getLong("user_id");
                order.marketId = rs.getInt("market_id");
                order.side = rs.getInt("side");
                order.type = rs.getInt("type");
                order.timeInForce = rs.getInt("time_in_force");
                order.price = rs.getLong("price");
                order.quantity = rs.getLong("quantity");
                order.quoteBudget = rs.getLong("quote_budget");
                order.clientOrderId = rs.getLong("client_order_id");
                order.clientOrderLabel = rs.getString("client_order_label");
                order.stpMode = rs.getInt("stp_mode");
                order.status = OrderStatus.fromCode(rs.getInt("status"));
                order.remaining = rs.getLong("remaining");
                order.filledQuantity = rs.getLong("filled_quantity");
                order.filledQuote = rs.getLong("filled_quote");
                order.fees = rs.getLong("fees");
                final int endReason = rs.getInt("end_reason");
                order.endReason = rs.wasNull() ? null : OrderEndReason.fromCode(endReason);
                order.acceptedSeq = rs.getLong("accepted_seq");
                order.createdMs = rs.getLong("created_ms");
                order.updatedSeq = rs.getLong("updated_seq");
                order.updatedMs = rs.getLong("updated_ms");
                order.markStored();
                state.orders.put(order.orderId, order);
            }
        }
    }

    private static void loadFunds(final Statement statement, final ProjectionState state) throws SQLException {
        loadWithdrawals(statement, state);
        // Holds not yet ended (pending, in force, escalated): their later events need what they were placed with.
        try (ResultSet rs = statement.executeQuery("SELECT hold_id, user_id, asset_id, amount, reason, placed_by, "
            + "placed_seq, placed_ms, kind, explanation, review_deadline_ms, release_condition, ticket_ref, "
            + "mass_action_id, state, COALESCE(approved_by, 0), renewals FROM holds WHERE state IN ("
            + HoldState.PENDING_APPROVAL.code() + "," + HoldState.ACTIVE.code() + "," + HoldState.ESCALATED.code()
            + ")")) {
            while (rs.next()) {
                final Rows.Hold hold = new Rows.Hold();
                hold.holdId = rs.getLong(1);
                hold.userId = rs.getLong(2);
                hold.assetId = rs.getInt(3);
                hold.amount = rs.getLong(4);
                hold.reason = rs.getInt(5);
                hold.placedBy = rs.getLong(6);
                hold.placedSeq = rs.getLong(7);
                hold.placedMs = rs.getLong(8);
                hold.kind = rs.getInt(9);
                hold.explanation = rs.getString(10);
                hold.reviewDeadlineMs = rs.getLong(11);
                hold.releaseCondition = rs.getInt(12);
                hold.ticketRef = rs.getLong(13);
                hold.massActionId = rs.getLong(14);
                hold.state = rs.getInt(15);
                hold.approvedBy = rs.getLong(16);
                hold.renewals = rs.getInt(17);
                hold.active = hold.state != HoldState.PENDING_APPROVAL.code();
                hold.markStored();
                state.holds.put(hold.holdId, hold);
            }
        }
    }

    /** Withdrawals not ended (any state not final, including one this reader cannot name) and live addresses. */
    private static void loadWithdrawals(final Statement statement, final ProjectionState state) throws SQLException {
        final StringBuilder finals = new StringBuilder();
        for (final WithdrawalState value : WithdrawalState.values()) {
            if (value.isFinal()) {
                finals.append(finals.length() == 0 ? "" : ",").append(value.code());
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT " + String.join(",", Tables.WITHDRAWALS.columns())
            + " FROM withdrawals WHERE state NOT IN (" + finals + ")")) {
            while (rs.next()) {
                final Rows.Withdrawal withdrawal = new Rows.Withdrawal();
                withdrawal.withdrawalId = rs.getLong("withdrawal_id");
                withdrawal.userId = rs.getLong("user_id");
                withdrawal.assetId = rs.getInt("asset_id");
                withdrawal.amount = rs.getLong("amount");
                withdrawal.stateCode = rs.getInt("state");
                withdrawal.state = WithdrawalState.fromCode(withdrawal.stateCode);
                withdrawal.stateName = rs.getString("state_name");
                withdrawal.requestedSeq = rs.getLong("requested_seq");
                withdrawal.requestedMs = rs.getLong("requested_ms");
                withdrawal.updatedSeq = rs.getLong("updated_seq");
                withdrawal.updatedMs = rs.getLong("updated_ms");
                withdrawal.addressId = rs.getLong("address_id");
                withdrawal.approvedBy = rs.getLong("approved_by");
                withdrawal.rejectedBy = rs.getLong("rejected_by");
                withdrawal.justification = rs.getString("justification");
                withdrawal.txRef = rs.getString("tx_ref");
                withdrawal.fee = rs.getLong("fee");
                withdrawal.failure = Paging.codeOrNone(rs, "failure");
                withdrawal.slaMisses = rs.getInt("sla_misses");
                withdrawal.lastSlaState = Paging.codeOrNone(rs, "last_sla_state");
                withdrawal.lastSlaDeadlineMs = rs.getLong("last_sla_deadline_ms");
                withdrawal.markStored();
                state.withdrawals.put(withdrawal.withdrawalId, withdrawal);
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT " + String.join(",", Tables.WITHDRAWAL_ADDRESSES.columns())
            + " FROM withdrawal_addresses WHERE removed_seq IS NULL")) {
            while (rs.next()) {
                final Rows.WithdrawalAddress address = new Rows.WithdrawalAddress();
                address.addressId = rs.getLong("address_id");
                address.userId = rs.getLong("user_id");
                address.assetId = rs.getInt("asset_id");
                address.address = rs.getString("address");
                address.usableFromMs = rs.getLong("usable_from_ms");
                address.addedSeq = rs.getLong("added_seq");
                address.addedMs = rs.getLong("added_ms");
                address.markStored();
                state.withdrawalAddresses.put(address.addressId, address);
            }
        }
    }

    private static void loadMarkets(final Statement statement, final ProjectionState state) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT " + String.join(",", Tables.MARKETS.columns())
            + " FROM markets")) {
            while (rs.next()) {
                final Rows.Market market = new Rows.Market();
                market.marketId = rs.getInt("market_id");
                market.symbol = rs.getString("symbol");
                market.baseAssetId = rs.getInt("base_asset_id");
                market.quoteAssetId = rs.getInt("quote_asset_id");
                market.tickSize = rs.getLong("tick_size");
                market.lotSize = rs.getLong("lot_size");
                market.minQuantity = rs.getLong("min_quantity");
                market.maxQuantity = rs.getLong("max_quantity");
                market.minNotional = rs.getLong("min_notional");
                market.makerFeeBps = rs.getInt("maker_fee_bps");
                market.takerFeeBps = rs.getInt("taker_fee_bps");
                market.status = rs.getInt("status");
                market.createdSeq = rs.getLong("created_seq");
                market.updatedSeq = rs.getLong("updated_seq");
                market.markStored();
                state.markets.put(market.marketId, market);
            }
        }
    }
}
