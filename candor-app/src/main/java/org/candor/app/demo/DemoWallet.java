package org.candor.app.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.agrona.CloseHelper;
import org.candor.chain.ApprovedWithdrawal;
import org.candor.chain.ChainAlerts;
import org.candor.chain.ChainCommands;
import org.candor.chain.ChainDeposit;
import org.candor.chain.ChainEdge;
import org.candor.chain.ChainUnavailableException;
import org.candor.chain.DemoChains;
import org.candor.chain.DepositKey;
import org.candor.chain.PendingDeposit;
import org.candor.cluster.CommandWriter;
import org.candor.cluster.EmbeddedNode;
import org.candor.cluster.ExchangeClient;
import org.candor.engine.IgnoringEvents;
import org.candor.gateway.DepositAddresses;
import org.candor.gateway.PendingDeposits;
import org.candor.engine.RejectReason;
import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalState;
import org.candor.journal.EventJournalReader;

/**
 * The demo's wallet service: the chain edge ({@code candor-chain}) over simulated BTC, ETH and USDT chains, wired
 * to the exchange. It follows the node's committed events to learn which withdrawals may leave (requested below
 * their threshold, or approved) and to which allow-listed address, hands them to the withdrawal processor, and sends
 * the engine what the chains report: deposits credited after their confirmations, withdrawals claimed (SENDING,
 * after which their owners can no longer cancel; the processor broadcasts only once it reads that state change in
 * the journal), broadcast, confirmed or failed (funds back to the user). It is a cluster client like any other (its
 * own client id) and never blocks on the cluster: commands are sent and their answers polled on its thread.
 *
 * <p>The simulated chains keep their own time, starting at 0 when the wallet starts, and mine each block when its
 * block time has passed on the wallet's clock. The wallet keeps nothing on disk and starts its edge with no scanned
 * heights and no credited deposit keys: a wallet started again over the same chains rescans them from the start
 * and sends every deposit again, which the engine refuses as already credited (DEPOSIT_ALREADY_CREDITED, counted in
 * {@link #alreadyCredited()}, not as a refusal), so no deposit is paid twice. A restart of the whole demo is still
 * not wired (the simulated chains live in this process, and the demo starts fresh every time).
 */
public final class DemoWallet implements DepositAddresses, PendingDeposits, AutoCloseable {
    /** Events read from the journal per tick. */
    static final int EVENTS_PER_TICK = 10_000;
    static final long TICK_MS = 200;

