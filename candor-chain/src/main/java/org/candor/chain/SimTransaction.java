package org.candor.chain;

import java.util.List;

/**
 * One transaction inside {@link SimulatedChain}: either an incoming payment from the outside world (outputs to any
 * addresses, some of them ours) or one of our withdrawals. Mutable, and only the chain touches it.
 */
final class SimTransaction {
    static final long NO_WITHDRAWAL = -1;

    final String txId;
    final long withdrawalId;
    final List<String> addresses;
    final List<Long> amounts;
    final long fee;
    long minedHeight = IncomingTransfer.UNMINED;
    boolean stuck;
    boolean failOnMining;
    boolean failed;
    boolean reorgedOut;
    String droppedReason;

    SimTransaction(final String txId, final long withdrawalId, final List<String> addresses,
        final List<Long> amounts, final long fee) {
        this.txId = txId;
        this.withdrawalId = withdrawalId;
        this.addresses = List.copyOf(addresses);
        this.amounts = List.copyOf(amounts);
        this.fee = fee;
    }

    boolean mined() {
        return minedHeight != IncomingTransfer.UNMINED;
    }

    boolean dropped() {
        return droppedReason != null;
    }

    boolean mineable() {
        return !mined() && !dropped() && !stuck;
    }
}
