package org.candor.app;

import java.io.PrintStream;
import org.candor.engine.Bucket;
import org.candor.engine.EngineEvents;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.HoldState;
import org.candor.engine.LedgerCause;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderEndReason;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;

/**
 * Prints each engine event as one line of {@code key=value} fields, in the engine's own units (minor units, ids),
 * for people and for {@code grep}/{@code awk}: what an auditor reads when checking a journal.
 */
final class EventLines implements EngineEvents {
    private final PrintStream out;

    EventLines(final PrintStream out) {
        this.out = out;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        out.printf("seq=%d event=command_result client=%d command=%d time_ms=%d reason=%s reference=%d "
            + "first_seq=%d duplicate=%b%n", seq, clientId, commandId, timestampMs, reason, reference, firstSeq,
            duplicate);
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        out.printf("seq=%d event=asset_created asset=%d code=%s scale=%d%n", seq, assetId, code, scale);
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity, final long maxQuantity,
        final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        out.printf("seq=%d event=market_created market=%d symbol=%s base=%d quote=%d tick=%d lot=%d min_qty=%d "
            + "max_qty=%d min_notional=%d maker_fee_bps=%d taker_fee_bps=%d%n", seq, marketId, symbol, baseAssetId,
            quoteAssetId, tickSize, lotSize, minQuantity, maxQuantity, minNotional, makerFeeBps, takerFeeBps);
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        out.printf("seq=%d event=market_status market=%d status=%s%n", seq, marketId, status);
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        out.printf("seq=%d event=user_created user=%d%n", seq, userId);
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause, final long reference) {
        out.printf("seq=%d event=ledger asset=%d from=%d/%s to=%d/%s amount=%d cause=%s reference=%d%n", seq,
            assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause, reference);
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        out.printf("seq=%d event=deposit user=%d asset=%d amount=%d deposit_ref=%d%n", seq, userId, assetId, amount,
            depositRef);
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        out.printf("seq=%d event=withdrawal_requested withdrawal=%d user=%d asset=%d amount=%d address=%d state=%s%n",
            seq, withdrawalId, userId, assetId, amount, addressId, state);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        out.printf("seq=%d event=withdrawal_state withdrawal=%d state=%s%n", seq, withdrawalId, state);
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId, final long amount,
        final HoldKind kind, final HoldReason reason, final String explanation, final long operatorId,
        final long reviewDeadlineMs, final ReleaseCondition releaseCondition, final long ticketRef,
        final long massActionId, final HoldState state) {
        out.printf("seq=%d event=hold_placed hold=%d user=%d asset=%d amount=%d kind=%s reason=%s operator=%d "
            + "review_deadline_ms=%d release=%s ticket=%d mass_action=%d state=%s explanation=\"%s\"%n", seq, holdId,
            userId, assetId, amount, kind, reason, operatorId, reviewDeadlineMs, releaseCondition, ticketRef,
            massActionId, state, explanation);
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        out.printf("seq=%d event=hold_approved hold=%d operator=%d%n", seq, holdId, operatorId);
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        out.printf("seq=%d event=hold_rejected hold=%d operator=%d automatic=%b justification=\"%s\"%n", seq,
            holdId, operatorId, automatic, justification);
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        out.printf("seq=%d event=hold_released hold=%d operator=%d automatic=%b%n", seq, holdId, operatorId,
            automatic);
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        out.printf("seq=%d event=hold_escalated hold=%d user=%d review_deadline_ms=%d%n", seq, holdId, userId,
            reviewDeadlineMs);
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        out.printf("seq=%d event=hold_renewed hold=%d operator=%d review_deadline_ms=%d renewals=%d "
            + "justification=\"%s\"%n", seq, holdId, operatorId, reviewDeadlineMs, renewals, justification);
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        out.printf("seq=%d event=hold_approval_threshold asset=%d threshold=%d operator=%d%n", seq, assetId,
            thresholdAmount, operatorId);
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax, final long windowMs,
        final long operatorId) {
        out.printf("seq=%d event=blast_radius_policy accounts_max=%d share_bps_max=%d window_ms=%d operator=%d%n", seq,
            accountsMax, shareBpsMax, windowMs, operatorId);
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId, final int accountsMax,
        final String justification) {
        out.printf("seq=%d event=mass_action_proposed action=%d operator=%d accounts_max=%d justification=\"%s\"%n",
            seq, actionId, operatorId, accountsMax, justification);
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        out.printf("seq=%d event=mass_action_approved action=%d operator=%d%n", seq, actionId, operatorId);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        out.printf(
            "seq=%d event=withdrawal_address_added user_id=%d asset_id=%d address_id=%d address=%s usable_from_ms=%d%n",
            seq, userId, assetId, addressId, address, usableFromMs);
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        out.printf("seq=%d event=withdrawal_address_removed user_id=%d address_id=%d%n", seq, userId, addressId);
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        out.printf("seq=%d event=withdrawal_approved withdrawal_id=%d operator_id=%d%n", seq, withdrawalId,
            operatorId);
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        out.printf("seq=%d event=withdrawal_rejected withdrawal_id=%d operator_id=%d justification=%s%n", seq,
            withdrawalId, operatorId, justification);
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        out.printf("seq=%d event=withdrawal_broadcast withdrawal_id=%d tx_ref=%s fee=%d%n", seq, withdrawalId, txRef,
            fee);
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        out.printf("seq=%d event=withdrawal_failed withdrawal_id=%d reason=%s%n", seq, withdrawalId, reason);
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        out.printf("seq=%d event=withdrawal_sla_missed withdrawal_id=%d user_id=%d state=%s deadline_ms=%d%n", seq,
            withdrawalId, userId, state, deadlineMs);
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        out.printf("seq=%d event=withdrawal_policy_set asset_id=%d kind=%s value=%d operator_id=%d%n", seq, assetId,
            kind, value, operatorId);
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        out.printf("seq=%d event=withdrawals_paused asset_id=%d reason=%s explanation=%s operator_id=%d%n", seq,
            assetId, reason, explanation, operatorId);
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        out.printf("seq=%d event=withdrawals_resumed asset_id=%d operator_id=%d%n", seq, assetId, operatorId);
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        out.printf(
            "seq=%d event=policy_change_proposed proposal_id=%d kind=%s asset_id=%d value=%d accounts_max=%d "
                + "share_bps_max=%d operator_id=%d expires_at_ms=%d%n",
            seq, proposalId, kind, assetId, value, accountsMax, shareBpsMax, operatorId, expiresAtMs);
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        out.printf("seq=%d event=policy_change_approved proposal_id=%d operator_id=%d%n", seq, proposalId,
            operatorId);
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        out.printf("seq=%d event=policy_change_expired proposal_id=%d%n", seq, proposalId);
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        out.printf("seq=%d event=mass_action_expired action_id=%d used=%d%n", seq, actionId, used);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        out.printf("seq=%d event=order_accepted order=%d user=%d market=%d side=%s type=%s tif=%s price=%d qty=%d "
            + "quote_budget=%d client_order=%d stp=%s%n", seq, orderId, userId, marketId, side, type, timeInForce,
            price, quantity, quoteBudget, clientOrderId, stpMode);
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        out.printf("seq=%d event=order_labelled order=%d user=%d client_order=%d label=%s%n", seq, orderId, userId,
            clientOrderId, label);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        out.printf("seq=%d event=trade trade=%d market=%d price=%d qty=%d quote=%d maker_order=%d taker_order=%d "
            + "maker=%d taker=%d taker_side=%s maker_fee=%d taker_fee=%d maker_remaining=%d taker_remaining=%d%n",
            seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId, makerUserId,
            takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining);
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        out.printf("seq=%d event=order_rested order=%d price=%d remaining=%d%n", seq, orderId, price, remaining);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        out.printf("seq=%d event=order_reduced order=%d remaining=%d%n", seq, orderId, remaining);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        out.printf("seq=%d event=order_moved order=%d old_price=%d new_price=%d%n", seq, orderId, oldPrice, newPrice);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        out.printf("seq=%d event=order_done order=%d reason=%s remaining=%d%n", seq, orderId, reason, remaining);
    }
}