    private final DemoChains chains;
    private final ExchangeClient client;
    private final EventJournalReader journal;
    private final ChainEdge edge;
    private final LongSupplier clockMs;
    private final long startMs;
    private final WithdrawalsToSend watcher = new WithdrawalsToSend();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong alreadyCredited = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();
    /** Deposit addresses handed out, by asset and user: one per user and asset, as exchanges give them. */
    private final Map<String, String> depositAddresses = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * A wallet on {@code node} as cluster client {@code clientId}. With {@code ownThread} it ticks by itself every
     * {@link #TICK_MS}; tests leave it off and call {@link #tick()} with a clock they move.
     */
    public DemoWallet(final EmbeddedNode node, final DemoChains chains, final long clientId, final LongSupplier clockMs,
        final boolean ownThread) {
        this.chains = chains;
        this.clockMs = clockMs;
        this.startMs = clockMs.getAsLong();
        this.client = ExchangeClient.connect(new ExchangeClient.Config(node.aeronDirectoryName(),
            node.localClientIngress(), clientId, 1, ExchangeClient.IN_FLIGHT_DEFAULT), result -> {
                // A claim asked again before its SENDING was read (the processor repeats unanswered claims) is
                // answered WITHDRAWAL_SENDING: the withdrawal is claimed, as asked. Only the wallet claims, so no
                // other command of this client gets that answer. A deposit sent again after a restart is answered
                // DEPOSIT_ALREADY_CREDITED (with its reference): it is credited, as asked, and no one is alerted.
                if (result.reason() == RejectReason.DEPOSIT_ALREADY_CREDITED) {
                    alreadyCredited.incrementAndGet();
                } else if (result.reason() != RejectReason.NONE
                    && result.reason() != RejectReason.WITHDRAWAL_SENDING) {
                    refused.incrementAndGet();
                }
            }, null);
        this.journal = EventJournalReader.open(node.eventJournalDir(), 0);
        this.edge = new ChainEdge(chains.registry(), new ToEngine(), new Alerts(), Map.of(), List.of());
        this.thread = ownThread ? new Thread(this::run, "candor-demo-wallet") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** One round: new committed events, then the chains' new blocks, deposits and withdrawals, then the answers. */
    public synchronized void tick() {
        while (journal.poll(watcher, EVENTS_PER_TICK) > 0) {
            watcher.submitReady();
        }
        final long chainMs = clockMs.getAsLong() - startMs;
        chains.advanceTo(chainMs);
        edge.poll(chainMs);
        client.poll();
    }

    /** The user's deposit address on the asset's chain: made once, the same afterwards. */
    public synchronized String depositAddress(final int assetId, final long userId) throws ChainUnavailableException {
        final String key = assetId + "/" + userId;
        String address = depositAddresses.get(key);
        if (address == null) {
            address = edge.newDepositAddress(assetId, userId);
            depositAddresses.put(key, address);
        }
        return address;
    }

    /** For the gateway's {@code /sapi/v1/capital/deposit/address}: null for an asset without a chain here. */
    @Override
    public String addressFor(final long userId, final int assetId) {
        if (chains.registry().find(assetId) == null) {
            return null;
        }
        try {
            return depositAddress(assetId, userId);
        } catch (ChainUnavailableException e) {
            throw new IllegalStateException("chain unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * For the gateway's deposit history: the user's deposits the chain edge has seen and not credited yet, first
     * seen on the wallet's clock (the edge's clock starts at 0 when the wallet starts).
     */
    @Override
    public synchronized List<PendingDeposits.Deposit> pendingFor(final long userId) {
        final List<PendingDeposits.Deposit> pending = new java.util.ArrayList<>();
        for (final PendingDeposit deposit : edge.pendingDeposits(userId)) {
            pending.add(new PendingDeposits.Deposit(deposit.key().assetId(), deposit.key().txId(),
                deposit.key().outputIndex(), deposit.address(), deposit.amount(), deposit.confirmations(),
                deposit.confirmationsRequired(), startMs + deposit.firstSeenMs()));
        }
        return pending;
    }

    /** The simulated chains, to script deposits and faults. */
    public DemoChains chains() {
        return chains;
    }

    /**
     * Commands the engine refused, but for a repeat it answers as done (a deposit already credited, a claim already
     * SENDING); the wallet carries on.
     */
    public long refused() {
        return refused.get();
    }

    /** Deposits sent again (after a restart) that the engine had credited before: credited, not refused. */
    public long alreadyCredited() {
        return alreadyCredited.get();
    }

    /** Alerts raised for operators: stuck or reorganised withdrawals, deposits reversed after crediting. */
    public long alerts() {
        return alerts.get();
    }

    public RuntimeException failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                tick();
                Thread.sleep(TICK_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /**
     * The engine's deposit reference for a chain deposit: 63 bits of SHA-256 over its key, stable across runs, so the
     * engine recognises a deposit sent again; at least 1, since the engine refuses reference 0.
     */
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

    private void send(final CommandWriter writer) {
        client.send(writer);
    }

    /** What the chains report, as engine commands. */
    private final class ToEngine implements ChainCommands {
        @Override
        public void claim(final long withdrawalId) {
            send((e, b, o, c, id) -> e.claimWithdrawal(b, o, c, id, 0, withdrawalId));
        }

        @Override
        public void creditDeposit(final ChainDeposit deposit) {
            final long ref = depositRef(deposit.key());
            send((e, b, o, c, id) -> e.deposit(b, o, c, id, 0, deposit.userId(), deposit.key().assetId(),
                deposit.amount(), ref));
        }

        @Override
        public void broadcast(final long withdrawalId, final String txId, final long fee) {
            send((e, b, o, c, id) -> e.markWithdrawalBroadcast(b, o, c, id, 0, withdrawalId, txId, fee));
        }

        @Override
        public void confirmed(final long withdrawalId) {
            send((e, b, o, c, id) -> e.completeWithdrawal(b, o, c, id, 0, withdrawalId));
        }

        @Override
        public void failed(final long withdrawalId, final String reason) {
            final WithdrawalFailure failure = reason != null && reason.contains("address")
                ? WithdrawalFailure.DESTINATION_INVALID : WithdrawalFailure.BROADCAST_FAILED;
            send((e, b, o, c, id) -> e.failWithdrawal(b, o, c, id, 0, withdrawalId, failure));
        }
    }

    /** Operators' alerts: counted here; the notifications of issue 6 will carry them to people. */
    private final class Alerts implements ChainAlerts {
        @Override
        public void depositReversedAfterCredit(final DepositKey key, final long creditedHeight, final String detail) {
            alerts.incrementAndGet();
        }

        @Override
        public void withdrawalStuck(final long withdrawalId, final int assetId, final String txId,
            final long broadcastAtMs, final long nowMs) {
            alerts.incrementAndGet();
        }

        @Override
        public void withdrawalReorged(final long withdrawalId, final int assetId, final String txId,
            final long confirmationsLost) {
            alerts.incrementAndGet();
        }
    }

    /**
     * Follows the committed events for withdrawals that may leave: requested at or below their asset's approval
     * threshold (state REQUESTED), or approved by an operator; with the address of their allow-list entry.
     */
    private final class WithdrawalsToSend extends IgnoringEvents {
        private final Map<Long, String> addresses = new HashMap<>();
        private final Map<Long, ApprovedWithdrawal> awaitingApproval = new HashMap<>();
        private final List<ApprovedWithdrawal> ready = new java.util.ArrayList<>();

        @Override
        public void withdrawalAddressAdded(final long seq, final long userId, final int assetId, final long addressId,
            final String address, final long usableFromMs) {
            addresses.put(addressId, address);
        }

        @Override
        public void withdrawalRequested(final long seq, final long withdrawalId, final long userId,
            final int assetId, final long amount, final long addressId, final WithdrawalState state) {
            final ApprovedWithdrawal withdrawal = new ApprovedWithdrawal(withdrawalId, assetId,
                addresses.getOrDefault(addressId, ""), amount);
            if (state == WithdrawalState.AWAITING_APPROVAL) {
                awaitingApproval.put(withdrawalId, withdrawal);
            } else {
                ready.add(withdrawal);
            }
        }

        @Override
        public void withdrawalApproved(final long seq, final long withdrawalId, final long operatorId) {
            final ApprovedWithdrawal approved = awaitingApproval.remove(withdrawalId);
            if (approved != null) {
                ready.add(approved);
            }
        }

        /**
         * SENDING is the engine's answer to the edge's claim: only now may the processor broadcast. An end (the
         * owner's cancel before the claim, an operator's rejection, or the chain's verdict) makes it forget the
         * withdrawal, so a claim the engine refused is never asked again.
         */
        @Override
        public void withdrawalStateChanged(final long seq, final long withdrawalId, final WithdrawalState state) {
            awaitingApproval.remove(withdrawalId);
            if (state == WithdrawalState.SENDING) {
                edge.withdrawals().claimed(withdrawalId);
            } else if (state.isFinal()) {
                ready.removeIf(withdrawal -> withdrawal.withdrawalId() == withdrawalId);
                edge.withdrawals().ended(withdrawalId);
            }
        }

        void submitReady() {
            for (final ApprovedWithdrawal withdrawal : ready) {
                edge.withdrawals().submit(withdrawal);
            }
            ready.clear();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TICK_MS * 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CloseHelper.quietCloseAll(client, journal);
    }
}
