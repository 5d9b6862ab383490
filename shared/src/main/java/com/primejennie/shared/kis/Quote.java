package com.primejennie.shared.kis;

/**
 * A stock's current price snapshot (inquire-price, {@code output}). Prices in KRW; {@code per}… as KIS gives them.
 * {@code name} is {@code hts_kor_isnm} when KIS sends it; inquire-price usually does not, so it may be blank.
 */
public record Quote(String code, String name, long price, long open, long high, long low, long volume, double per,
                    double pbr, double eps, double bps, long listedShares) {
}
