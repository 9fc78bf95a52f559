package org.candor.engine;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * The double-entry ledger. Every change of money is a movement of an amount from one account to another, emitted as
 * a ledger entry, so the sum over all accounts of an asset never changes from zero. A user account is a (user,
 * asset) pair with four buckets; each asset also has a CUSTODY account (the mirror of what is held outside the
 * ledger, so it runs negative) and a FEES account.
 *
 * <p>Callers check funds before moving them; a debit that would take a user bucket below zero is therefore a bug,
 * and the ledger stops the engine rather than let it happen.
 */
final class Ledger {
    static final int NONE = -1;
    /**
     * The most of one asset the ledger may hold in total: 2^62 minor units. Deposits are the only way money enters,
     * and they are refused beyond it, so no balance, sum of balances or fee computation can overflow a long.
     */
    static final long AMOUNT_MAX = 1L << 62;
    private static final int INITIAL_ACCOUNTS = 1024;
    private static final int BUCKETS = Bucket.USER_BUCKETS;

    private final int accountsMax;
    private final Users users;
    private final Emitter emitter;
    private final Digest digest;
    private final Long2LongHashMap accountByKey;
    private long[] balances = new long[INITIAL_ACCOUNTS * BUCKETS];
    private int[] userSlotOf = new int[INITIAL_ACCOUNTS];
    private int[] assetOf = new int[INITIAL_ACCOUNTS];
    private int count;
    private final long[] custody;
    private final long[] fees;

    Ledger(final int accountsMax, final int assetsMax, final Users users, final Emitter emitter,
        final Digest digest) {
        this.accountsMax = accountsMax;
        this.users = users;
        this.emitter = emitter;
        this.digest = digest;
        this.accountByKey = new Long2LongHashMap(INITIAL_ACCOUNTS, 0.65f, NONE);
        this.custody = new long[assetsMax];
        this.fees = new long[assetsMax];
    }

    int count() {
        return count;
    }

    boolean isFull() {
        return count >= accountsMax;
    }

    int find(final int userSlot, final int assetId) {
        return (int) accountByKey.get(key(userSlot, assetId));
    }

    /** The account of a user in an asset, created empty on first use; NONE when the ledger is full. */
    int findOrCreate(final int userSlot, final int assetId) {
        final int existing = (int) accountByKey.get(key(userSlot, assetId));
        if (existing != NONE || count >= accountsMax) {
            return existing;
        }
        if (count == userSlotOf.length) {
            final int grown = Math.min(accountsMax, count * 2);
            balances = Arrays.copyOf(balances, grown * BUCKETS);
            userSlotOf = Arrays.copyOf(userSlotOf, grown);
            assetOf = Arrays.copyOf(assetOf, grown);
        }
        final int account = count++;
        userSlotOf[account] = userSlot;
        assetOf[account] = assetId;
        accountByKey.put(key(userSlot, assetId), account);
        return account;
    }

    int userSlotOf(final int account) {
        return userSlotOf[account];
    }

    int assetOf(final int account) {
        return assetOf[account];
    }

    long balance(final int account, final Bucket bucket) {
        return balances[account * BUCKETS + bucket.code()];
    }

