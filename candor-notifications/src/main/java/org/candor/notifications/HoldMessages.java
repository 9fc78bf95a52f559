package org.candor.notifications;

import org.candor.engine.HoldKind;
import org.candor.engine.HoldPolicy;
import org.candor.engine.HoldReason;
import org.candor.engine.ReleaseCondition;

/**
 * The words of every hold notification. Each names the hold, its amount (or that it blocks the account), the
 * reason, the public explanation and what happens at the review deadline. Operators' justifications (of a renewal
 * or a turned-down hold) are the operators' record, not the user's explanation, and are not repeated here.
 */
final class HoldMessages {
    private HoldMessages() {
    }

    static Notification placed(final long seq, final Memory memory, final Memory.Hold hold, final boolean pending) {
        final boolean block = hold.kind() == HoldKind.ACCOUNT_BLOCK;
        final String what = subject(memory, hold);
        if (pending) {
            return notice(seq, memory, hold,
                block ? NotificationKind.ACCOUNT_BLOCK_PENDING_APPROVAL : NotificationKind.HOLD_PENDING_APPROVAL,
                block ? "A block of your account is awaiting approval"
                    : "A hold on " + what + " is awaiting approval",
                "An operator has proposed " + (block ? "blocking your account" : "putting " + what
                    + " of your balance on hold") + " (hold #" + hold.holdId() + "). " + grounds(hold)
                    + " Nothing is restricted unless a second operator approves it; if no one does by "
                    + Wording.time(hold.reviewDeadlineMs()) + ", it lapses.");
        }
        return inForce(seq, memory, hold, false);
    }

    static Notification approved(final long seq, final Memory memory, final Memory.Hold hold) {
        return inForce(seq, memory, hold, true);
    }

    /** A hold now in force, placed so or just approved by a second operator. */
    private static Notification inForce(final long seq, final Memory memory, final Memory.Hold hold,
        final boolean approved) {
        final String lead = approved ? "A second operator approved hold #" + hold.holdId() + ", so " : "";
        if (hold.kind() == HoldKind.ACCOUNT_BLOCK) {
            return notice(seq, memory, hold, NotificationKind.ACCOUNT_BLOCKED, "Your account is blocked",
                (approved ? lead + "your account is now blocked" : "An operator has blocked your account (hold #"
                    + hold.holdId() + ")") + ": new orders, order changes and withdrawals are refused while the "
                    + "block is in force; you can still cancel orders. " + grounds(hold) + " " + review(hold));
        }
        final String what = subject(memory, hold);
        return notice(seq, memory, hold, approved ? NotificationKind.HOLD_APPROVED : NotificationKind.HOLD_PLACED,
            what + " of your balance is on hold",
            (approved ? lead + what + " of your balance is now on hold." : "An operator has put " + what
                + " of your balance on hold (hold #" + hold.holdId() + ").") + " " + grounds(hold) + " "
                + review(hold));
    }

    static Notification notApproved(final long seq, final Memory memory, final Memory.Hold hold,
        final boolean automatic) {
        final boolean block = hold.kind() == HoldKind.ACCOUNT_BLOCK;
        return notice(seq, memory, hold, NotificationKind.HOLD_NOT_APPROVED,
            block ? "The proposed block of your account will not be applied"
                : "The proposed hold on " + subject(memory, hold) + " will not be applied",
            (automatic ? "No second operator approved hold #" + hold.holdId() + " before "
                + Wording.time(hold.reviewDeadlineMs()) + ", so it lapsed."
                : "A second operator turned down hold #" + hold.holdId() + ".") + " Nothing was restricted.");
    }

    static Notification released(final long seq, final Memory memory, final Memory.Hold hold,
        final boolean automatic) {
        final String how = automatic ? "ended automatically at its review deadline" : "was released by an operator";
        if (hold.kind() == HoldKind.ACCOUNT_BLOCK) {
            return notice(seq, memory, hold, NotificationKind.ACCOUNT_UNBLOCKED, "Your account is no longer blocked",
                "The block of your account (hold #" + hold.holdId() + ") " + how + ": you can place orders and "
                    + "withdraw again.");
        }
        final String what = subject(memory, hold);
        return notice(seq, memory, hold,
            automatic ? NotificationKind.HOLD_AUTO_RELEASED : NotificationKind.HOLD_RELEASED,
            "The hold on " + what + " has ended",
            "Hold #" + hold.holdId() + " " + how + ": " + what + " is available in your balance again.");
    }

    static Notification escalated(final long seq, final Memory memory, final Memory.Hold hold) {
        return notice(seq, memory, hold, NotificationKind.HOLD_ESCALATED, "The review of "
                + (hold.kind() == HoldKind.ACCOUNT_BLOCK ? "your account block" : "the hold on "
                + subject(memory, hold)) + " is overdue",
            "Hold #" + hold.holdId() + " passed its review deadline, " + Wording.time(hold.reviewDeadlineMs())
                + ", without being released or renewed. It stays in force and has been escalated: an operator must "
                + "now release it or renew it with a new deadline, and you will be told which. " + grounds(hold));
    }

    static Notification renewed(final long seq, final Memory memory, final Memory.Hold hold, final int renewals) {
        return notice(seq, memory, hold, NotificationKind.HOLD_RENEWED, (hold.kind() == HoldKind.ACCOUNT_BLOCK
                ? "The block of your account" : "The hold on " + subject(memory, hold)) + " was renewed",
            "An operator renewed hold #" + hold.holdId() + " (renewal " + renewals + "): it stays in force. "
                + grounds(hold) + " " + review(hold));
    }

    /** What the hold restricts: "0.5 BTC", or "your account" for a block. */
    private static String subject(final Memory memory, final Memory.Hold hold) {
        return hold.kind() == HoldKind.ACCOUNT_BLOCK ? "your account" : memory.money(hold.assetId(), hold.amount());
    }

    /** The reason and the public explanation; a hold withheld by law shows only the law's fixed words. */
    private static String grounds(final Memory.Hold hold) {
        final String explanation = hold.reason() == HoldReason.WITHHELD_BY_LAW
            ? HoldPolicy.WITHHELD_BY_LAW_EXPLANATION : hold.explanation();
        return "Reason: " + Wording.words(hold.reason()) + ". Explanation: " + explanation
            + (explanation.endsWith(".") ? "" : ".");
    }

    private static String review(final Memory.Hold hold) {
        final String deadline = Wording.time(hold.reviewDeadlineMs());
        if (hold.releaseCondition() == ReleaseCondition.AUTO_RELEASE_AT_DEADLINE) {
            return "It ends automatically at its review deadline, " + deadline + ".";
        }
        return "It must be reviewed by " + deadline + "; if it is neither released nor renewed by then, it is "
            + "escalated and you will be told.";
    }

    private static Notification notice(final long seq, final Memory memory, final Memory.Hold hold,
        final NotificationKind kind, final String title, final String body) {
        return new Notification(seq, hold.userId(), 0, kind, title, body, hold.holdId(), 0,
            hold.kind() == HoldKind.ACCOUNT_BLOCK ? null : memory.code(hold.assetId()), null);
    }
}
