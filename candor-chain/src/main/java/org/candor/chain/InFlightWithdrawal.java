package org.candor.chain;

/** The processor's mutable record of one withdrawal between approval and its final report: claim, send, track. */
final class InFlightWithdrawal {
    static final long UNKNOWN = -1;

    final ApprovedWithdrawal withdrawal;
    long fee = UNKNOWN;
    String txId;
    long broadcastAtMs = UNKNOWN;
    long confirmations;
    boolean stuckReported;
    /** Whether the engine applied the claim (SENDING): only then may the transaction be broadcast. */
    boolean claimed;
    /** When the claim was last asked for, or {@link #UNKNOWN} before the first time. */
    long claimAskedAtMs = UNKNOWN;

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