    /** The user's whole balance in the account: the sum of its four buckets, at most {@link #AMOUNT_MAX}. */
    long total(final int account) {
        long sum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            sum += balances[account * BUCKETS + b];
        }
        return sum;
    }

    long custody(final int assetId) {
        return custody[assetId];
    }

    long fees(final int assetId) {
        return fees[assetId];
    }

    /** Whether crediting {@code amount} of new money from custody stays within {@link #AMOUNT_MAX}. */
    boolean canMint(final int assetId, final long amount) {
        return amount <= AMOUNT_MAX + custody[assetId];
    }

    /** Moves between two buckets of one account, e.g. available to in-orders when an order rests. */
    void move(final int account, final Bucket from, final Bucket to, final long amount, final LedgerCause cause,
        final long reference) {
        if (amount == 0) {
            return;
        }
        debit(account, from, amount);
        credit(account, to, amount);
        final long userId = users.idOf(userSlotOf[account]);
        emitter.ledgerEntry(assetOf[account], userId, from, userId, to, amount, cause, reference);
    }

    /** Moves between two users' accounts in the same asset: the settlement leg of a trade. */
    void transfer(final int fromAccount, final Bucket from, final int toAccount, final Bucket to, final long amount,
        final LedgerCause cause, final long reference) {
        if (amount == 0) {
            return;
        }
        if (assetOf[fromAccount] != assetOf[toAccount]) {
            throw new InvariantViolation("transfer across assets from=" + fromAccount + " to=" + toAccount);
        }
        debit(fromAccount, from, amount);
        credit(toAccount, to, amount);
        emitter.ledgerEntry(assetOf[fromAccount], users.idOf(userSlotOf[fromAccount]), from,
            users.idOf(userSlotOf[toAccount]), to, amount, cause, reference);
    }

    /** New money arrives from outside: custody runs further negative, the user is credited. */
    void fromCustody(final int account, final Bucket to, final long amount, final LedgerCause cause,
        final long reference) {
        final int assetId = assetOf[account];
        requirePositive(amount);
        setSystem(custody, assetId, Bucket.CUSTODY, custody[assetId] - amount);
        credit(account, to, amount);
        emitter.ledgerEntry(assetId, Engine.SYSTEM_USER_ID, Bucket.CUSTODY, users.idOf(userSlotOf[account]), to,
            amount, cause, reference);
    }

    /** Money leaves the ledger: the user is debited and custody's mirror shrinks. */
    void toCustody(final int account, final Bucket from, final long amount, final LedgerCause cause,
        final long reference) {
        final int assetId = assetOf[account];
        requirePositive(amount);
        debit(account, from, amount);
        setSystem(custody, assetId, Bucket.CUSTODY, custody[assetId] + amount);
        emitter.ledgerEntry(assetId, users.idOf(userSlotOf[account]), from, Engine.SYSTEM_USER_ID, Bucket.CUSTODY,
            amount, cause, reference);
    }

    /** A trading fee: from the bucket the user just received into, to the asset's fee account. */
    void toFees(final int account, final Bucket from, final long amount, final long reference) {
        if (amount == 0) {
            return;
        }
        final int assetId = assetOf[account];
        debit(account, from, amount);
        setSystem(fees, assetId, Bucket.FEES, fees[assetId] + amount);
        emitter.ledgerEntry(assetId, users.idOf(userSlotOf[account]), from, Engine.SYSTEM_USER_ID, Bucket.FEES,
            amount, LedgerCause.TRADE_FEE, reference);
    }

    private void debit(final int account, final Bucket bucket, final long amount) {
        requirePositive(amount);
        final int index = account * BUCKETS + bucket.code();
        final long before = balances[index];
        if (before < amount) {
            throw new InvariantViolation("debit below zero account=" + account + " bucket=" + bucket
                + " balance=" + before + " amount=" + amount);
        }
        setUser(account, bucket, index, before - amount);
    }

    private void credit(final int account, final Bucket bucket, final long amount) {
        final int index = account * BUCKETS + bucket.code();
        setUser(account, bucket, index, balances[index] + amount);
    }

    private void setUser(final int account, final Bucket bucket, final int index, final long after) {
        final long userId = users.idOf(userSlotOf[account]);
        final int assetId = assetOf[account];
        digest.replace(hash(userId, assetId, bucket, balances[index]), hash(userId, assetId, bucket, after));
        balances[index] = after;
    }

    private void setSystem(final long[] accounts, final int assetId, final Bucket bucket, final long after) {
        digest.replace(hash(Engine.SYSTEM_USER_ID, assetId, bucket, accounts[assetId]),
            hash(Engine.SYSTEM_USER_ID, assetId, bucket, after));
        accounts[assetId] = after;
    }

    private static void requirePositive(final long amount) {
        if (amount <= 0) {
            throw new InvariantViolation("ledger movement of non-positive amount=" + amount);
        }
    }

    private static long key(final int userSlot, final int assetId) {
        return ((long) userSlot << 16) | assetId;
    }

    /** Zero balances hash to zero, so accounts created empty need no digest entry. */
    static long hash(final long userId, final int assetId, final Bucket bucket, final long balance) {
        return balance == 0 ? 0 : Digest.hash(1, userId, assetId, bucket.code(), balance, 0);
    }

    /** Restores balances verbatim from a snapshot; the caller recomputes the digest afterwards. */
    void restoreBalance(final int account, final Bucket bucket, final long balance) {
        balances[account * BUCKETS + bucket.code()] = balance;
    }

    void restoreSystem(final int assetId, final long custodyBalance, final long feesBalance) {
        custody[assetId] = custodyBalance;
        fees[assetId] = feesBalance;
    }
}
