package org.candor.engine;

/**
 * Why the engine refused a command. A rejection is a value, never an exception, and a rejected command changes
 * nothing but the command-id memory. The numeric codes are stable: they are written to the journal and mapped to
 * API error codes at the edge, so a code is never reused or renumbered.
 */
public enum RejectReason {
    NONE(0),

    UNKNOWN_USER(1),
    UNKNOWN_ASSET(2),
    UNKNOWN_MARKET(3),
    /** The order does not exist, is no longer open, or belongs to another user (which is not revealed). */
    UNKNOWN_ORDER(4),
    UNKNOWN_WITHDRAWAL(5),
    UNKNOWN_HOLD(6),
    UNKNOWN_MASS_ACTION(7),

    USER_EXISTS(10),
    ASSET_EXISTS(11),
    MARKET_EXISTS(12),
    MASS_ACTION_EXISTS(13),

    /** An argument is out of its domain: a non-positive amount, an id out of range, an unknown enum code. */
    INVALID_ARGUMENT(20),
    INVALID_ASSET_SCALE(21),
    /** Tick, lot and scales do not give an exact integer price of one tick on one lot, or limits are inconsistent. */
    INVALID_MARKET_SPEC(22),
    INVALID_FEE(23),

    /** Available balance is smaller than the amount the command needs. */
    INSUFFICIENT_FUNDS(30),
    /** The credit would push a balance past the engine's amount limit. */
    BALANCE_OVERFLOW(31),

    MARKET_HALTED(40),
    PRICE_NOT_ON_TICK(41),
    QUANTITY_NOT_ON_LOT(42),
    QUANTITY_TOO_SMALL(43),
    QUANTITY_TOO_LARGE(44),
    NOTIONAL_TOO_SMALL(45),
    /** Price times quantity does not fit the engine's amount limit. */
    NOTIONAL_OVERFLOW(46),
    INVALID_PRICE(47),
    POST_ONLY_WOULD_TAKE(48),
    DUPLICATE_CLIENT_ORDER_ID(49),
    INVALID_TIME_IN_FORCE(50),
    /** A move to the price the order already has. */
    PRICE_UNCHANGED(51),

    /** The hold names a mass action that a second operator has not approved. */
    MASS_ACTION_NOT_APPROVED(55),
    /** The mass action has already restricted as many accounts as its proposal allowed. */
    MASS_ACTION_EXHAUSTED(56),
    /** The mass action was approved already; approval happens once. */
    MASS_ACTION_ALREADY_APPROVED(57),

    /** A hold's public explanation or a justification is blank, too long, has control characters or bad UTF-16. */
    HOLD_EXPLANATION_INVALID(60),
    /** A review deadline that is not after the command's time or lies further ahead than the rules allow. */
    HOLD_DEADLINE_INVALID(61),
    /** Operational-incident holds must release automatically at their deadline. */
    HOLD_RELEASE_CONDITION_INVALID(62),
    /** Four eyes: the operator who placed a hold or proposed a mass action may not approve it. */
    SELF_APPROVAL(63),
    /** Approval or rejection of a hold that is not waiting for approval. */
    HOLD_NOT_PENDING(64),
    /** Release or renewal of a hold that is not in force (ACTIVE or ESCALATED). */
    HOLD_NOT_IN_FORCE(65),
    /** The account is debit-blocked; the result's reference is the id of the blocking hold. */
    ACCOUNT_BLOCKED(66),
    /** The hold would restrict more accounts or more of an asset in the window than the blast-radius policy allows. */
    BLAST_RADIUS_EXCEEDED(67),

    USERS_CAPACITY_REACHED(70),
    ASSETS_CAPACITY_REACHED(71),
    MARKETS_CAPACITY_REACHED(72),
    ACCOUNTS_CAPACITY_REACHED(73),
    ORDERS_CAPACITY_REACHED(74),
    USER_ORDERS_CAPACITY_REACHED(75),
    MARKET_ORDERS_CAPACITY_REACHED(76),
    WITHDRAWALS_CAPACITY_REACHED(77),
    HOLDS_CAPACITY_REACHED(78),
    CLIENTS_CAPACITY_REACHED(79),
    MASS_ACTIONS_CAPACITY_REACHED(80),

