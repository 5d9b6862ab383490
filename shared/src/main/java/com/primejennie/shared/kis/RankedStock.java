package com.primejennie.shared.kis;

/**
 * One row of a KIS ranking (market-cap, volume-rank).
 *
 * @param marketCap market capitalisation in won (KIS's {@code stck_avls} is in 억원); 0 where the ranking has none
 */
public record RankedStock(String code, String name, int rank, long price, long volume, long listedShares,
                          long marketCap) {
}
