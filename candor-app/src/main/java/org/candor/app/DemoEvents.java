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

/** Narrates the engine's events for the demo, in words and decimals. Ledger entries are counted, not printed. */
final class DemoEvents implements EngineEvents {
    private final PrintStream out;
    private long ledgerEntries;

    DemoEvents(final PrintStream out) {
        this.out = out;
    }

    long ledgerEntries() {
        return ledgerEntries;
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        if (reason != RejectReason.NONE) {
            out.printf("  #%d command %d rejected: %s%n", seq, commandId, reason);
        }
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        out.printf("  #%d asset %s listed (id %d, %d decimals)%n", seq, code, assetId, scale);
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        out.printf("  #%d market %s listed (maker %d bps, taker %d bps)%n", seq, symbol, makerFeeBps, takerFeeBps);
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        out.printf("  #%d market %d is now %s%n", seq, marketId, status);
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        out.printf("  #%d user %s created%n", seq, DemoCommand.user(userId));
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        ledgerEntries++;
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        out.printf("  #%d deposit %s %s to %s%n", seq, Amounts.format(amount, scale(assetId)), code(assetId),
            DemoCommand.user(userId));
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        out.printf("  #%d %s asks to withdraw %s %s (withdrawal %d, now WITHDRAWING)%n", seq,
            DemoCommand.user(userId), Amounts.format(amount, scale(assetId)), code(assetId), withdrawalId);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        out.printf("  #%d withdrawal %d %s%n", seq, withdrawalId, state);
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId,
        final long amount, final HoldKind kind, final HoldReason reason, final String explanation,
        final long operatorId, final long reviewDeadlineMs, final ReleaseCondition releaseCondition,
        final long ticketRef, final long massActionId, final HoldState state) {
        out.printf("  #%d hold %d (%s, %s) on %s %s of %s, reason %s: %s; placed by operator %d%n", seq, holdId, kind,
            state, Amounts.format(amount, scale(assetId)), code(assetId), DemoCommand.user(userId), reason,
            explanation, operatorId);
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        out.printf("  #%d hold %d approved by operator %d%n", seq, holdId, operatorId);
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        out.printf("  #%d hold %d rejected by operator %d: %s%n", seq, holdId, operatorId, justification);
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        out.printf("  #%d hold %d released%s by operator %d%n", seq, holdId, automatic ? " automatically" : "",
            operatorId);
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        out.printf("  #%d hold %d of %s escalated: review overdue%n", seq, holdId, DemoCommand.user(userId));
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        out.printf("  #%d hold %d renewed (%d) by operator %d: %s%n", seq, holdId, renewals, operatorId,
            justification);
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        out.printf("  #%d holds of %s above %s need a second operator%n", seq, code(assetId),
            Amounts.format(thresholdAmount, scale(assetId)));
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        out.printf("  #%d blast radius: %d accounts, %d bps per %d ms%n", seq, accountsMax, shareBpsMax, windowMs);
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        out.printf("  #%d mass action %d proposed by operator %d: %s%n", seq, actionId, operatorId, justification);
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        out.printf("  #%d mass action %d approved by operator %d%n", seq, actionId, operatorId);
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        out.printf("  #%d withdrawalAddressAdded userId=%d assetId=%d addressId=%d address=%s usableFromMs=%d%n", seq,
            userId, assetId, addressId, address, usableFromMs);
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        out.printf("  #%d withdrawalAddressRemoved userId=%d addressId=%d%n", seq, userId, addressId);
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        out.printf("  #%d withdrawalApproved withdrawalId=%d operatorId=%d%n", seq, withdrawalId, operatorId);
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        out.printf("  #%d withdrawalRejected withdrawalId=%d operatorId=%d justification=%s%n", seq, withdrawalId,
            operatorId, justification);
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        out.printf("  #%d withdrawalBroadcast withdrawalId=%d txRef=%s fee=%d%n", seq, withdrawalId, txRef, fee);
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        out.printf("  #%d withdrawalFailed withdrawalId=%d reason=%s%n", seq, withdrawalId, reason);
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        out.printf("  #%d withdrawalSlaMissed withdrawalId=%d userId=%d state=%s deadlineMs=%d%n", seq, withdrawalId,
            userId, state, deadlineMs);
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        out.printf("  #%d withdrawalPolicySet assetId=%d kind=%s value=%d operatorId=%d%n", seq, assetId, kind, value,
            operatorId);
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        out.printf("  #%d withdrawalsPaused assetId=%d reason=%s explanation=%s operatorId=%d%n", seq, assetId,
            reason, explanation, operatorId);
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        out.printf("  #%d withdrawalsResumed assetId=%d operatorId=%d%n", seq, assetId, operatorId);
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        out.printf(
            "  #%d policyChangeProposed proposalId=%d kind=%s assetId=%d value=%d accountsMax=%d "
                + "shareBpsMax=%d operatorId=%d expiresAtMs=%d%n",
            seq, proposalId, kind, assetId, value, accountsMax, shareBpsMax, operatorId, expiresAtMs);
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        out.printf("  #%d policyChangeApproved proposalId=%d operatorId=%d%n", seq, proposalId, operatorId);
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        out.printf("  #%d policyChangeExpired proposalId=%d%n", seq, proposalId);
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        out.printf("  #%d massActionExpired actionId=%d used=%d%n", seq, actionId, used);
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        final String size = type == OrderType.MARKET && side == Side.BUY
            ? "for " + Amounts.format(quoteBudget, quoteScale(marketId)) + " quote"
            : Amounts.format(quantity, baseScale(marketId));
        final String at = type == OrderType.LIMIT ? " at " + Amounts.format(price, quoteScale(marketId)) : "";
        out.printf("  #%d %s %s %s %s %s%s (order %d)%n", seq, DemoCommand.user(userId), type, timeInForce, side,
            size, at, orderId);
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        out.printf("  #%d order %d is %s's \"%s\"%n", seq, orderId, DemoCommand.user(userId), label);
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        out.printf("  #%d trade %d: %s %s %s from %s at %s (maker fee %d, taker fee %d minor units)%n", seq, tradeId,
            DemoCommand.user(takerUserId), takerSide == Side.BUY ? "buys" : "sells",
            Amounts.format(quantity, baseScale(marketId)), DemoCommand.user(makerUserId),
            Amounts.format(price, quoteScale(marketId)), makerFee, takerFee);
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        out.printf("  #%d order %d rests on the book%n", seq, orderId);
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        out.printf("  #%d order %d reduced%n", seq, orderId);
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        out.printf("  #%d order %d moved%n", seq, orderId);
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        out.printf("  #%d order %d done: %s%n", seq, orderId, reason);
    }

    private static int scale(final int assetId) {
        return assetId == DemoCommand.USDT ? 6 : 8;
    }

    private static String code(final int assetId) {
        return assetId == DemoCommand.BTC ? "BTC" : assetId == DemoCommand.ETH ? "ETH" : "USDT";
    }

    private static int baseScale(final int marketId) {
        return 8;
    }

    private static int quoteScale(final int marketId) {
        return marketId == DemoCommand.ETH_BTC ? 8 : 6;
    }
}
