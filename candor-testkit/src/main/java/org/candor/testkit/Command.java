package org.candor.testkit;

import org.candor.engine.Engine;
import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.ReleaseCondition;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.engine.WithdrawalFailure;

/**
 * One engine command as a small immutable value, so a workload can be generated once, printed when a test fails,
 * and replayed into any number of engines and into the {@link ReferenceExchange}.
 */
public sealed interface Command permits Command.CreateAsset, Command.CreateMarket, Command.CreateUser,
    Command.SetMarketStatus, Command.Deposit, Command.RequestWithdrawal, Command.CompleteWithdrawal,
    Command.FailWithdrawal, Command.CancelWithdrawal, Command.AddWithdrawalAddress, Command.ApproveWithdrawal,
    Command.RejectWithdrawal, Command.ClaimWithdrawal, Command.MarkWithdrawalBroadcast,
    Command.SetWithdrawalPolicy, Command.ApprovePolicyChange, Command.PlaceHold, Command.ReleaseHold,
    Command.ApproveHold,
    Command.RejectHold, Command.RenewHold, Command.SetHoldApprovalThreshold, Command.SetBlastRadiusPolicy,
    Command.ProposeMassAction, Command.ApproveMassAction, Command.AdvanceTime, Command.PlaceOrder,
    Command.CancelOrder, Command.CancelAll, Command.ReduceOrder, Command.MoveOrder {

    /** Applies the command to an engine with the given framing; returns the engine's verdict. */
    RejectReason applyTo(Engine engine, long clientId, long commandId, long timestampMs);

    /**
     * Applies the command to the reference at time {@code now}, the timestamp the engine got. {@code engineReference}
     * is the reference of the engine's result for the same command; only a placed order uses it, as its id.
     */
    RejectReason applyTo(ReferenceExchange reference, long engineReference, long now);

    /** Lists an asset. */
    record CreateAsset(AssetTerms asset) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.createAsset(client, command, now, asset.assetId(), asset.code(), asset.scale());
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.createAsset(asset);
        }
    }

    /** Lists a market. */
    record CreateMarket(MarketTerms terms) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.createMarket(client, command, now, terms.marketId(), terms.symbol(), terms.baseAssetId(),
                terms.quoteAssetId(), terms.tickSize(), terms.lotSize(), terms.minQuantity(), terms.maxQuantity(),
                terms.minNotional(), terms.makerFeeBps(), terms.takerFeeBps());
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.createMarket(terms);
        }
    }

    /** Registers a user. */
    record CreateUser(long userId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.createUser(client, command, now, userId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.createUser(userId);
        }
    }

    /** Halts or resumes a market. */
    record SetMarketStatus(int marketId, MarketStatus status) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.setMarketStatus(client, command, now, marketId, status);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.setMarketStatus(marketId, status);
        }
    }

    /** Credits a deposit. */
    record Deposit(long userId, int assetId, long amount, long depositRef) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.deposit(client, command, now, userId, assetId, amount, depositRef);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.deposit(userId, assetId, amount, depositRef);
        }
    }

    /** Requests a withdrawal. */
    record RequestWithdrawal(long userId, int assetId, long amount, long addressId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.requestWithdrawal(client, command, now, userId, assetId, amount, addressId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.requestWithdrawal(userId, assetId, amount, addressId, now);
        }
    }

    /** A user allow-lists an address. */
    record AddWithdrawalAddress(long userId, int assetId, String address) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.addWithdrawalAddress(client, command, now, userId, assetId, address);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().addAddress(userId, assetId, address, now);
        }
    }

    /** An operator approves a withdrawal above its asset's approval threshold. */
    record ApproveWithdrawal(long withdrawalId, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.approveWithdrawal(client, command, now, withdrawalId, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().approve(withdrawalId, operatorId);
        }
    }

    /** An operator turns down a withdrawal awaiting approval, with a justification. */
    record RejectWithdrawal(long withdrawalId, long operatorId, String justification) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.rejectWithdrawal(client, command, now, withdrawalId, operatorId, justification);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().reject(withdrawalId, operatorId, justification);
        }
    }

    /** The chain edge claims a withdrawal before broadcasting it (SENDING). */
    record ClaimWithdrawal(long withdrawalId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.claimWithdrawal(client, command, now, withdrawalId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().claim(withdrawalId);
        }
    }

    /** The chain processor broadcasts a withdrawal. */
    record MarkWithdrawalBroadcast(long withdrawalId, String txRef, long fee) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.markWithdrawalBroadcast(client, command, now, withdrawalId, txRef, fee);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().broadcast(withdrawalId, txRef, fee);
        }
    }

    /** An operator sets a per-asset withdrawal setting; a loosening becomes a proposal. */
    record SetWithdrawalPolicy(int assetId, PolicyKind kind, long value, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.setWithdrawalPolicy(client, command, now, assetId, kind, value, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.policies().setWithdrawalPolicy(assetId, kind, value, operatorId, now);
        }
    }

    /** An operator approves a proposed loosening; the proposer cannot. */
    record ApprovePolicyChange(long proposalId, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.approvePolicyChange(client, command, now, proposalId, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.policies().approve(proposalId, operatorId);
        }
    }

    /** Completes a pending withdrawal (an operator's action). */
    record CompleteWithdrawal(long withdrawalId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.completeWithdrawal(client, command, now, withdrawalId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().complete(withdrawalId);
        }
    }

    /** Fails a pending withdrawal (an operator's action). */
    record FailWithdrawal(long withdrawalId, WithdrawalFailure reason) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.failWithdrawal(client, command, now, withdrawalId, reason);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().fail(withdrawalId, reason);
        }
    }

    /** The owner cancels a pending withdrawal. */
    record CancelWithdrawal(long userId, long withdrawalId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.cancelWithdrawal(client, command, now, userId, withdrawalId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.withdrawals().cancel(userId, withdrawalId);
        }
    }

    /**
     * An operator places a hold. The review deadline is relative, {@code deadlineAfterMs} after the command's time,
     * so a workload replays identically from any position.
     */
    record PlaceHold(long userId, int assetId, long amount, HoldKind kind, HoldReason reason, String explanation,
        long operatorId, long deadlineAfterMs, ReleaseCondition condition, long ticketRef, long massActionId)
        implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.placeHold(client, command, now, userId, assetId, amount, kind, reason, explanation,
                operatorId, now + deadlineAfterMs, condition, ticketRef, massActionId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().place(userId, assetId, amount, kind, reason, explanation, operatorId, now,
                now + deadlineAfterMs, condition, ticketRef, massActionId);
        }
    }

    /** An operator releases a hold. */
    record ReleaseHold(long holdId, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.releaseHold(client, command, now, holdId, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().release(holdId, operatorId);
        }
    }

    /** A second operator approves a pending hold. */
    record ApproveHold(long holdId, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.approveHold(client, command, now, holdId, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().approve(holdId, operatorId, now);
        }
    }

    /** An operator turns down a pending hold. */
    record RejectHold(long holdId, long operatorId, String justification) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.rejectHold(client, command, now, holdId, operatorId, justification);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().reject(holdId, operatorId, justification);
        }
    }

    /** An operator renews a hold in force, {@code deadlineAfterMs} after the command's time. */
    record RenewHold(long holdId, long operatorId, long deadlineAfterMs, String justification) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.renewHold(client, command, now, holdId, operatorId, now + deadlineAfterMs, justification);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().renew(holdId, operatorId, now + deadlineAfterMs, justification, now);
        }
    }

    /** Sets an asset's approval threshold. */
    record SetHoldApprovalThreshold(int assetId, long thresholdAmount, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.setHoldApprovalThreshold(client, command, now, assetId, thresholdAmount, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().setApprovalThreshold(assetId, thresholdAmount, operatorId, now);
        }
    }

    /** Sets the blast-radius policy. */
    record SetBlastRadiusPolicy(int accountsMax, int shareBpsMax, long windowMs, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.setBlastRadiusPolicy(client, command, now, accountsMax, shareBpsMax, windowMs, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().setPolicy(accountsMax, shareBpsMax, windowMs, operatorId, now);
        }
    }

    /** Proposes a mass action. */
    record ProposeMassAction(long actionId, long operatorId, int accountsMax, String justification)
        implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.proposeMassAction(client, command, now, actionId, operatorId, accountsMax, justification);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().propose(actionId, operatorId, accountsMax, justification);
        }
    }

    /** A second operator approves a mass action. */
    record ApproveMassAction(long actionId, long operatorId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.approveMassAction(client, command, now, actionId, operatorId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.holds().approveMassAction(actionId, operatorId);
        }
    }

    /**
     * A cluster timer: time jumps {@code aheadMs} past the command's own time and due deadlines fire. It is not a
     * framed command: it has no client or command id, and its answer is always NONE.
     */
    record AdvanceTime(long aheadMs) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            engine.advanceTime(now + aheadMs);
            return RejectReason.NONE;
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            reference.holds().advanceTime(now + aheadMs);
            return RejectReason.NONE;
        }
    }

    /** Places an order; see {@link Engine#placeOrder} for which fields each type uses. */
    record PlaceOrder(long userId, int marketId, Side side, OrderType type, TimeInForce timeInForce, long price,
        long quantity, long quoteBudget, long clientOrderId, StpMode stpMode) implements Command {

        public static PlaceOrder limit(final long userId, final int marketId, final Side side, final TimeInForce tif,
            final long price, final long quantity, final long clientOrderId, final StpMode stp) {
            return new PlaceOrder(userId, marketId, side, OrderType.LIMIT, tif, price, quantity, 0, clientOrderId,
                stp);
        }

        public static PlaceOrder marketBuy(final long userId, final int marketId, final long quoteBudget,
            final long clientOrderId, final StpMode stp) {
            return new PlaceOrder(userId, marketId, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, quoteBudget,
                clientOrderId, stp);
        }

        public static PlaceOrder marketSell(final long userId, final int marketId, final long quantity,
            final long clientOrderId, final StpMode stp) {
            return new PlaceOrder(userId, marketId, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, quantity, 0,
                clientOrderId, stp);
        }

        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.placeOrder(client, command, now, userId, marketId, side, type, timeInForce, price, quantity,
                quoteBudget, clientOrderId, stpMode);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.placeOrder(engineReference, userId, marketId, side, type, timeInForce, price, quantity,
                quoteBudget, clientOrderId, stpMode);
        }
    }

    /** Cancels an order by id, or by client order id when the order id is 0. */
    record CancelOrder(long userId, int marketId, long orderId, long clientOrderId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.cancelOrder(client, command, now, userId, marketId, orderId, clientOrderId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.cancelOrder(userId, marketId, orderId, clientOrderId);
        }
    }

    /** Cancels all of a user's orders in one market. */
    record CancelAll(long userId, int marketId) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.cancelAllOrders(client, command, now, userId, marketId);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.cancelAllOrders(userId, marketId);
        }
    }

    /** Reduces an order's open quantity, keeping its priority. */
    record ReduceOrder(long userId, int marketId, long orderId, long reduceBy) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.reduceOrder(client, command, now, userId, marketId, orderId, reduceBy);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.reduceOrder(userId, marketId, orderId, reduceBy);
        }
    }

    /** Moves an order to a new price. */
    record MoveOrder(long userId, int marketId, long orderId, long newPrice) implements Command {
        @Override
        public RejectReason applyTo(final Engine engine, final long client, final long command, final long now) {
            return engine.moveOrder(client, command, now, userId, marketId, orderId, newPrice);
        }

        @Override
        public RejectReason applyTo(final ReferenceExchange reference, final long engineReference,
            final long now) {
            return reference.moveOrder(userId, marketId, orderId, newPrice);
        }
    }
}
