package org.candor.chain;

/**
 * Where one in-flight withdrawal stands, for operators and a user interface.
 *
 * @param withdrawal what was approved
 * @param txId its transaction, or null until broadcast
 * @param fee the fee it was sent with, or -1 until one was estimated
 * @param broadcastAtMs when it was first sent, or -1
 * @param confirmations its confirmations at the last look
 * @param stuck whether it was reported stuck
 */
public record WithdrawalView(ApprovedWithdrawal withdrawal, String txId, long fee, long broadcastAtMs,
                             long confirmations, boolean stuck) {
}
