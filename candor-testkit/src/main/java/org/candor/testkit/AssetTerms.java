package org.candor.testkit;

/**
 * One asset as the testkit lists it.
 *
 * @param assetId the asset id
 * @param code    the ticker
 * @param scale   decimal places of one whole unit in minor units
 */
public record AssetTerms(int assetId, String code, int scale) {

    /** Minor units in one whole unit: 10^scale. */
    public long unitSize() {
        long unit = 1;
        for (int i = 0; i < scale; i++) {
            unit *= 10;
        }
        return unit;
    }
}
