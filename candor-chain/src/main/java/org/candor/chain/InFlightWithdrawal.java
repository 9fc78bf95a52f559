package org.candor.chain;

/** The processor's mutable record of one withdrawal between approval and its final report. */
final class InFlightWithdrawal {
    static final long UNKNOWN = -1;

    final ApprovedWithdrawal withdrawal;
    long fee = UNKNOWN;
    String txId;
    long broadcastAtMs = UNKNOWN;
    long confirmations;
    boolean stuckReported;

    InFlightWithdrawal(final ApprovedWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    boolean broadcast() {
        return txId != null;
    }

    WithdrawalView view() {
        return new WithdrawalView(withdrawal, txId, fee, broadcastAtMs, confirmations, stuckReported);
    }
}
