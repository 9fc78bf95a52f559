package org.candor.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.candor.engine.Engine;
import org.candor.engine.EngineCapacity;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.PolicyKind;
import org.candor.engine.RejectReason;
import org.candor.engine.Withdrawal;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalState;

/**
 * The chain edge wired to a real engine the way the demo wallet wires it to the cluster, but in one thread and with
 * the delivery of commands in the test's hands: {@link ChainCommands} calls wait in a queue until {@link #deliver},
 * as they wait for the cluster, and {@link #crash} loses them. The engine's withdrawal state changes are reported
 * back to the current processor (SENDING as {@link WithdrawalProcessor#claimed}, ends as
 * {@link WithdrawalProcessor#ended}), as the wiring's reader of the journal does.
 */
final class EngineLink extends IgnoringEvents implements ChainCommands {
    static final long CLIENT = 4;
    static final long OPERATOR = 9;
    static final long APPROVER = 10;

    final Engine engine = new Engine(EngineCapacity.small(), this);
    final List<Queued> queued = new ArrayList<>();
    /** The deposit references the engine credited, from its events: a repeat would show twice. */
    final List<Long> creditedRefs = new ArrayList<>();
    /**
     * The keys of deposits the engine credited (applied, or refused as credited before): what a wiring may persist
     * for the next run of the edge.
     */
    final List<DepositKey> creditedKeys = new ArrayList<>();
    /** The references the engine named when it refused a deposit as already credited. */
    final List<Long> alreadyCreditedRefs = new ArrayList<>();
    /** What the engine answered to each delivered command of the edge, in order. */
    final List<String> answers = new ArrayList<>();
    private WithdrawalProcessor processor;
    private long commandId;
    long nowMs = 1;

    /** The processor the engine's state changes are reported to (a new one after a restart). */
    void follow(final WithdrawalProcessor next) {
        processor = next;
    }

    long next() {
        return ++commandId;
    }

    /** Runs a command of the test (a user or an operator) at once, with the next command id and the time. */
    RejectReason now(final Command command) {
        return command.run(engine, next(), ++nowMs);
    }

    /** Applies every command the edge queued, in order. */
    void deliver() {
        deliver("", Integer.MAX_VALUE);
    }

    /** Applies, in order, at most {@code max} queued commands whose name starts with {@code prefix}. */
    void deliver(final String prefix, final int max) {
        final List<Queued> batch = new ArrayList<>();
        for (final Queued command : queued) {
            if (batch.size() < max && command.name().startsWith(prefix)) {
                batch.add(command);
            }
        }
        queued.removeAll(batch);
        for (final Queued command : batch) {
            command.run().applyAsLong(next());
            answers.add(command.name() + " " + lastResult);
        }
    }

    /** The edge stops with commands not yet delivered: they are lost with it. */
    void crash() {
        queued.clear();
    }

    /** Asset 1 (BTC, 8 decimals), users, addresses usable at once (time lock lowered by two operators). */
    void listBtcAndUsers(final long... userIds) {
        require(now((e, id, t) -> e.createAsset(CLIENT, id, t, 1, "BTC", 8)));
        require(now((e, id, t) -> e.setWithdrawalPolicy(CLIENT, id, t, 1, PolicyKind.WITHDRAWAL_ADDRESS_TIME_LOCK, 0,
            OPERATOR)));
        final long proposal = lastReference;
        require(now((e, id, t) -> e.approvePolicyChange(CLIENT, id, t, proposal, APPROVER)));
        for (final long userId : userIds) {
            require(now((e, id, t) -> e.createUser(CLIENT, id, t, userId)));
        }
    }

    /** Funds a user (not through the chain) and returns the id of an allow-listed address. */
    long fundedWithAddress(final long userId, final long amount, final String address) {
        if (amount > 0) {
            require(now((e, id, t) -> e.deposit(CLIENT, id, t, userId, 1, amount, 1_000_000 + userId)));
        }
        require(now((e, id, t) -> e.addWithdrawalAddress(CLIENT, id, t, userId, 1, address)));
        return lastReference;
    }

    long requestWithdrawal(final long userId, final long amount, final long addressId) {
        require(now((e, id, t) -> e.requestWithdrawal(CLIENT, id, t, userId, 1, amount, addressId)));
        return lastReference;
    }

