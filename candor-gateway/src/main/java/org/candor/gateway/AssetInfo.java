package org.candor.gateway;

/** A listed asset: the engine's id, its code and how many decimals its minor unit has. */
record AssetInfo(int id, String code, int scale) {
}
