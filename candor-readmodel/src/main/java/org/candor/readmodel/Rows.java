package org.candor.readmodel;

import org.candor.engine.Bucket;
import org.candor.engine.OrderEndReason;
import org.candor.engine.WithdrawalState;

/**
 * The mutable rows the projector keeps between events for the tables it upserts: accounts, open orders, pending
 * withdrawals, active holds, markets, and the candles of the current batch. A row is staged at most once per
 * batch and written with its state at the end of the batch.
 */
final class Rows {
    private Rows() {
    }

    /**
     * A row that can be staged for the next batch. A row not yet in the table is inserted; one already stored is
     * updated in place, which costs the server less than an insert that conflicts.
     */
    abstract static class Staged {
        private boolean staged;
        private boolean stored;

        final boolean stored() {
            return stored;
        }

        /** The row is in the table: loaded from it, or committed. */
        final void markStored() {
            stored = true;
        }

        /** Marks the row for the batch; true the first time only. */
        final boolean stage() {
            if (staged) {
                return false;
            }
            staged = true;
            return true;
        }

        final void unstage() {
            staged = false;
        }

        abstract void writeTo(CopyBuffer out);
    }

    /** An account's key: owner, asset, bucket. */
    record AccountKey(long userId, int assetId, Bucket bucket) {
    }

    static final class Balance extends Staged {
        final AccountKey key;
        long amount;
        long lastSeq;

