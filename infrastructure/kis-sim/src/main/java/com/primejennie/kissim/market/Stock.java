package com.primejennie.kissim.market;

/**
 * One listed stock of the simulated universe: real code, Korean name, market, sector, the previous close on the first
 * simulated day, listed shares and per-share figures behind PER/PBR.
 */
public record Stock(String code, String name, MarketType market, String sector, long basePrice, long listedShares,
                    long eps, long bps) {

    /** KOSPI or KOSDAQ, with KIS's representative market name (rprs_mrkt_kor_name). */
    public enum MarketType {
        KOSPI("KOSPI200"), KOSDAQ("KOSDAQ");

        private final String kisName;

        MarketType(String kisName) {
            this.kisName = kisName;
        }

        public String kisName() {
            return kisName;
        }
    }
}
