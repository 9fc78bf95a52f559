package org.candor.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A blockchain in memory that tests (and the demo) drive by hand: no thread, no wall clock. Time and height move
 * only when {@link #mineBlock()} or {@link #advance(int)} is called, each block {@code blockTimeMs} after the last.
 * Every id and every choice comes from the seed, so a scenario replays exactly.
 *
 * <p>The faults a real chain shows are scripted: {@link #reorg(int, boolean)} removes the last blocks (their
 * transactions go back to the mempool or are gone for good), {@link #stick(String)} keeps a transaction out of
 * every block until {@link #unstick(String)}, {@link #failOnMining(String)} mines it as failed (value unmoved,
 * fee spent), {@link #drop(String)} evicts it for good, {@link #goDown(String)} makes every call throw
 * {@link ChainUnavailableException} until {@link #comeUp()}, and {@link #loseNextBroadcastAnswers(int)} sends a
 * withdrawal but answers with an outage, as a real node does when the connection breaks after the send.
 */
public final class SimulatedChain implements ChainAdapter {
    /** A block holds at most this many transactions; the rest wait in the mempool, as on a congested chain. */
    public static final int BLOCK_TRANSACTIONS_MAX = 500;
    /** A test that creates more transactions than this has a runaway loop; fail rather than eat the heap. */
    public static final int TRANSACTIONS_MAX = 1_000_000;
    /** The fee estimate grows by one base fee for every this many transactions waiting in the mempool. */
    public static final int CONGESTION_STEP = 50;

    private final String code;
    private final String addressPrefix;
    private final long blockTimeMs;
    private final long feeBase;
    private final Random random;
    private final List<List<SimTransaction>> blocks = new ArrayList<>();
    private final List<String> blockHashes = new ArrayList<>();
    private final List<SimTransaction> mempool = new ArrayList<>();
    private final Map<String, SimTransaction> transactions = new HashMap<>();
    private final Map<Long, SimTransaction> withdrawals = new HashMap<>();
    private final Map<String, Long> ourAddresses = new HashMap<>();
    private long nowMs;
    private String downReason;
    private int answersToLose;
    private long broadcastCalls;
    private long refusedCalls;

    public SimulatedChain(final String code, final long seed, final long blockTimeMs, final long feeBase) {
        if (blockTimeMs <= 0 || feeBase < 0 || code.isBlank()) {
            throw new IllegalArgumentException("code=" + code + " blockTimeMs=" + blockTimeMs + " feeBase=" + feeBase);
        }
        this.code = code;
        this.addressPrefix = "sim" + code.toLowerCase(Locale.ROOT) + "1";
        this.blockTimeMs = blockTimeMs;
        this.feeBase = feeBase;
        this.random = new Random(seed);
    }

    // ---- driving the chain ----

    /** Mines one block with the mempool's mineable transactions, oldest first; returns the new height. */
    public long mineBlock() {
        nowMs += blockTimeMs;
        final long height = blocks.size() + 1L;
        final List<SimTransaction> block = new ArrayList<>();
        for (final SimTransaction tx : mempool) {
            if (block.size() == BLOCK_TRANSACTIONS_MAX) {
                break;
            }
            if (tx.mineable()) {
                block.add(tx);
            }
        }
        for (final SimTransaction tx : block) {
            tx.minedHeight = height;
            tx.failed = tx.failOnMining;
            tx.reorgedOut = false;
        }
        mempool.removeAll(block);
        blocks.add(block);
        blockHashes.add(randomHex(32));
        return height;
    }

    /** Mines {@code count} blocks. */
    public void advance(final int count) {
        for (int i = 0; i < count; i++) {
            mineBlock();
        }
    }

    /**
     * Removes the last {@code depth} blocks. Their transactions go back to the front of the mempool (to be mined
     * again) when {@code reappear}, or else are dropped for good, as when a conflicting transaction won. Time does
     * not go back; the next blocks are mined at the current height again.
     */
    public void reorg(final int depth, final boolean reappear) {
        reorg(depth, reappear ? 1.0 : 0.0);
    }

    /** Removes the last {@code depth} blocks; each of their transactions reappears or not, as the seed decides. */
    public void reorg(final int depth) {
        reorg(depth, 0.5);
    }

    private void reorg(final int depth, final double reappearChance) {
        if (depth < 0 || depth > blocks.size()) {
            throw new IllegalArgumentException("depth=" + depth + " height=" + blocks.size());
        }
        final List<List<SimTransaction>> removed = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            removed.add(0, blocks.remove(blocks.size() - 1));
            blockHashes.remove(blockHashes.size() - 1);
        }
        final List<SimTransaction> back = new ArrayList<>();
        for (final List<SimTransaction> block : removed) {
            for (final SimTransaction tx : block) {
                tx.minedHeight = IncomingTransfer.UNMINED;
                tx.failed = false;
                if (reappearChance >= 1.0 || reappearChance > 0 && random.nextDouble() < reappearChance) {
                    tx.reorgedOut = true;
                    back.add(tx);
                } else {
                    tx.droppedReason = "reorged out and replaced by a conflicting transaction";
                }
            }
        }
        // The removed blocks' transactions are older than anything in the mempool: they go first, in chain order.
        mempool.addAll(0, back);
    }

    /** An outside payment of {@code amount} to {@code address}, waiting in the mempool; returns its txId. */
    public String receive(final String address, final long amount) {
        return receive(List.of(address), List.of(amount));
    }

    /** An outside payment with one output per address (some may be ours); returns its txId. */
    public String receive(final List<String> addresses, final List<Long> amounts) {
        if (addresses.isEmpty() || addresses.size() != amounts.size()) {
            throw new IllegalArgumentException("addresses=" + addresses.size() + " amounts=" + amounts.size());
        }
        for (final long amount : amounts) {
            if (amount <= 0) {
                throw new IllegalArgumentException("amount=" + amount);
            }
        }
        return submit(SimTransaction.NO_WITHDRAWAL, addresses, amounts, 0).txId;
    }

    /** A well-formed address that is not ours, as a withdrawal's destination. */
    public String externalAddress() {
        return newAddress();
    }

    public void stick(final String txId) {
        transaction(txId).stuck = true;
    }

    public void unstick(final String txId) {
        transaction(txId).stuck = false;
    }

    /** When mined, the transaction fails: it is in the block, spent its fee, and moved no value. */
    public void failOnMining(final String txId) {
        transaction(txId).failOnMining = true;
    }

    /** Evicts an unmined transaction for good. */
    public void drop(final String txId) {
        final SimTransaction tx = transaction(txId);
        if (tx.mined()) {
            throw new IllegalStateException("txId=" + txId + " is mined; only a reorg removes it");
        }
        tx.droppedReason = "evicted from the mempool";
        mempool.remove(tx);
    }

    public void goDown(final String reason) {
        downReason = reason;
    }

    public void comeUp() {
        downReason = null;
    }

    /** The next {@code count} broadcasts are sent but answered with an outage. */
    public void loseNextBroadcastAnswers(final int count) {
        answersToLose = count;
    }

    // ---- what tests read ----

    /** Simulated time: {@code blockTimeMs} per block mined. */
    public long nowMs() {
        return nowMs;
    }

    public long blockTimeMs() {
        return blockTimeMs;
    }

    /** How many times {@link #broadcast} was called, answered or not. */
    public long broadcastCalls() {
        return broadcastCalls;
    }

    /** The tip's height, also while the chain is down (the test's view, not the adapter's). */
    public long tipHeight() {
        return blocks.size();
    }

    /** How many calls an outage refused: what a caller's backoff keeps low. */
    public long refusedCalls() {
        return refusedCalls;
    }

    /** How many distinct withdrawal transactions exist on this chain (at most one per withdrawal id). */
    public int withdrawalTransactions() {
        return withdrawals.size();
    }

    /** The transaction sent for a withdrawal, or null if none was. */
    public String withdrawalTxId(final long withdrawalId) {
        final SimTransaction tx = withdrawals.get(withdrawalId);
        return tx == null ? null : tx.txId;
    }

    /** Confirmations of any transaction on this chain, up or down (0 when unmined or gone). */
    public long confirmations(final String txId) {
        final SimTransaction tx = transaction(txId);
        return tx.mined() ? blocks.size() - tx.minedHeight + 1 : 0;
    }

    // ---- the adapter ----

    @Override
    public String assetCode() {
        return code;
    }

    @Override
    public String newDepositAddress(final long userId) throws ChainUnavailableException {
        checkUp();
        final String address = newAddress();
        ourAddresses.put(address, userId);
        return address;
    }

    @Override
    public long height() throws ChainUnavailableException {
        checkUp();
        return blocks.size();
    }

    @Override
    public List<IncomingTransfer> incomingSince(final long heightExclusive) throws ChainUnavailableException {
        checkUp();
        final List<IncomingTransfer> transfers = new ArrayList<>();
        for (int index = (int) Math.max(0, heightExclusive); index < blocks.size(); index++) {
            for (final SimTransaction tx : blocks.get(index)) {
                // A failed transaction moved no value: it pays nobody, whatever its outputs say.
                if (!tx.failed) {
                    addOurs(tx, transfers);
                }
            }
        }
        for (final SimTransaction tx : mempool) {
            addOurs(tx, transfers);
        }
        return transfers;
    }

    @Override
    public SentTransaction broadcast(final long withdrawalId, final String address, final long amount,
        final long fee)
        throws ChainUnavailableException, ChainRejectedException {
        checkUp();
        broadcastCalls++;
        final SimTransaction sent = withdrawals.get(withdrawalId);
        if (sent != null) {
            return new SentTransaction(sent.txId, sent.fee);
        }
        if (!wellFormed(address)) {
            throw new ChainRejectedException("invalid address " + address);
        }
        if (amount <= 0 || fee < 0) {
            throw new ChainRejectedException("amount=" + amount + " fee=" + fee);
        }
        final SimTransaction tx = submit(withdrawalId, List.of(address), List.of(amount), fee);
        withdrawals.put(withdrawalId, tx);
        if (answersToLose > 0) {
            answersToLose--;
            throw new ChainUnavailableException(code, "connection reset after the transaction was sent");
        }
        return new SentTransaction(tx.txId, tx.fee);
    }

    @Override
    public TxStatus status(final String txId) throws ChainUnavailableException {
        checkUp();
        final SimTransaction tx = transaction(txId);
        if (tx.dropped()) {
            return TxStatus.dropped(tx.droppedReason);
        }
        if (tx.failed) {
            return TxStatus.failed("execution reverted");
        }
        if (tx.mined()) {
            return TxStatus.mined(blocks.size() - tx.minedHeight + 1);
        }
        return tx.reorgedOut ? TxStatus.reorgedOut() : TxStatus.pending();
    }

    @Override
    public long estimateFee() throws ChainUnavailableException {
        checkUp();
        return feeBase * (1 + mempool.size() / CONGESTION_STEP);
    }

    @Override
    public ChainHealth health() {
        return downReason == null ? ChainHealth.healthy() : ChainHealth.down(downReason);
    }

    // ---- inside ----

    private void checkUp() throws ChainUnavailableException {
        if (downReason != null) {
            refusedCalls++;
            throw new ChainUnavailableException(code, downReason);
        }
    }

    private SimTransaction submit(final long withdrawalId, final List<String> addresses, final List<Long> amounts,
        final long fee) {
        if (transactions.size() >= TRANSACTIONS_MAX) {
            throw new IllegalStateException("transactions=" + transactions.size() + " max=" + TRANSACTIONS_MAX);
        }
        String txId = randomHex(32);
        while (transactions.containsKey(txId)) {
            txId = randomHex(32);
        }
        final SimTransaction tx = new SimTransaction(txId, withdrawalId, addresses, amounts, fee);
        transactions.put(txId, tx);
        mempool.add(tx);
        return tx;
    }

    private void addOurs(final SimTransaction tx, final List<IncomingTransfer> transfers) {
        if (tx.dropped()) {
            return;
        }
        final long confirmations = tx.mined() ? blocks.size() - tx.minedHeight + 1 : 0;
        final String blockHash = tx.mined() ? blockHashes.get((int) tx.minedHeight - 1) : "";
        for (int i = 0; i < tx.addresses.size(); i++) {
            final Long userId = ourAddresses.get(tx.addresses.get(i));
            if (userId != null) {
                transfers.add(new IncomingTransfer(tx.txId, i, tx.addresses.get(i), userId, tx.amounts.get(i),
                    tx.minedHeight, blockHash, confirmations));
            }
        }
    }

    private SimTransaction transaction(final String txId) {
        final SimTransaction tx = transactions.get(txId);
        if (tx == null) {
            throw new IllegalArgumentException("unknown txId=" + txId + " chain=" + code);
        }
        return tx;
    }

    private String newAddress() {
        return addressPrefix + randomHex(20);
    }

    private boolean wellFormed(final String address) {
        return address != null && address.length() == addressPrefix.length() + 20
            && address.startsWith(addressPrefix)
            && address.substring(addressPrefix.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private String randomHex(final int length) {
        final StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
