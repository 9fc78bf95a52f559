package org.candor.notifications;

import java.util.HashMap;
import java.util.Map;

import org.candor.engine.HoldKind;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.ReleaseCondition;

/**
 * What the {@link Notifier} remembers between events so that a later event, which names only an id, can still be
 * explained in full: assets (code, scale), markets, holds and withdrawals in progress, allow-listed addresses.
 * Ended holds and withdrawals and removed addresses are forgotten, as the engine forgets them, so the memory is
 * bounded by the engine's own capacity. It is a function of the events read so far, nothing else.
 */
final class Memory {
    record Asset(String code, int scale) {
    }

    record Market(String symbol, MarketStatus status) {
    }

    record Hold(long holdId, long userId, int assetId, long amount, HoldKind kind, HoldReason reason,
        String explanation, ReleaseCondition releaseCondition, long reviewDeadlineMs) {
        Hold withDeadline(final long deadlineMs) {
            return new Hold(holdId, userId, assetId, amount, kind, reason, explanation, releaseCondition,
                deadlineMs);
        }
    }

    /**
     * A withdrawal in progress. {@code endTold}: its failure or rejection was already explained by the event that
     * named the cause, so the end of its state machine needs no second notification.
     */
    record Withdrawal(long withdrawalId, long userId, int assetId, long amount, String address, String txRef,
        boolean endTold) {
        Withdrawal withTxRef(final String ref) {
            return new Withdrawal(withdrawalId, userId, assetId, amount, address, ref, endTold);
        }

        Withdrawal told() {
            return new Withdrawal(withdrawalId, userId, assetId, amount, address, txRef, true);
        }
    }

    record Address(long userId, int assetId, String address) {
    }

    final Map<Integer, Asset> assets = new HashMap<>();
    final Map<Integer, Market> markets = new HashMap<>();
    final Map<Long, Hold> holds = new HashMap<>();
    final Map<Long, Withdrawal> withdrawals = new HashMap<>();
    final Map<Long, Address> addresses = new HashMap<>();

    /** The asset, or a stand-in that still reads correctly (whole minor units) if the listing was never seen. */
    Asset asset(final int assetId) {
        final Asset known = assets.get(assetId);
        return known != null ? known : new Asset("asset #" + assetId, 0);
    }

    /** An amount with its asset's code, e.g. "0.5 BTC". */
    String money(final int assetId, final long amount) {
        final Asset asset = asset(assetId);
        return Wording.amount(amount, asset.scale()) + " " + asset.code();
    }

    /** The asset's code, or null if the listing was never seen. */
    String code(final int assetId) {
        final Asset known = assets.get(assetId);
        return known == null ? null : known.code();
    }
}
