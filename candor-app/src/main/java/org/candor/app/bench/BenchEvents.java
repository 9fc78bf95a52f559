package org.candor.app.bench;

import org.candor.engine.Bucket;
import org.candor.engine.IgnoringEvents;
import org.candor.engine.LedgerCause;
import org.candor.engine.OrderEndReason;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;

/**
 * The measured engine's consumer: it folds the hot events' sequence numbers and amounts into a checksum, so the
 * JIT cannot discard the work that produced them, at the cost of a few instructions an event. Encoding events for
 * the journal is measured by the cluster benchmark (issue #3), not here.
 */
final class BenchEvents extends IgnoringEvents {
    long events;
    long checksum;
    long rejects;
    long trades;

    @Override
    public void commandResult(final long seq, final long clientId, final long commandId, final long timestampMs,
        final RejectReason reason, final long reference, final long firstSeq, final boolean duplicate) {
        events++;
        checksum += seq ^ reference;
        if (reason != RejectReason.NONE) {
            rejects++;
        }
    }

    @Override
    public void ledgerEntry(final long seq, final int assetId, final long fromUserId, final Bucket fromBucket,
        final long toUserId, final Bucket toBucket, final long amount, final LedgerCause cause,
        final long reference) {
        events++;
        checksum += amount ^ toUserId;
    }

    @Override
    public void trade(final long seq, final long tradeId, final int marketId, final long price, final long quantity,
        final long quoteAmount, final long makerOrderId, final long takerOrderId, final long makerUserId,
        final long takerUserId, final Side takerSide, final long makerFee, final long takerFee,
        final long makerRemaining, final long takerRemaining) {
        events++;
        trades++;
        checksum += price ^ quantity ^ makerFee;
    }

    @Override
    public void orderRested(final long seq, final long orderId, final long price, final long remaining) {
        events++;
        checksum += orderId ^ price;
    }

    @Override
    public void orderReduced(final long seq, final long orderId, final long remaining) {
        events++;
        checksum += remaining;
    }

    @Override
    public void orderMoved(final long seq, final long orderId, final long oldPrice, final long newPrice) {
        events++;
        checksum += newPrice;
    }

    @Override
    public void orderDone(final long seq, final long orderId, final OrderEndReason reason, final long remaining) {
        events++;
        checksum += orderId ^ remaining;
    }
}