    /**
     * Hands a new processor every live withdrawal of the engine, by its state alone: ready ones to claim, SENDING
     * ones to broadcast again (idempotently), BROADCAST ones to watch; AWAITING_APPROVAL ones wait for an operator.
     */
    void resumeInto(final WithdrawalProcessor fresh) {
        follow(fresh);
        for (final Withdrawal w : engine.pendingWithdrawals()) {
            final ApprovedWithdrawal approved = new ApprovedWithdrawal(w.withdrawalId(), w.assetId(),
                engine.withdrawalView().address(w.addressId()).address(), w.amount());
            if (w.state().isReadyToSend()) {
                fresh.submit(approved);
            } else if (w.state() == WithdrawalState.SENDING) {
                fresh.resumeClaimed(approved);
            } else if (w.state() == WithdrawalState.BROADCAST) {
                fresh.resume(approved, w.txRef(), w.fee(), w.stateSinceMs());
            }
        }
    }

    long lastReference;

    private static void require(final RejectReason reason) {
        if (reason != RejectReason.NONE) {
            throw new IllegalStateException("setup refused reason=" + reason);
        }
    }

    // ---------------------------------------------------------------- the edge's commands, queued

    /** A command of the edge waiting for delivery, named for the test's assertions. */
    record Queued(String name, ToLongFunction<Long> run) {
    }

    private void queue(final String name, final ToLongFunction<Long> command) {
        queued.add(new Queued(name, command));
    }

    @Override
    public void claim(final long withdrawalId) {
        queue("claim " + withdrawalId, id -> code(engine.claimWithdrawal(CLIENT, id, ++nowMs, withdrawalId)));
    }

    @Override
    public void broadcast(final long withdrawalId, final String txId, final long fee) {
        queue("broadcast " + withdrawalId, id -> code(engine.markWithdrawalBroadcast(CLIENT, id, ++nowMs,
            withdrawalId, txId, fee)));
    }

    @Override
    public void confirmed(final long withdrawalId) {
        queue("confirmed " + withdrawalId, id -> code(engine.completeWithdrawal(CLIENT, id, ++nowMs, withdrawalId)));
    }

    @Override
    public void failed(final long withdrawalId, final String reason) {
        queue("failed " + withdrawalId, id -> code(engine.failWithdrawal(CLIENT, id, ++nowMs, withdrawalId,
            WithdrawalFailure.BROADCAST_FAILED)));
    }

    @Override
    public void creditDeposit(final ChainDeposit deposit) {
        queue("deposit " + deposit.key().txId(), id -> {
            final RejectReason reason = engine.deposit(CLIENT, id, ++nowMs, deposit.userId(),
                deposit.key().assetId(), deposit.amount(), depositRef(deposit.key()));
            // A deposit the engine refuses as credited before is credited, as the edge asked: no refusal, no alert.
            if (reason == RejectReason.DEPOSIT_ALREADY_CREDITED) {
                alreadyCreditedRefs.add(lastReference);
            }
            if ((reason == RejectReason.NONE || reason == RejectReason.DEPOSIT_ALREADY_CREDITED)
                && !creditedKeys.contains(deposit.key())) {
                creditedKeys.add(deposit.key());
            }
            return reason.code();
        });
    }

    private static long code(final RejectReason reason) {
        return reason.code();
    }

    /** 63 bits of SHA-256 over the key, as the demo wallet derives the engine's deposit reference. */
    static long depositRef(final DepositKey key) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest((key.assetId() + "/" + key.txId()
                + "/" + key.outputIndex()).getBytes(StandardCharsets.UTF_8));
            long ref = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                ref = (ref << 8) | (digest[i] & 0xFF);
            }
            return Math.max(1, ref & Long.MAX_VALUE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ---------------------------------------------------------------- the engine's events, as the wiring reads them

    private RejectReason lastResult = RejectReason.NONE;

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        lastResult = reason;
        lastReference = reference;
    }

    @Override
    public void depositCredited(final long seq, final long userId, final int assetId, final long amount,
        final long depositRef) {
        creditedRefs.add(depositRef);
    }

    @Override
    public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
        if (processor == null) {
            return;
        }
        if (state == WithdrawalState.SENDING) {
            processor.claimed(withdrawalId);
        } else if (state.isFinal()) {
            processor.ended(withdrawalId);
        }
    }

    /** A command of the test, framed by the link. */
    @FunctionalInterface
    interface Command {
        RejectReason run(Engine engine, long commandId, long nowMs);
    }
}
