package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.candor.engine.HoldKind;

/** A hold as JSON for the operators' console, with who placed and who approved it. */
final class HoldJson {
    private HoldJson() {
    }

    static Map<String, Object> of(final HoldsView.HoldRecord hold, final MarketView market) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("holdId", hold.holdId());
        row.put("kind", hold.kind().name());
        if (hold.kind() == HoldKind.AMOUNT) {
            final AssetInfo asset = market.asset(hold.assetId());
            row.put("asset", asset.code());
            row.put("amount", Decimals.format(hold.amount(), asset.scale()));
        } else {
            row.put("asset", null);
            row.put("amount", null);
        }
        row.put("reason", hold.reason().name());
        row.put("explanation", hold.explanation());
        row.put("state", hold.state().name());
        row.put("sinceMs", hold.sinceMs());
        row.put("placedAtMs", hold.placedAtMs());
        row.put("reviewDeadlineMs", hold.reviewDeadlineMs());
        row.put("releaseCondition", hold.releaseCondition().name());
        row.put("ticketRef", hold.ticketRef());
        row.put("renewals", hold.renewals());
        row.put("userId", hold.userId());
        row.put("placedBy", hold.placedBy());
        row.put("approvedBy", hold.approvedBy());
        return row;
    }
}
