package org.candor.readmodel;

import org.candor.engine.Bucket;
import org.candor.engine.HoldReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.HoldState;
import org.candor.engine.HoldKind;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.PolicyKind;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;

/**
 * One engine event waiting for its command's result, and what it does to the projection. The timestamp is the
 * command's, known only when the result arrives. A new kind of event is one record here (and the
 * {@code EngineEvents} method in {@link Projector} that makes it).
 */
sealed interface ProjectedEvent {
    long seq();

    void apply(ProjectionState state, Batch batch, long timestampMs);

    record AssetCreated(long seq, int assetId, String code, int scale) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.assets.value(assetId).text(code).value(scale).value(seq).value(timestampMs).endRow();
        }
    }

    record MarketCreated(long seq, int marketId, String symbol, int baseAssetId, int quoteAssetId, long tickSize,
        long lotSize, long minQuantity, long maxQuantity, long minNotional, int makerFeeBps, int takerFeeBps)
        implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Market market = new Rows.Market();
            market.marketId = marketId;
            market.symbol = symbol;
            market.baseAssetId = baseAssetId;
            market.quoteAssetId = quoteAssetId;
            market.tickSize = tickSize;
            market.lotSize = lotSize;
            market.minQuantity = minQuantity;
            market.maxQuantity = maxQuantity;
            market.minNotional = minNotional;
            market.makerFeeBps = makerFeeBps;
            market.takerFeeBps = takerFeeBps;
            market.status = MarketStatus.TRADING.code();
            market.createdSeq = seq;
            market.updatedSeq = seq;
            state.markets.put(marketId, market);
            batch.markets.add(market);
        }
    }

    record MarketStatusChanged(long seq, int marketId, MarketStatus status) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Market market = state.market(marketId);
            market.status = status.code();
            market.updatedSeq = seq;
            batch.markets.add(market);
        }
    }

    record UserCreated(long seq, long userId) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.users.value(userId).value(seq).value(timestampMs).endRow();
        }
    }

    /** A movement: the journal row, and a statement line with the new balance on each side. */
    record LedgerEntry(long seq, int assetId, long fromUserId, Bucket fromBucket, long toUserId, Bucket toBucket,
        long amount, LedgerCause cause, long reference) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.ledgerEntries.value(seq).value(assetId).value(fromUserId).value(fromBucket.code()).value(toUserId)
                .value(toBucket.code()).value(amount).value(cause.code()).value(reference).value(timestampMs)
                .endRow();
            batch.post(state.account(fromUserId, assetId, fromBucket), seq, -amount, cause, reference, timestampMs);
            batch.post(state.account(toUserId, assetId, toBucket), seq, amount, cause, reference, timestampMs);
        }
    }

    record DepositCredited(long seq, long userId, int assetId, long amount, long depositRef)
        implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.deposits.value(seq).value(userId).value(assetId).value(amount).value(depositRef).value(timestampMs)
                .endRow();
        }
    }

    /** One row of a withdrawal's state history: the state it entered, who decided it, and what came with it. */
    private static void withdrawalStep(final Batch batch, final long seq, final Rows.Withdrawal withdrawal,
        final long operatorId, final String detail, final long timestampMs) {
        batch.withdrawalEvents.value(seq).value(withdrawal.withdrawalId).value(withdrawal.userId)
            .value(withdrawal.stateCode).value(timestampMs).text(withdrawal.stateName)
            .valueOrNull(operatorId != 0, operatorId).text(detail).endRow();
    }

    record WithdrawalRequested(long seq, long withdrawalId, long userId, int assetId, long amount, long addressId,
        WithdrawalState initialState) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = new Rows.Withdrawal();
            withdrawal.withdrawalId = withdrawalId;
            withdrawal.userId = userId;
            withdrawal.assetId = assetId;
            withdrawal.amount = amount;
            withdrawal.addressId = addressId;
            withdrawal.requestedSeq = seq;
            withdrawal.requestedMs = timestampMs;
            withdrawal.enter(initialState, seq, timestampMs);
            state.withdrawals.put(withdrawalId, withdrawal);
            batch.withdrawals.add(withdrawal);
            withdrawalStep(batch, seq, withdrawal, 0, "", timestampMs);
        }
    }

    /**
     * A withdrawal ended (or, from a newer engine, entered another state). A rejection's operator and words and a
     * failure's reason came in the events just before, in the same command.
     */
    record WithdrawalStateChanged(long seq, long withdrawalId, WithdrawalState newState) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = state.withdrawal(withdrawalId);
            withdrawal.enter(newState, seq, timestampMs);
            batch.withdrawals.add(withdrawal);
            if (newState == WithdrawalState.REJECTED) {
                withdrawalStep(batch, seq, withdrawal, withdrawal.rejectedBy, withdrawal.justification, timestampMs);
            } else if (newState == WithdrawalState.FAILED && withdrawal.failure >= 0) {
                final WithdrawalFailure reason = WithdrawalFailure.fromCode(withdrawal.failure);
                withdrawalStep(batch, seq, withdrawal, 0, reason == null ? "" : reason.name(), timestampMs);
            } else {
                withdrawalStep(batch, seq, withdrawal, 0, "", timestampMs);
            }
        }
    }

    record WithdrawalApproved(long seq, long withdrawalId, long operatorId) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = state.withdrawal(withdrawalId);
            withdrawal.approvedBy = operatorId;
            withdrawal.enter(WithdrawalState.APPROVED, seq, timestampMs);
            batch.withdrawals.add(withdrawal);
            withdrawalStep(batch, seq, withdrawal, operatorId, "", timestampMs);
        }
    }

    /** The decision only: the state change to REJECTED follows in the same command and writes the history row. */
    record WithdrawalRejected(long seq, long withdrawalId, long operatorId, String justification)
        implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = state.withdrawal(withdrawalId);
            withdrawal.rejectedBy = operatorId;
            withdrawal.justification = justification;
            batch.withdrawals.add(withdrawal);
        }
    }

    record WithdrawalBroadcast(long seq, long withdrawalId, String txRef, long fee) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = state.withdrawal(withdrawalId);
            withdrawal.txRef = txRef;
            withdrawal.fee = fee;
            withdrawal.enter(WithdrawalState.BROADCAST, seq, timestampMs);
            batch.withdrawals.add(withdrawal);
            withdrawalStep(batch, seq, withdrawal, 0, txRef, timestampMs);
        }
    }

    /** The reason only: the state change to FAILED follows in the same command and writes the history row. */
    record WithdrawalFailed(long seq, long withdrawalId, WithdrawalFailure reason) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = state.withdrawal(withdrawalId);
            withdrawal.failure = reason == null ? WithdrawalFailure.OTHER.code() : reason.code();
            batch.withdrawals.add(withdrawal);
        }
    }

    /** A missed service-level deadline changes no state; the row counts it and keeps the latest. */
    record WithdrawalSlaMissed(long seq, long withdrawalId, WithdrawalState missedState, long deadlineMs)
        implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Withdrawal withdrawal = state.withdrawal(withdrawalId);
            withdrawal.slaMisses++;
            withdrawal.lastSlaState = missedState == null ? Rows.Withdrawal.UNKNOWN_STATE : missedState.code();
            withdrawal.lastSlaDeadlineMs = deadlineMs;
            batch.withdrawals.add(withdrawal);
        }
    }

    record WithdrawalAddressAdded(long seq, long userId, int assetId, long addressId, String address,
        long usableFromMs) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.WithdrawalAddress row = new Rows.WithdrawalAddress();
            row.addressId = addressId;
            row.userId = userId;
            row.assetId = assetId;
            row.address = address;
            row.usableFromMs = usableFromMs;
            row.addedSeq = seq;
            row.addedMs = timestampMs;
            state.withdrawalAddresses.put(addressId, row);
            batch.withdrawalAddresses.add(row);
        }
    }

    record WithdrawalAddressRemoved(long seq, long userId, long addressId) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.WithdrawalAddress row = state.withdrawalAddress(addressId);
            row.removed = true;
            row.removedSeq = seq;
            row.removedMs = timestampMs;
            batch.withdrawalAddresses.add(row);
        }
    }

    /** {@code kind} may be null for a kind a newer engine added: stored as -1 rather than stopping. */
    record WithdrawalPolicySet(long seq, int assetId, PolicyKind kind, long value, long operatorId)
        implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.withdrawalPolicyChanges.value(seq).value(assetId).value(kind == null ? -1 : kind.code()).value(value)
                .value(operatorId).value(timestampMs).endRow();
        }
    }

    record WithdrawalsPaused(long seq, int assetId, WithdrawalPauseReason reason, String explanation,
        long operatorId) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.withdrawalPauses.value(seq).value(assetId).value(true)
                .value(reason == null ? WithdrawalPauseReason.OTHER.code() : reason.code()).text(explanation)
                .value(operatorId).value(timestampMs).endRow();
        }
    }

    record WithdrawalsResumed(long seq, int assetId, long operatorId) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.withdrawalPauses.value(seq).value(assetId).value(false).nullValue().text("").value(operatorId)
                .value(timestampMs).endRow();
        }
    }

    /** One step of a hold's life in {@code hold_events}; {@code kind} is the step's {@code KIND}. */
    private static void holdStep(final Batch batch, final long seq, final Rows.Hold hold, final int kind,
        final long operatorId, final long timestampMs, final boolean automatic, final long reviewDeadlineMs,
        final String justification) {
        batch.holdEvents.value(seq).value(hold.holdId).value(hold.userId).value(kind).value(operatorId)
            .value(timestampMs).value(automatic).value(reviewDeadlineMs).text(justification).endRow();
    }

    /** A hold's new state; in force while ACTIVE or ESCALATED, ended once RELEASED or REJECTED. */
    private static void setState(final Rows.Hold hold, final HoldState state) {
        hold.state = state.code();
        hold.active = state == HoldState.ACTIVE || state == HoldState.ESCALATED;
        hold.ended = state == HoldState.RELEASED || state == HoldState.REJECTED;
    }

    record HoldPlaced(long seq, long holdId, long userId, int assetId, long amount, HoldKind kind, HoldReason reason,
        String explanation, long operatorId, long reviewDeadlineMs, ReleaseCondition releaseCondition,
        long ticketRef, long massActionId, HoldState state) implements ProjectedEvent {
        /** Stored in {@code hold_events.kind}. */
        static final int KIND = 0;

        @Override
        public void apply(final ProjectionState projection, final Batch batch, final long timestampMs) {
            final Rows.Hold hold = new Rows.Hold();
            hold.holdId = holdId;
            hold.userId = userId;
            hold.assetId = assetId;
            hold.amount = amount;
            hold.kind = kind.code();
            hold.reason = reason.code();
            hold.explanation = explanation;
            hold.placedBy = operatorId;
            hold.placedSeq = seq;
            hold.placedMs = timestampMs;
            hold.reviewDeadlineMs = reviewDeadlineMs;
            hold.releaseCondition = releaseCondition.code();
            hold.ticketRef = ticketRef;
            hold.massActionId = massActionId;
            setState(hold, state);
            projection.holds.put(holdId, hold);
            batch.holds.add(hold);
            holdStep(batch, seq, hold, KIND, operatorId, timestampMs, false, reviewDeadlineMs, "");
        }
    }

    record HoldApproved(long seq, long holdId, long operatorId) implements ProjectedEvent {
        static final int KIND = 2;

        @Override
        public void apply(final ProjectionState projection, final Batch batch, final long timestampMs) {
            final Rows.Hold hold = projection.hold(holdId);
            hold.approvedBy = operatorId;
            setState(hold, HoldState.ACTIVE);
            batch.holds.add(hold);
            holdStep(batch, seq, hold, KIND, operatorId, timestampMs, false, 0, "");
        }
    }

    record HoldRejected(long seq, long holdId, long operatorId, boolean automatic, String justification)
        implements ProjectedEvent {
        static final int KIND = 3;

        @Override
        public void apply(final ProjectionState projection, final Batch batch, final long timestampMs) {
            final Rows.Hold hold = projection.hold(holdId);
            end(hold, HoldState.REJECTED, seq, operatorId, timestampMs);
            batch.holds.add(hold);
            holdStep(batch, seq, hold, KIND, operatorId, timestampMs, automatic, 0, justification);
        }
    }

    record HoldReleased(long seq, long holdId, long operatorId, boolean automatic) implements ProjectedEvent {
        /** Stored in {@code hold_events.kind}. */
        static final int KIND = 1;

        @Override
        public void apply(final ProjectionState projection, final Batch batch, final long timestampMs) {
            final Rows.Hold hold = projection.hold(holdId);
            end(hold, HoldState.RELEASED, seq, operatorId, timestampMs);
            batch.holds.add(hold);
            holdStep(batch, seq, hold, KIND, operatorId, timestampMs, automatic, 0, "");
        }
    }

    /** A released or rejected hold restricts nothing more; the projector forgets it after the commit. */
    private static void end(final Rows.Hold hold, final HoldState state, final long seq, final long operatorId,
        final long timestampMs) {
        setState(hold, state);
        hold.releasedBy = operatorId;
        hold.releasedSeq = seq;
        hold.releasedMs = timestampMs;
    }

    record HoldEscalated(long seq, long holdId, long userId, long reviewDeadlineMs) implements ProjectedEvent {
        static final int KIND = 4;

        @Override
        public void apply(final ProjectionState projection, final Batch batch, final long timestampMs) {
            final Rows.Hold hold = projection.hold(holdId);
            setState(hold, HoldState.ESCALATED);
            batch.holds.add(hold);
            holdStep(batch, seq, hold, KIND, 0, timestampMs, true, reviewDeadlineMs, "");
        }
    }

    record HoldRenewed(long seq, long holdId, long operatorId, long reviewDeadlineMs, int renewals,
        String justification) implements ProjectedEvent {
        static final int KIND = 5;

        @Override
        public void apply(final ProjectionState projection, final Batch batch, final long timestampMs) {
            final Rows.Hold hold = projection.hold(holdId);
            hold.reviewDeadlineMs = reviewDeadlineMs;
            hold.renewals = renewals;
            setState(hold, HoldState.ACTIVE);
            batch.holds.add(hold);
            holdStep(batch, seq, hold, KIND, operatorId, timestampMs, false, reviewDeadlineMs, justification);
        }
    }

    record OrderAccepted(long seq, long orderId, long userId, int marketId, Side side, OrderType type,
        TimeInForce timeInForce, long price, long quantity, long quoteBudget, long clientOrderId, StpMode stpMode)
        implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Order order = new Rows.Order();
            order.orderId = orderId;
            order.userId = userId;
            order.marketId = marketId;
            order.side = side.code();
            order.type = type.code();
            order.timeInForce = timeInForce.code();
            order.price = price;
            order.quantity = quantity;
            order.quoteBudget = quoteBudget;
            order.clientOrderId = clientOrderId;
            order.stpMode = stpMode.code();
            order.status = OrderStatus.ACCEPTED;
            order.remaining = quantity;
            order.acceptedSeq = seq;
            order.createdMs = timestampMs;
            order.touch(seq, timestampMs);
            state.orders.put(orderId, order);
            batch.orders.add(order);
            OrderChanges.event(batch, order, seq, OrderEventKind.ACCEPTED).value(price).nullValue()
                .value(quantity).value(quantity).nullValue().nullValue().value(timestampMs).endRow();
        }
    }

    /** Right after its acceptance, in the same command: the order's row is still staged in this batch. */
    record OrderLabelled(long seq, long orderId, String label) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Order order = state.order(orderId);
            order.clientOrderLabel = label;
            batch.orders.add(order);
        }
    }

    record Trade(long seq, long tradeId, int marketId, long price, long quantity, long quoteAmount,
        long makerOrderId, long takerOrderId, long makerUserId, long takerUserId, Side takerSide, long makerFee,
        long takerFee, long makerRemaining, long takerRemaining) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            batch.trades.value(tradeId).value(seq).value(marketId).value(price).value(quantity).value(quoteAmount)
                .value(makerOrderId).value(takerOrderId).value(makerUserId).value(takerUserId).value(takerSide.code())
                .value(makerFee).value(takerFee).value(timestampMs).endRow();
            final Rows.Market market = state.market(marketId);
            OrderChanges.fill(state, batch, this, market, true, timestampMs);
            OrderChanges.fill(state, batch, this, market, false, timestampMs);
            batch.kline(marketId, timestampMs, price, quantity, quoteAmount, tradeId);
        }
    }

    record OrderRested(long seq, long orderId, long price, long remaining) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Order order = state.order(orderId);
            order.status = OrderStatus.RESTING;
            order.price = price;
            order.remaining = remaining;
            OrderChanges.changed(batch, order, seq, OrderEventKind.RESTED, timestampMs).value(price).nullValue()
                .nullValue().value(remaining).nullValue().nullValue().value(timestampMs).endRow();
        }
    }

    record OrderReduced(long seq, long orderId, long remaining) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Order order = state.order(orderId);
            final long reducedBy = order.remaining - remaining;
            order.remaining = remaining;
            OrderChanges.changed(batch, order, seq, OrderEventKind.REDUCED, timestampMs).value(order.price)
                .nullValue().value(reducedBy).value(remaining).nullValue().nullValue().value(timestampMs).endRow();
        }
    }

    record OrderMoved(long seq, long orderId, long oldPrice, long newPrice) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Order order = state.order(orderId);
            order.price = newPrice;
            OrderChanges.changed(batch, order, seq, OrderEventKind.MOVED, timestampMs).value(newPrice)
                .value(oldPrice).nullValue().value(order.remaining).nullValue().nullValue().value(timestampMs)
                .endRow();
        }
    }

    record OrderDone(long seq, long orderId, OrderEndReason reason, long remaining) implements ProjectedEvent {
        @Override
        public void apply(final ProjectionState state, final Batch batch, final long timestampMs) {
            final Rows.Order order = state.order(orderId);
            order.status = OrderStatus.DONE;
            order.endReason = reason;
            order.remaining = remaining;
            OrderChanges.changed(batch, order, seq, OrderEventKind.DONE, timestampMs).value(order.price)
                .nullValue().nullValue().value(remaining).nullValue().value(reason.code()).value(timestampMs)
                .endRow();
        }
    }
}
