package org.candor.notifications;

import org.candor.engine.WithdrawalFailure;
import org.candor.engine.WithdrawalPauseReason;
import org.candor.engine.WithdrawalState;

/**
 * The words of every withdrawal, allow-list and pause notification: which withdrawal, how much of what, to which
 * address, what happens next, and where the money is.
 */
final class WithdrawalMessages {
    private WithdrawalMessages() {
    }

    static Notification requested(final long seq, final Memory memory, final Memory.Withdrawal w,
        final WithdrawalState state) {
        if (state == WithdrawalState.AWAITING_APPROVAL) {
            return notice(seq, memory, w, NotificationKind.WITHDRAWAL_AWAITING_APPROVAL,
                "Withdrawal of " + money(memory, w) + " awaits approval",
                "Your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w) + " is above the amount "
                    + "sent without review, so an operator must approve it before it is sent. The amount is set aside"
                    + " meanwhile, and you can cancel the withdrawal until it is sent.");
        }
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_REQUESTED,
            "Withdrawal of " + money(memory, w) + " requested",
            "Your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w) + " was accepted and is next "
                + "to be sent to the network. The amount is set aside until then, and you can cancel the withdrawal "
                + "until it is sent.");
    }

    static Notification approved(final long seq, final Memory memory, final Memory.Withdrawal w) {
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_APPROVED,
            "Withdrawal of " + money(memory, w) + " approved",
            "An operator approved your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w)
                + "; it is next to be sent to the network.");
    }

    static Notification rejected(final long seq, final Memory memory, final Memory.Withdrawal w,
        final String justification) {
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_REJECTED,
            "Withdrawal of " + money(memory, w) + " rejected",
            "An operator rejected your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w)
                + ". Reason given: " + sentence(justification) + " The " + money(memory, w) + " is available in "
                + "your balance again.");
    }

    static Notification broadcast(final long seq, final Memory memory, final Memory.Withdrawal w, final long fee) {
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_BROADCAST,
            "Withdrawal of " + money(memory, w) + " sent",
            "Your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w) + " was sent to the network"
                + " in transaction " + w.txRef() + "; a network fee of " + memory.money(w.assetId(), fee)
                + " is taken from the amount. It can no longer be cancelled, and it is complete once the network "
                + "confirms it.");
    }

    static Notification failed(final long seq, final Memory memory, final Memory.Withdrawal w,
        final WithdrawalFailure reason) {
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_FAILED,
            "Withdrawal of " + money(memory, w) + " failed",
            "Your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w) + " failed: "
                + failure(reason) + " The " + money(memory, w) + " is available in your balance again.");
    }

    /** The end of a withdrawal whose cause no earlier event explained. */
    static Notification ended(final long seq, final Memory memory, final Memory.Withdrawal w,
        final WithdrawalState state) {
        final String money = money(memory, w);
        final String id = "Your withdrawal #" + w.withdrawalId() + " of " + money + to(w);
        if (state == WithdrawalState.CONFIRMED) {
            return notice(seq, memory, w, NotificationKind.WITHDRAWAL_CONFIRMED, "Withdrawal of " + money
                + " completed", id + " is complete: the network confirmed it"
                + (w.txRef() == null ? "." : " (transaction " + w.txRef() + ")."));
        }
        if (state == WithdrawalState.CANCELLED) {
            return notice(seq, memory, w, NotificationKind.WITHDRAWAL_CANCELLED, "Withdrawal of " + money
                + " cancelled", id + " was cancelled. The " + money + " is available in your balance again.");
        }
        if (state == WithdrawalState.REJECTED) {
            return notice(seq, memory, w, NotificationKind.WITHDRAWAL_REJECTED, "Withdrawal of " + money
                + " rejected", id + " was rejected. The " + money + " is available in your balance again.");
        }
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_FAILED, "Withdrawal of " + money + " failed",
            id + " did not complete. The " + money + " is available in your balance again.");
    }

    static Notification delayed(final long seq, final Memory memory, final Memory.Withdrawal w,
        final WithdrawalState state, final long deadlineMs) {
        return notice(seq, memory, w, NotificationKind.WITHDRAWAL_DELAYED,
            "Withdrawal of " + money(memory, w) + " is delayed",
            "Your withdrawal #" + w.withdrawalId() + " of " + money(memory, w) + to(w) + " has been "
                + stateWords(state) + " for longer than it should: it was expected to move on by "
                + Wording.time(deadlineMs) + ". Operators have been alerted and are looking at it. The amount stays"
                + " set aside for it" + (state.isCancellable() ? ", and you can still cancel it." : "."));
    }

    static Notification addressAdded(final long seq, final Memory memory, final long userId, final int assetId,
        final long addressId, final String address, final long usableFromMs) {
        final String code = memory.asset(assetId).code();
        return new Notification(seq, userId, 0, NotificationKind.WITHDRAWAL_ADDRESS_ADDED,
            "New " + code + " withdrawal address added",
            "The address " + address + " was added to your " + code + " withdrawal allow-list (address #" + addressId
                + "). Withdrawals can go to it from " + Wording.time(usableFromMs) + ". If you did not add it, "
                + "remove it now and contact support.", 0, 0, memory.code(assetId), null);
    }

    static Notification addressRemoved(final long seq, final Memory memory, final long userId,
        final long addressId, final Memory.Address known) {
        final String code = known == null ? null : memory.asset(known.assetId()).code();
        return new Notification(seq, userId, 0, NotificationKind.WITHDRAWAL_ADDRESS_REMOVED,
            "Withdrawal address removed",
            (known == null ? "Address #" + addressId : "The address " + known.address()) + " was removed from your "
                + (code == null ? "" : code + " ") + "withdrawal allow-list. Withdrawals already requested to it "
                + "continue.", 0, 0, known == null ? null : memory.code(known.assetId()), null);
    }

    static Notification paused(final long seq, final Memory memory, final int assetId,
        final WithdrawalPauseReason reason, final String explanation) {
        final String code = memory.asset(assetId).code();
        return new Notification(seq, Notification.EVERYONE, 0, NotificationKind.WITHDRAWALS_PAUSED,
            code + " withdrawals are paused",
            "New " + code + " withdrawals are refused until they resume (reason: " + Wording.words(reason) + "). "
                + sentence(explanation) + " Balances are not affected, and you will be told when withdrawals resume.",
            0, 0, memory.code(assetId), null);
    }

    static Notification resumed(final long seq, final Memory memory, final int assetId) {
        final String code = memory.asset(assetId).code();
        return new Notification(seq, Notification.EVERYONE, 0, NotificationKind.WITHDRAWALS_RESUMED,
            code + " withdrawals have resumed", "You can request " + code + " withdrawals again.", 0, 0,
            memory.code(assetId), null);
    }

    private static String failure(final WithdrawalFailure reason) {
        if (reason == null) {
            return "the transaction could not be completed.";
        }
        return switch (reason) {
            case BROADCAST_FAILED -> "the network refused the transaction.";
            case DROPPED -> "the network dropped the transaction before it was confirmed.";
            case REVERTED -> "the transaction was reverted on the chain.";
            case DESTINATION_INVALID -> "the destination address is not valid; check it before trying again.";
            default -> "the transaction could not be completed.";
        };
    }

    /** What a withdrawal waits for in a state, for the delay notice; a state added later reads by its name. */
    private static String stateWords(final WithdrawalState state) {
        return switch (state) {
            case REQUESTED -> "waiting to be sent";
            case AWAITING_APPROVAL -> "waiting for an operator's approval";
            case APPROVED -> "approved and waiting to be sent";
            case SENDING -> "in the middle of being sent on its network";
            case BROADCAST -> "sent and waiting for the network to confirm it";
            default -> Wording.words(state);
        };
    }

    private static String money(final Memory memory, final Memory.Withdrawal w) {
        return memory.money(w.assetId(), w.amount());
    }

    private static String to(final Memory.Withdrawal w) {
        return w.address() == null ? "" : " to " + w.address();
    }

    /** Operator text as a sentence: trimmed, ending with a full stop. */
    private static String sentence(final String text) {
        final String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return "(none given).";
        }
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static Notification notice(final long seq, final Memory memory, final Memory.Withdrawal w,
        final NotificationKind kind, final String title, final String body) {
        return new Notification(seq, w.userId(), 0, kind, title, body, 0, w.withdrawalId(), memory.code(w.assetId()),
            null);
    }
}
