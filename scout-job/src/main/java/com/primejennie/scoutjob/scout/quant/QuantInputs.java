package com.primejennie.scoutjob.scout.quant;

import java.util.List;

import com.primejennie.shared.persistence.DailyPrice;

/**
 * Everything the quant scorer v2 reads for one stock (spec/control-and-intelligence.md §3.7 step 3). Lists run oldest
 * first. Optional inputs (financials, flows, sentiment, snapshot ratios) may be missing: the scorer then gives the
 * sub-factor its neutral points and lowers {@link QuantResult#completeness()}; it never fails on them.
 *
 * @param prices             daily bars of the stock (up to 150)
 * @param kospi              daily bars of the KOSPI index (up to 150; the 6-month relative return needs 120)
 * @param per                snapshot PER, null when unknown
 * @param pbr                snapshot PBR, null when unknown
 * @param sentimentScore     latest 0-100 sentiment within 3 days (or the 7-day average), null when none
 * @param sentimentMomentum  mean of the last 7 days minus mean of days 8-37, null when not computable
 * @param flows              investor flows, up to 25 days
 * @param quarters           up to the 4 latest quarters
 * @param rsiSectorMultiplier multiplier of the RSI points for the stock's sector group (1.0 by default)
 * @param rsiOversold        {@code BUY_RSI_OVERSOLD_THRESHOLD}
 */
public record QuantInputs(String code, String name, String sector, List<DailyPrice> prices, List<DailyPrice> kospi,
                          Double per, Double pbr, Double sentimentScore, Double sentimentMomentum,
                          List<InvestorDay> flows, List<Quarter> quarters, double rsiSectorMultiplier,
                          int rsiOversold) {

    public QuantInputs {
        prices = prices == null ? List.of() : List.copyOf(prices);
        kospi = kospi == null ? List.of() : List.copyOf(kospi);
        flows = flows == null ? List.of() : List.copyOf(flows);
        quarters = quarters == null ? List.of() : List.copyOf(quarters);
    }
}