        Balance(final AccountKey key, final long amount, final long lastSeq) {
            this.key = key;
            this.amount = amount;
            this.lastSeq = lastSeq;
        }

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(key.userId()).value(key.assetId()).value(key.bucket().code()).value(amount).value(lastSeq)
                .endRow();
        }
    }

    static final class Order extends Staged {
        long orderId;
        long userId;
        int marketId;
        int side;
        int type;
        int timeInForce;
        long price;
        long quantity;
        long quoteBudget;
        long clientOrderId;
        int stpMode;
        OrderStatus status;
        long remaining;
        long filledQuantity;
        long filledQuote;
        long fees;
        OrderEndReason endReason;
        long acceptedSeq;
        long createdMs;
        long updatedSeq;
        long updatedMs;
        /** The client order id as the client wrote it, or null (no label, or projected before version 5). */
        String clientOrderLabel;

        void touch(final long seq, final long timestampMs) {
            updatedSeq = seq;
            updatedMs = timestampMs;
        }

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(orderId).value(userId).value(marketId).value(side).value(type).value(timeInForce).value(price)
                .value(quantity).value(quoteBudget).value(clientOrderId).value(stpMode).value(status.code())
                .value(remaining).value(filledQuantity).value(filledQuote).value(fees)
                .valueOrNull(endReason != null, endReason == null ? 0 : endReason.code()).value(acceptedSeq)
                .value(createdMs).value(updatedSeq).value(updatedMs);
            if (clientOrderLabel == null) {
                out.nullValue();
            } else {
                out.text(clientOrderLabel);
            }
            out.endRow();
        }
    }

    static final class Withdrawal extends Staged {
        /** Stored for a state this reader's engine version does not know (a newer engine's). */
        static final int UNKNOWN_STATE = -1;
        static final String UNKNOWN_STATE_NAME = "UNKNOWN";

        long withdrawalId;
        long userId;
        int assetId;
        long amount;
        /** The current state, or null when the event named one this reader does not know. */
        WithdrawalState state;
        int stateCode;
        String stateName;
        long requestedSeq;
        long requestedMs;
        long updatedSeq;
        long updatedMs;
        long addressId;
        long approvedBy;
        long rejectedBy;
        String justification = "";
        String txRef = "";
        long fee;
        /** The WithdrawalFailure code, or -1 when it has not failed. */
        int failure = -1;
        int slaMisses;
        /** The state code of the latest missed deadline (meaningful when slaMisses > 0). */
        int lastSlaState = -1;
        long lastSlaDeadlineMs;

        void enter(final WithdrawalState newState, final long seq, final long timestampMs) {
            state = newState;
            stateCode = newState == null ? UNKNOWN_STATE : newState.code();
            stateName = newState == null ? UNKNOWN_STATE_NAME : newState.name();
            updatedSeq = seq;
            updatedMs = timestampMs;
        }

        /** Ended: no event names it again. An unknown state is kept, since its later events may come. */
        boolean ended() {
            return state != null && state.isFinal();
        }

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(withdrawalId).value(userId).value(assetId).value(amount).value(stateCode).value(requestedSeq)
                .value(requestedMs).value(updatedSeq).value(updatedMs).text(stateName).value(addressId)
                .valueOrNull(approvedBy != 0, approvedBy).valueOrNull(rejectedBy != 0, rejectedBy)
                .text(justification).text(txRef).value(fee).valueOrNull(failure >= 0, failure).value(slaMisses)
                .valueOrNull(slaMisses > 0, lastSlaState).valueOrNull(slaMisses > 0, lastSlaDeadlineMs)
                .endRow();
        }
    }

    /** An allow-listed address; kept until its removal is committed. */
    static final class WithdrawalAddress extends Staged {
        long addressId;
        long userId;
        int assetId;
        String address;
        long usableFromMs;
        long addedSeq;
        long addedMs;
        boolean removed;
        long removedSeq;
        long removedMs;

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(addressId).value(userId).value(assetId).text(address).value(usableFromMs).value(addedSeq)
                .value(addedMs).valueOrNull(removed, removedSeq).valueOrNull(removed, removedMs).endRow();
        }
    }

    static final class Hold extends Staged {
        long holdId;
        long userId;
        int assetId;
        long amount;
        int reason;
        long placedBy;
        long placedSeq;
        long placedMs;
        /** In force: restricting the user's funds (ACTIVE or ESCALATED). */
        boolean active;
        /** Ended: released or rejected; the released columns say by whom and when. */
        boolean ended;
        long releasedBy;
        long releasedSeq;
        long releasedMs;
        int kind;
        String explanation;
        long reviewDeadlineMs;
        int releaseCondition;
        long ticketRef;
        long massActionId;
        int state;
        long approvedBy;
        int renewals;

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(holdId).value(userId).value(assetId).value(amount).value(reason).value(placedBy).value(placedSeq)
                .value(placedMs).value(active).valueOrNull(ended, releasedBy).valueOrNull(ended, releasedSeq)
                .valueOrNull(ended, releasedMs).value(kind).text(explanation).value(reviewDeadlineMs)
                .value(releaseCondition).value(ticketRef).value(massActionId).value(state)
                .valueOrNull(approvedBy != 0, approvedBy).value(renewals).endRow();
        }
    }

    static final class Market extends Staged {
        int marketId;
        String symbol;
        int baseAssetId;
        int quoteAssetId;
        long tickSize;
        long lotSize;
        long minQuantity;
        long maxQuantity;
        long minNotional;
        int makerFeeBps;
        int takerFeeBps;
        int status;
        long createdSeq;
        long updatedSeq;

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(marketId).text(symbol).value(baseAssetId).value(quoteAssetId).value(tickSize).value(lotSize)
                .value(minQuantity).value(maxQuantity).value(minNotional).value(makerFeeBps).value(takerFeeBps)
                .value(status).value(createdSeq).value(updatedSeq).endRow();
        }
    }

    /** A candle's key: market, interval length, open time. */
    record KlineKey(int marketId, long intervalMs, long openTimeMs) {
    }

    /** The part of a candle one batch saw; merged into the stored candle on upsert. */
    static final class Kline extends Staged {
        final KlineKey key;
        final long open;
        final long firstTradeId;
        long high;
        long low;
        long close;
        long volume;
        long quoteVolume;
        long tradeCount;
        long lastTradeId;

        Kline(final KlineKey key, final long price, final long tradeId) {
            this.key = key;
            this.open = price;
            this.high = price;
            this.low = price;
            this.firstTradeId = tradeId;
        }

        void add(final long price, final long quantity, final long quoteAmount, final long tradeId) {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume = Math.addExact(volume, quantity);
            quoteVolume = Math.addExact(quoteVolume, quoteAmount);
            tradeCount++;
            lastTradeId = tradeId;
        }

        @Override
        void writeTo(final CopyBuffer out) {
            out.value(key.marketId()).value(key.intervalMs()).value(key.openTimeMs()).value(open).value(high)
                .value(low).value(close).value(volume).value(quoteVolume).value(tradeCount).value(firstTradeId)
                .value(lastTradeId).endRow();
        }
    }
}
