package org.candor.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * An {@link EngineEvents} sink that keeps every event as an immutable record, so two engines' streams can be compared
 * with {@code equals} and a test can ask what happened (the trades, the results) without writing a listener.
 */
public final class RecordingEvents implements EngineEvents {
    private final List<Event> events = new ArrayList<>();

    /** Every event recorded so far, oldest first; a read-only view. */
    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /** How many events have been recorded. */
    public int size() {
        return events.size();
    }

    /** A copy of the events recorded from index {@code from} on, to compare what two engines said after a point. */
    public List<Event> since(final int from) {
        return List.copyOf(events.subList(from, events.size()));
    }

    public List<Trade> trades() {
        return ofKind(Trade.class);
    }

    public List<CommandResult> results() {
        return ofKind(CommandResult.class);
    }

    public List<LedgerEntry> ledgerEntries() {
        return ofKind(LedgerEntry.class);
    }

    /** The result of the last command, or null before the first. */
    public CommandResult lastResult() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof CommandResult result) {
                return result;
            }
        }
        return null;
    }

    /** All recorded events of one kind, oldest first. */
    public <T extends Event> List<T> ofKind(final Class<T> kind) {
        final List<T> found = new ArrayList<>();
        for (final Event event : events) {
            if (kind.isInstance(event)) {
                found.add(kind.cast(event));
            }
        }
        return found;
    }

    /** Forgets everything recorded, to keep memory flat in long runs. */
    public void clear() {
        events.clear();
    }

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        events.add(new CommandResult(seq, clientId, commandId, timestampMs, reason, reference, firstSeq, duplicate));
    }

    @Override
    public void assetCreated(final long seq, final int assetId, final String code, final int scale) {
        events.add(new AssetCreated(seq, assetId, code, scale));
    }

    @Override
    public void marketCreated(final long seq, final int marketId, final String symbol, final int baseAssetId,
        final int quoteAssetId, final long tickSize, final long lotSize, final long minQuantity,
        final long maxQuantity, final long minNotional, final int makerFeeBps, final int takerFeeBps) {
        events.add(new MarketCreated(seq, marketId, symbol, baseAssetId, quoteAssetId, tickSize, lotSize, minQuantity,
            maxQuantity, minNotional, makerFeeBps, takerFeeBps));
    }

    @Override
    public void marketStatusChanged(final long seq, final int marketId, final MarketStatus status) {
        events.add(new MarketStatusChanged(seq, marketId, status));
    }

    @Override
    public void userCreated(final long seq, final long userId) {
        events.add(new UserCreated(seq, userId));
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        events.add(new LedgerEntry(seq, assetId, fromUserId, fromBucket, toUserId, toBucket, amount, cause,
            reference));
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        events.add(new DepositCredited(seq, userId, assetId, amount, depositRef));
    }

    @Override
    public void withdrawalRequested(final long seq, final long withdrawalId, final long userId, final int assetId,
        final long amount, final long addressId, final WithdrawalState state) {
        events.add(new WithdrawalRequested(seq, withdrawalId, userId, assetId, amount, addressId, state));
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        events.add(new WithdrawalStateChanged(seq, withdrawalId, state));
    }

    @Override
    public void holdPlaced(final long seq, final long holdId, final long userId, final int assetId, final long amount,
        final HoldKind kind, final HoldReason reason, final String explanation, final long operatorId,
        final long reviewDeadlineMs, final ReleaseCondition releaseCondition, final long ticketRef,
        final long massActionId, final HoldState state) {
        events.add(new HoldPlaced(seq, holdId, userId, assetId, amount, kind, reason, explanation, operatorId,
            reviewDeadlineMs, releaseCondition, ticketRef, massActionId, state));
    }

    @Override
    public void holdApproved(final long seq, final long holdId, final long operatorId) {
        events.add(new HoldApproved(seq, holdId, operatorId));
    }

    @Override
    public void holdRejected(final long seq, final long holdId, final long operatorId, final boolean automatic,
        final String justification) {
        events.add(new HoldRejected(seq, holdId, operatorId, automatic, justification));
    }

    @Override
    public void holdReleased(final long seq, final long holdId, final long operatorId, final boolean automatic) {
        events.add(new HoldReleased(seq, holdId, operatorId, automatic));
    }

    @Override
    public void holdEscalated(final long seq, final long holdId, final long userId, final long reviewDeadlineMs) {
        events.add(new HoldEscalated(seq, holdId, userId, reviewDeadlineMs));
    }

    @Override
    public void holdRenewed(final long seq, final long holdId, final long operatorId, final long reviewDeadlineMs,
        final int renewals, final String justification) {
        events.add(new HoldRenewed(seq, holdId, operatorId, reviewDeadlineMs, renewals, justification));
    }

    @Override
    public void holdApprovalThresholdSet(final long seq, final int assetId, final long thresholdAmount,
        final long operatorId) {
        events.add(new HoldApprovalThresholdSet(seq, assetId, thresholdAmount, operatorId));
    }

    @Override
    public void blastRadiusPolicySet(final long seq, final int accountsMax, final int shareBpsMax,
        final long windowMs, final long operatorId) {
        events.add(new BlastRadiusPolicySet(seq, accountsMax, shareBpsMax, windowMs, operatorId));
    }

    @Override
    public void massActionProposed(final long seq, final long actionId, final long operatorId,
        final int accountsMax, final String justification) {
        events.add(new MassActionProposed(seq, actionId, operatorId, accountsMax, justification));
    }

    @Override
    public void massActionApproved(final long seq, final long actionId, final long operatorId) {
        events.add(new MassActionApproved(seq, actionId, operatorId));
    }

    @Override
    public void orderAccepted(final long seq, final long orderId, final long userId, final int marketId,
        final Side side, final OrderType type, final TimeInForce timeInForce, final long price, final long quantity,
        final long quoteBudget, final long clientOrderId, final StpMode stpMode) {
        events.add(new OrderAccepted(seq, orderId, userId, marketId, side, type, timeInForce, price, quantity,
            quoteBudget, clientOrderId, stpMode));
    }

    @Override
    public void orderLabelled(final long seq, final long orderId, final long userId, final long clientOrderId,
        final CharSequence label) {
        events.add(new OrderLabelled(seq, orderId, userId, clientOrderId, label.toString()));
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        events.add(new Trade(seq, tradeId, marketId, price, quantity, quoteAmount, makerOrderId, takerOrderId,
            makerUserId, takerUserId, takerSide, makerFee, takerFee, makerRemaining, takerRemaining));
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        events.add(new OrderRested(seq, orderId, price, remaining));
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        events.add(new OrderReduced(seq, orderId, remaining));
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        events.add(new OrderMoved(seq, orderId, oldPrice, newPrice));
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        events.add(new OrderDone(seq, orderId, reason, remaining));
    }

    /** One recorded event; every kind carries the engine's sequence number. */
    public sealed interface Event permits CommandResult, AssetCreated, MarketCreated, MarketStatusChanged,
        UserCreated, LedgerEntry, DepositCredited, WithdrawalRequested, WithdrawalStateChanged, HoldPlaced,
        HoldApproved, HoldRejected, HoldReleased, HoldEscalated, HoldRenewed, HoldApprovalThresholdSet,
        BlastRadiusPolicySet, MassActionProposed, MassActionApproved, OrderAccepted, OrderLabelled, Trade, OrderRested,
        OrderReduced, OrderMoved, OrderDone, WithdrawalAddressAdded, WithdrawalAddressRemoved, WithdrawalApproved,
        WithdrawalRejected, WithdrawalBroadcast,
        WithdrawalFailed, WithdrawalSlaMissed, WithdrawalPolicySet, WithdrawalsPaused, WithdrawalsResumed,
        PolicyChangeProposed, PolicyChangeApproved, PolicyChangeExpired, MassActionExpired {
        long seq();
    }

    @Override
    public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
        final String address, final long usableFromMs) {
        events.add(new WithdrawalAddressAdded(seq, userId, assetId, addressId, address, usableFromMs));
    }

    @Override
    public void withdrawalAddressRemoved(final long seq, final long userId, final long addressId) {
        events.add(new WithdrawalAddressRemoved(seq, userId, addressId));
    }

    @Override
    public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
        events.add(new WithdrawalApproved(seq, withdrawalId, operatorId));
    }

    @Override
    public void withdrawalRejected(final long seq, final long withdrawalId, final long operatorId,
        final String justification) {
        events.add(new WithdrawalRejected(seq, withdrawalId, operatorId, justification));
    }

    @Override
    public void withdrawalBroadcast(final long seq, final long withdrawalId, final String txRef, final long fee) {
        events.add(new WithdrawalBroadcast(seq, withdrawalId, txRef, fee));
    }

    @Override
    public void withdrawalFailed(final long seq, final long withdrawalId, final WithdrawalFailure reason) {
        events.add(new WithdrawalFailed(seq, withdrawalId, reason));
    }

    @Override
    public void withdrawalSlaMissed(final long seq, final long withdrawalId, final long userId,
        final WithdrawalState state, final long deadlineMs) {
        events.add(new WithdrawalSlaMissed(seq, withdrawalId, userId, state, deadlineMs));
    }

    @Override
    public void withdrawalPolicySet(final long seq, final int assetId, final PolicyKind kind, final long value,
        final long operatorId) {
        events.add(new WithdrawalPolicySet(seq, assetId, kind, value, operatorId));
    }

    @Override
    public void withdrawalsPaused(final long seq, final int assetId, final WithdrawalPauseReason reason,
        final String explanation, final long operatorId) {
        events.add(new WithdrawalsPaused(seq, assetId, reason, explanation, operatorId));
    }

    @Override
    public void withdrawalsResumed(final long seq, final int assetId, final long operatorId) {
        events.add(new WithdrawalsResumed(seq, assetId, operatorId));
    }

    @Override
    public void policyChangeProposed(final long seq, final long proposalId, final PolicyKind kind, final int assetId,
        final long value, final int accountsMax, final int shareBpsMax, final long operatorId,
        final long expiresAtMs) {
        events.add(new PolicyChangeProposed(seq, proposalId, kind, assetId, value, accountsMax, shareBpsMax,
            operatorId, expiresAtMs));
    }

    @Override
    public void policyChangeApproved(final long seq, final long proposalId, final long operatorId) {
        events.add(new PolicyChangeApproved(seq, proposalId, operatorId));
    }

    @Override
    public void policyChangeExpired(final long seq, final long proposalId) {
        events.add(new PolicyChangeExpired(seq, proposalId));
    }

    @Override
    public void massActionExpired(final long seq, final long actionId, final int used) {
        events.add(new MassActionExpired(seq, actionId, used));
    }

    /** See {@link EngineEvents#commandResult}. */
    public record CommandResult(long seq, long clientId, long commandId, long timestampMs, RejectReason reason,
        long reference, long firstSeq, boolean duplicate) implements Event {
    }

    /** See {@link EngineEvents#assetCreated}. */
    public record AssetCreated(long seq, int assetId, String code, int scale) implements Event {
    }

    /** See {@link EngineEvents#marketCreated}. */
    public record MarketCreated(long seq, int marketId, String symbol, int baseAssetId, int quoteAssetId,
        long tickSize, long lotSize, long minQuantity, long maxQuantity, long minNotional, int makerFeeBps,
        int takerFeeBps) implements Event {
    }

    /** See {@link EngineEvents#marketStatusChanged}. */
    public record MarketStatusChanged(long seq, int marketId, MarketStatus status) implements Event {
    }

    /** See {@link EngineEvents#userCreated}. */
    public record UserCreated(long seq, long userId) implements Event {
    }

    /** See {@link EngineEvents#ledgerEntry}. */
    public record LedgerEntry(long seq, int assetId, long fromUserId, Bucket fromBucket, long toUserId,
        Bucket toBucket, long amount, LedgerCause cause, long reference) implements Event {
    }

    /** See {@link EngineEvents#depositCredited}. */
    public record DepositCredited(long seq, long userId, int assetId, long amount, long depositRef)
        implements Event {
    }

    /** See {@link EngineEvents#withdrawalRequested}. */
    public record WithdrawalRequested(long seq, long withdrawalId, long userId, int assetId, long amount,
        long addressId, WithdrawalState state) implements Event {
    }

    /** See {@link EngineEvents#withdrawalStateChanged}. */
    public record WithdrawalStateChanged(long seq, long withdrawalId, WithdrawalState state) implements Event {
    }

    /** See {@link EngineEvents#holdPlaced}. */
    public record HoldPlaced(long seq, long holdId, long userId, int assetId, long amount, HoldKind kind,
        HoldReason reason, String explanation, long operatorId, long reviewDeadlineMs,
        ReleaseCondition releaseCondition, long ticketRef, long massActionId, HoldState state) implements Event {
    }

    /** See {@link EngineEvents#holdApproved}. */
    public record HoldApproved(long seq, long holdId, long operatorId) implements Event {
    }

    /** See {@link EngineEvents#holdRejected}. */
    public record HoldRejected(long seq, long holdId, long operatorId, boolean automatic, String justification)
        implements Event {
    }

    /** See {@link EngineEvents#holdReleased}. */
    public record HoldReleased(long seq, long holdId, long operatorId, boolean automatic) implements Event {
    }

    /** See {@link EngineEvents#holdEscalated}. */
    public record HoldEscalated(long seq, long holdId, long userId, long reviewDeadlineMs) implements Event {
    }

    /** See {@link EngineEvents#holdRenewed}. */
    public record HoldRenewed(long seq, long holdId, long operatorId, long reviewDeadlineMs, int renewals,
        String justification) implements Event {
    }

    /** See {@link EngineEvents#holdApprovalThresholdSet}. */
    public record HoldApprovalThresholdSet(long seq, int assetId, long thresholdAmount, long operatorId)
        implements Event {
    }

    /** See {@link EngineEvents#blastRadiusPolicySet}. */
    public record BlastRadiusPolicySet(long seq, int accountsMax, int shareBpsMax, long windowMs, long operatorId)
        implements Event {
    }

    /** See {@link EngineEvents#massActionProposed}. */
    public record MassActionProposed(long seq, long actionId, long operatorId, int accountsMax, String justification)
        implements Event {
    }

    /** See {@link EngineEvents#massActionApproved}. */
    public record MassActionApproved(long seq, long actionId, long operatorId) implements Event {
    }

    /** See {@link EngineEvents#orderAccepted}. */
    public record OrderAccepted(long seq, long orderId, long userId, int marketId, Side side, OrderType type,
        TimeInForce timeInForce, long price, long quantity, long quoteBudget, long clientOrderId, StpMode stpMode)
        implements Event {
    }

    public record OrderLabelled(long seq, long orderId, long userId, long clientOrderId, String label)
        implements Event {
    }

    /** See {@link EngineEvents#trade}. */
    public record Trade(long seq, long tradeId, int marketId, long price, long quantity, long quoteAmount,
        long makerOrderId, long takerOrderId, long makerUserId, long takerUserId, Side takerSide, long makerFee,
        long takerFee, long makerRemaining, long takerRemaining) implements Event {
    }

    /** See {@link EngineEvents#orderRested}. */
    public record OrderRested(long seq, long orderId, long price, long remaining) implements Event {
    }

    /** See {@link EngineEvents#orderReduced}. */
    public record OrderReduced(long seq, long orderId, long remaining) implements Event {
    }

    /** See {@link EngineEvents#orderMoved}. */
    public record OrderMoved(long seq, long orderId, long oldPrice, long newPrice) implements Event {
    }

    /** See {@link EngineEvents#orderDone}. */
    public record OrderDone(long seq, long orderId, OrderEndReason reason, long remaining) implements Event {
    }
    /** See {@link EngineEvents#withdrawalAddressAdded}. */
    public record WithdrawalAddressAdded(long seq, long userId, int assetId, long addressId, String address,
        long usableFromMs) implements Event {
    }

    /** See {@link EngineEvents#withdrawalAddressRemoved}. */
    public record WithdrawalAddressRemoved(long seq, long userId, long addressId) implements Event {
    }

    /** See {@link EngineEvents#withdrawalApproved}. */
    public record WithdrawalApproved(long seq, long withdrawalId, long operatorId) implements Event {
    }

    /** See {@link EngineEvents#withdrawalRejected}. */
    public record WithdrawalRejected(long seq, long withdrawalId, long operatorId,
        String justification) implements Event {
    }

    /** See {@link EngineEvents#withdrawalBroadcast}. */
    public record WithdrawalBroadcast(long seq, long withdrawalId, String txRef, long fee) implements Event {
    }

    /** See {@link EngineEvents#withdrawalFailed}. */
    public record WithdrawalFailed(long seq, long withdrawalId, WithdrawalFailure reason) implements Event {
    }

    /** See {@link EngineEvents#withdrawalSlaMissed}. */
    public record WithdrawalSlaMissed(long seq, long withdrawalId, long userId, WithdrawalState state,
        long deadlineMs) implements Event {
    }

    /** See {@link EngineEvents#withdrawalPolicySet}. */
    public record WithdrawalPolicySet(long seq, int assetId, PolicyKind kind, long value,
        long operatorId) implements Event {
    }

    /** See {@link EngineEvents#withdrawalsPaused}. */
    public record WithdrawalsPaused(long seq, int assetId, WithdrawalPauseReason reason, String explanation,
        long operatorId) implements Event {
    }

    /** See {@link EngineEvents#withdrawalsResumed}. */
    public record WithdrawalsResumed(long seq, int assetId, long operatorId) implements Event {
    }

    /** See {@link EngineEvents#policyChangeProposed}. */
    public record PolicyChangeProposed(long seq, long proposalId, PolicyKind kind, int assetId, long value,
        int accountsMax, int shareBpsMax, long operatorId, long expiresAtMs) implements Event {
    }

    /** See {@link EngineEvents#policyChangeApproved}. */
    public record PolicyChangeApproved(long seq, long proposalId, long operatorId) implements Event {
    }

    /** See {@link EngineEvents#policyChangeExpired}. */
    public record PolicyChangeExpired(long seq, long proposalId) implements Event {
    }

    /** See {@link EngineEvents#massActionExpired}. */
    public record MassActionExpired(long seq, long actionId, int used) implements Event {
    }
}