    /** The command id is not above the client's last one and is no longer (or never was) remembered. */
    STALE_COMMAND_ID(90),

    /** Withdrawals of the asset are paused by an operator; the result's reference is the pause reason code. */
    WITHDRAWALS_PAUSED(100),
    /** The address id is not on the user's allow-list for that asset (addresses are never added implicitly). */
    ADDRESS_NOT_ON_ALLOW_LIST(101),
    /** The address is on the allow-list but its time lock has not passed; the reference is when it will have. */
    ADDRESS_TIME_LOCKED(102),
    /** The amount would pass a rolling 24-hour limit; the reference is the {@link PolicyKind} code of the limit. */
    WITHDRAWAL_VELOCITY_LIMIT(103),
    /** Approval or rejection of a withdrawal that is not waiting for approval. */
    WITHDRAWAL_NOT_AWAITING_APPROVAL(104),
    /**
     * A claim for sending of a withdrawal that is neither REQUESTED nor APPROVED (it awaits approval or is already
     * broadcast); or a failure reported while it awaits approval.
     */
    WITHDRAWAL_NOT_READY_FOR_BROADCAST(105),
    /** Confirmation of a withdrawal whose transaction was never broadcast. */
    WITHDRAWAL_NOT_BROADCAST(106),
    /** Cancellation of a withdrawal whose transaction is already broadcast: only the chain decides now. */
    WITHDRAWAL_ALREADY_BROADCAST(107),
    /** An address or transaction reference that is empty, too long or not printable ASCII. */
    WITHDRAWAL_TEXT_INVALID(108),
    /** The user already has this address for this asset on the allow-list. */
    WITHDRAWAL_ADDRESS_EXISTS(109),
    /** The user has the most addresses allowed, or the engine holds the most addresses it can. */
    WITHDRAWAL_ADDRESSES_CAPACITY_REACHED(110),
    /** Resuming withdrawals of an asset that is not paused. */
    WITHDRAWALS_NOT_PAUSED(111),
    /** The address id is unknown or not the user's. */
    UNKNOWN_WITHDRAWAL_ADDRESS(112),
    /** The rolling velocity window tracks the most accounts it can; older entries must age out first. */
    VELOCITY_WINDOW_CAPACITY_REACHED(113),
    /**
     * The withdrawal is already being sent on chain (SENDING: the chain edge claimed it and may have broadcast it):
     * its owner can no longer cancel it, an operator can no longer reject it, and it cannot be claimed again.
     */
    WITHDRAWAL_SENDING(114),
    /** A broadcast recorded for a withdrawal the chain edge has not claimed for sending (not SENDING). */
    WITHDRAWAL_NOT_SENDING(115),
    /**
     * The deposit reference was credited before for this asset (among the asset's recent references, see
     * {@link EngineCapacity#DEPOSIT_REFS_PER_ASSET}): the deposit is not credited again. The result's reference is
     * the deposit reference, so the chain edge can mark that deposit as credited.
     */
    DEPOSIT_ALREADY_CREDITED(116),

    /** No pending policy change has the id (never proposed, approved already, or expired). */
    UNKNOWN_POLICY_CHANGE(120),
    /** As many policy changes are pending as the engine keeps. */
    POLICY_CHANGES_CAPACITY_REACHED(121),
    /** The mass action was approved but not used up within its window, and expired. */
    MASS_ACTION_EXPIRED(122);

    private static final RejectReason[] BY_CODE = new RejectReason[255];

    static {
        for (final RejectReason reason : values()) {
            if (BY_CODE[reason.code] != null) {
                throw new ExceptionInInitializerError("duplicate reject code " + reason.code);
            }
            BY_CODE[reason.code] = reason;
        }
    }

    private final int code;

    RejectReason(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isReject() {
        return this != NONE;
    }

    /**
     * Whether a rejection for this reason names its cause in the result's reference (the blocking hold, the
     * pause reason, when the time lock ends, the limit, the deposit already credited); every other rejection carries
     * 0.
     */
    public boolean namesCause() {
        return this == ACCOUNT_BLOCKED || this == WITHDRAWALS_PAUSED || this == ADDRESS_TIME_LOCKED
            || this == WITHDRAWAL_VELOCITY_LIMIT || this == DEPOSIT_ALREADY_CREDITED;
    }

    public static RejectReason fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
