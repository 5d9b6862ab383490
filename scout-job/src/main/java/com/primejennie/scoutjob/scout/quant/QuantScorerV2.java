package com.primejennie.scoutjob.scout.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.primejennie.shared.indicators.ChartPhase;
import com.primejennie.shared.persistence.DailyPrice;

/**
 * Quant scoring v2 (spec/control-and-intelligence.md §3.7 step 3): six categories of fixed maxima - momentum 20,
 * quality 20, value 20, technical 10, news 10, supply/demand 20 - summed and multiplied by the {@link ChartPhase}
 * multiplier. The spec gives each sub-factor's points but not the Python thresholds; the tiers here are this port's,
 * one static method per sub-factor so each is tested by hand. Deliberate fixes of the Python scorer:
 * <ul>
 *   <li>the 6-month relative return is relative: KOSPI is loaded with 150 rows, not 60 (§6.12); it falls back to the
 *       absolute return only when KOSPI has fewer than 120 rows, and says so in {@code details.momentum};</li>
 *   <li>ROE level, EPS growth and foreign/institution net buying are supplied (from FINANCIAL_METRICS_QUARTERLY and
 *       STOCK_INVESTOR_TRADING) instead of always neutral (spec/upstream-2026-02-18.md: both investor flows);</li>
 *   <li>the drawdown from the 20-day high is computed ({@code technical.drawdown_from_high_pct}) so the risk-tag
 *       rules can read it (§6.10).</li>
 * </ul>
 * Missing optional data gives the neutral points the spec names and lowers {@link QuantResult#completeness()}.
 */
public final class QuantScorerV2 {

    /** Fewer price rows than this: not valid, score 0. */
    public static final int MIN_ROWS = 30;
    /** KOSPI rows the 6-month relative return needs. */
    public static final int KOSPI_ROWS_FOR_RELATIVE = 120;
    private static final int OPTIONAL_INPUTS = 5;

    public QuantResult score(QuantInputs in) {
        if (in.prices().size() < MIN_ROWS) {
            return QuantResult.invalid(in.code(), in.name(), in.sector(),
                    "only " + in.prices().size() + " daily rows (needs " + MIN_ROWS + ")");
        }
        double[] close = closes(in.prices());
        double[] high = in.prices().stream().mapToDouble(DailyPrice::highPrice).toArray();
        double[] low = in.prices().stream().mapToDouble(DailyPrice::lowPrice).toArray();
        double[] volume = in.prices().stream().mapToDouble(DailyPrice::volume).toArray();
        double[] kospi = closes(in.kospi());
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();

        // ---- momentum (20)
        Map<String, Object> mom = new LinkedHashMap<>();
        boolean relative = kospi.length >= KOSPI_ROWS_FOR_RELATIVE;
        if (!relative) {
            missing.add("kospi");
        }
        double r6 = Indicators.changePct(close, Math.min(120, close.length - 1))
                - (relative ? Indicators.changePct(kospi, 120) : 0);
        double r1 = Indicators.changePct(close, 20) - (kospi.length >= 21 ? Indicators.changePct(kospi, 20) : 0);
        double low20 = min(low, 20);
        double bounce = (close[close.length - 1] / low20 - 1) * 100;
        double vol40 = Indicators.returnStdev(close, 40) * 100;
        double upper = Indicators.upperBollinger(close, 20, 2);
        boolean breakout = vol40 < 3 && close[close.length - 1] > upper;
        mom.put("return_6m_pct", n(r6));
        mom.put("return_6m_relative", relative);
        mom.put("return_1m_pct", n(r1));
        mom.put("bounce_from_20d_low_pct", n(bounce));
        mom.put("volatility_40d_pct", n(vol40));
        mom.put("base_breakout", breakout);
        double momentum = sixMonthPoints(r6) + oneMonthPoints(r1) + bouncePoints(bounce) + (breakout ? 5 : 0);
        details.put(QuantResult.MOMENTUM, mom);

        // ---- quality (20)
        Map<String, Object> qual = new LinkedHashMap<>();
        List<Quarter> quarters = in.quarters();
        if (quarters.isEmpty()) {
            missing.add("financials");
        }
        Double roe = quarters.isEmpty() ? null : quarters.get(quarters.size() - 1).roe();
        Double roeTrend = roeTrend(quarters);
        Double epsGrowth = epsGrowthPct(quarters);
        double stdev60 = Indicators.returnStdev(close, 60) * 100;
        qual.put("roe", roe);
        qual.put("roe_trend_pp", roeTrend);
        qual.put("eps_growth_pct", epsGrowth);
        qual.put("volatility_60d_pct", n(stdev60));
        double quality = roePoints(roe) + roeTrendPoints(roeTrend) + epsGrowthPoints(epsGrowth)
                + stabilityPoints(stdev60);
        details.put("quality", qual);

        // ---- value (20)
        Map<String, Object> val = new LinkedHashMap<>();
        if (in.per() == null && in.pbr() == null) {
            missing.add("snapshot_ratios");
        }
        Double histPer = historicalPer(quarters);
        val.put("per", in.per());
        val.put("pbr", in.pbr());
        val.put("historical_per", histPer);
        double value = pbrPoints(in.pbr()) + perPoints(in.per()) + perDiscountPoints(in.per(), histPer)
                + pegPoints(in.per(), epsGrowth);
        details.put("value", val);

        // ---- technical (10)
        Map<String, Object> tech = new LinkedHashMap<>();
        double volumeRatio = Indicators.sma(volume, 5) / Indicators.sma(volume, 20);
        Double rsi = Indicators.rsi(close, 14);
        double high20 = max(high, 20);
        double drawdown = (close[close.length - 1] / high20 - 1) * 100;
        double price20 = Indicators.changePct(close, 20);
        double volumeTrend = Indicators.sma(volume, 10) / Indicators.sma(volume, 10, volume.length - 11);
        tech.put("volume_ratio", n(volumeRatio));
        tech.put("rsi", rsi == null ? null : n(rsi));
        tech.put("drawdown_from_high_pct", n(drawdown));
        tech.put("price_change_20d_pct", n(price20));
        tech.put("volume_trend_10d", n(volumeTrend));
        double technical = volumeRatioPoints(volumeRatio) + rsiPoints(rsi, in.rsiOversold(), in.rsiSectorMultiplier())
                + accumulationPoints(price20, volumeTrend);
        details.put(QuantResult.TECHNICAL, tech);

        // ---- news (10)
        Map<String, Object> nws = new LinkedHashMap<>();
        if (in.sentimentScore() == null) {
            missing.add("sentiment");
        }
        double sentiment = in.sentimentScore() == null ? 50 : in.sentimentScore();
        nws.put("sentiment_score", sentiment);
        nws.put("sentiment_momentum", in.sentimentMomentum());
        double news = sentiment / 100 * 4 + sentimentMomentumPoints(in.sentimentMomentum());
        details.put("news", nws);

        // ---- supply/demand (20)
        Map<String, Object> sd = new LinkedHashMap<>();
        List<InvestorDay> flows = in.flows();
        if (flows.isEmpty()) {
            missing.add("flows");
        }
        double vol5 = sumLast(volume, 5);
        Double foreign5 = sumFlows(flows, 0, 5, InvestorDay::foreignNet);
        Double foreignPrev5 = sumFlows(flows, 5, 5, InvestorDay::foreignNet);
        Double inst5 = sumFlows(flows, 0, 5, InvestorDay::institutionNet);
        Double indiv5 = sumFlows(flows, 0, 5, InvestorDay::individualNet);
        Double ratioChange = foreignRatioChange(flows, 20);
        FlowReversal reversal = FlowReversal.of(foreignPrev5, foreign5);
        sd.put("foreign_net_5d", foreign5);
        sd.put("institution_net_5d", inst5);
        sd.put("individual_net_5d", indiv5);
        sd.put("foreign_ratio_change_pp", ratioChange);
        sd.put("flow_reversal", reversal.name());
        double supply = foreignPoints(foreign5, vol5) + institutionPoints(inst5, vol5) + reversal.points()
                + foreignRatioPoints(ratioChange) + bothBuyersPoints(foreign5, inst5, indiv5);
        supply = Math.max(0, Math.min(20, supply));
        details.put(QuantResult.SUPPLY_DEMAND, sd);

        ChartPhase stage = ChartPhase.of(close);
        double sum = momentum + quality + value + technical + news + supply;
        double total = sum * stage.multiplier();
        double completeness = (OPTIONAL_INPUTS - missing.size()) / (double) OPTIONAL_INPUTS;
        return new QuantResult(in.code(), in.name(), in.sector(), true, round(total), momentum, quality, value,
                technical, round(news), supply, stage.name(), stage.multiplier(), details, completeness, missing);
    }

    // ------------------------------------------------------------------ momentum sub-factors

    /** 6-month relative return (5): ≥20 % 5, ≥10 4, ≥5 3, ≥0 2, ≥−10 1, else 0. */
    static double sixMonthPoints(double pct) {
        return tiers(pct, new double[] {20, 10, 5, 0, -10}, new double[] {5, 4, 3, 2, 1}, 0);
    }

    /** 1-month relative return (5): ≥10 % 5, ≥5 4, ≥2 3, ≥0 2, ≥−5 1, else 0. */
    static double oneMonthPoints(double pct) {
        return tiers(pct, new double[] {10, 5, 2, 0, -5}, new double[] {5, 4, 3, 2, 1}, 0);
    }

    /** Bounce from the 20-day low (5): best at +10-30 % (5); 5-10 % 3; 30-50 % 2; 0-5 % 1; above 50 % 0. */
    static double bouncePoints(double pct) {
        if (Double.isNaN(pct)) {
            return 0;
        }
        if (pct >= 10 && pct <= 30) {
            return 5;
        }
        if (pct >= 5 && pct < 10) {
            return 3;
        }
        if (pct > 30 && pct <= 50) {
            return 2;
        }
        return pct >= 0 && pct < 5 ? 1 : 0;
    }

    // ------------------------------------------------------------------ quality sub-factors

    /** ROE level (4): ≥15 % 4, ≥10 3, ≥5 2, ≥0 1, negative 0; missing → neutral 2. */
    static double roePoints(Double roe) {
        return roe == null ? 2 : tiers(roe, new double[] {15, 10, 5, 0}, new double[] {4, 3, 2, 1}, 0);
    }

    /** ROE trend (8): newest minus oldest quarter, pp: ≥+3 8, ≥+1 6, >−1 4, >−3 2, else 0; missing → 4. */
    static double roeTrendPoints(Double pp) {
        if (pp == null) {
            return 4;
        }
        if (pp >= 3) {
            return 8;
        }
        if (pp >= 1) {
            return 6;
        }
        if (pp > -1) {
            return 4;
        }
        return pp > -3 ? 2 : 0;
    }

    /** EPS growth (5): ≥30 % 5, ≥15 4, ≥5 3, ≥0 2, negative 0; missing → neutral 2.5. */
    static double epsGrowthPoints(Double pct) {
        return pct == null ? 2.5 : tiers(pct, new double[] {30, 15, 5, 0}, new double[] {5, 4, 3, 2}, 0);
    }

    /** Price stability (3): 60-day daily-return stdev <1.5 % 3, <2.5 2, <4 1, else 0. */
    static double stabilityPoints(double stdevPct) {
        if (Double.isNaN(stdevPct)) {
            return 0;
        }
        return stdevPct < 1.5 ? 3 : stdevPct < 2.5 ? 2 : stdevPct < 4 ? 1 : 0;
    }

    // ------------------------------------------------------------------ value sub-factors

    /** PBR (5): ≤0.5 5, ≤1.0 4, ≤1.5 3, ≤2.5 2, ≤4 1, else 0; missing or ≤0 → 0. */
    static double pbrPoints(Double pbr) {
        if (pbr == null || pbr <= 0) {
            return 0;
        }
        return atMost(pbr, new double[] {0.5, 1.0, 1.5, 2.5, 4}, new double[] {5, 4, 3, 2, 1}, 0);
    }

    /** PER (5): ≤8 5, ≤12 4, ≤18 3, ≤25 2, ≤40 1, else 0; missing or negative → 0. */
    static double perPoints(Double per) {
        if (per == null || per <= 0) {
            return 0;
        }
        return atMost(per, new double[] {8, 12, 18, 25, 40}, new double[] {5, 4, 3, 2, 1}, 0);
    }

    /** Discount to the historical PER (5): discount ≥30 % 5, ≥15 4, ≥0 3, ≥−15 2, ≥−30 1, else 0; missing → 2.5. */
    static double perDiscountPoints(Double per, Double historical) {
        if (per == null || per <= 0 || historical == null || historical <= 0) {
            return 2.5;
        }
        double discount = (1 - per / historical) * 100;
        return tiers(discount, new double[] {30, 15, 0, -15, -30}, new double[] {5, 4, 3, 2, 1}, 0);
    }

    /** PEG-like PER / EPS growth (5): ≤0.5 5, ≤1 4, ≤1.5 3, ≤2 2, else 1; growth ≤0 → 1; missing → 2.5. */
    static double pegPoints(Double per, Double epsGrowthPct) {
        if (per == null || per <= 0 || epsGrowthPct == null) {
            return 2.5;
        }
        if (epsGrowthPct <= 0) {
            return 1;
        }
        return atMost(per / epsGrowthPct, new double[] {0.5, 1, 1.5, 2}, new double[] {5, 4, 3, 2}, 1);
    }

    // ------------------------------------------------------------------ technical sub-factors

    /** 5d/20d volume ratio (3): ≥2.0 3, ≥1.5 2, ≥1.0 1, else 0. */
    static double volumeRatioPoints(double ratio) {
        return tiers(ratio, new double[] {2.0, 1.5, 1.0}, new double[] {3, 2, 1}, 0);
    }

    /**
     * RSI-14 (3): at or below the oversold threshold 3, ≤45 2, ≤65 1, else 0; times the sector multiplier, capped at 3.
     * No RSI → 0.
     */
    static double rsiPoints(Double rsi, int oversold, double sectorMultiplier) {
        if (rsi == null) {
            return 0;
        }
        double p = rsi <= oversold ? 3 : rsi <= 45 ? 2 : rsi <= 65 ? 1 : 0;
        return Math.min(3, p * sectorMultiplier);
    }

    /**
     * Accumulation (4): with the last 10 days' volume ≥1.2× the 10 before, a 20-day price fall of 2 % or more → 4, a
     * move of less than ±2 % → 2; else 0.
     */
    static double accumulationPoints(double priceChange20Pct, double volumeTrend) {
        if (Double.isNaN(priceChange20Pct) || Double.isNaN(volumeTrend) || volumeTrend < 1.2) {
            return 0;
        }
        if (priceChange20Pct <= -2) {
            return 4;
        }
        return Math.abs(priceChange20Pct) < 2 ? 2 : 0;
    }

    // ------------------------------------------------------------------ news sub-factors

    /** Sentiment momentum (6): {@code 3 + momentum / 10} clamped to 0-6 (+30 points of sentiment → 6); missing → 3. */
    static double sentimentMomentumPoints(Double momentum) {
        return momentum == null ? 3 : Math.max(0, Math.min(6, 3 + momentum / 10));
    }

    // ------------------------------------------------------------------ supply/demand sub-factors

    /**
     * Foreign net buying of the last 5 days as a share of their volume (5): >5 % 5, >2 % 4, >0 3, 0 2.5, >−2 % 2,
     * >−5 % 1, else 0; missing → 2.5.
     */
    static double foreignPoints(Double net5, double volume5) {
        if (net5 == null || volume5 <= 0) {
            return 2.5;
        }
        double r = net5 / volume5;
        if (r == 0) {
            return 2.5;
        }
        return r > 0.05 ? 5 : r > 0.02 ? 4 : r > 0 ? 3 : r > -0.02 ? 2 : r > -0.05 ? 1 : 0;
    }

    /** Institution net buying of the last 5 days as a share of their volume (3): >2 % 3, >0 2, 0 1.5, >−2 % 1, else 0. */
    static double institutionPoints(Double net5, double volume5) {
        if (net5 == null || volume5 <= 0) {
            return 1.5;
        }
        double r = net5 / volume5;
        if (r == 0) {
            return 1.5;
        }
        return r > 0.02 ? 3 : r > 0 ? 2 : r > -0.02 ? 1 : 0;
    }

    /** Foreign holding ratio change over 20 rows, pp (5): ≥1 5, ≥0.5 4, >0 3, 0 2, >−0.5 1, else 0; missing → 1. */
    static double foreignRatioPoints(Double pp) {
        if (pp == null) {
            return 1;
        }
        if (pp == 0) {
            return 2;
        }
        return pp >= 1 ? 5 : pp >= 0.5 ? 4 : pp > 0 ? 3 : pp > -0.5 ? 1 : 0;
    }

    /** Foreigners and institutions both net buyers over 5 days (3), 4 when individuals were net sellers. */
    static double bothBuyersPoints(Double foreign5, Double inst5, Double indiv5) {
        if (foreign5 == null || inst5 == null || foreign5 <= 0 || inst5 <= 0) {
            return 0;
        }
        return indiv5 != null && indiv5 < 0 ? 4 : 3;
    }

    /** The 5-day foreign flow against the 5 days before: a turn to buying (+3) or selling (−3). */
    public enum FlowReversal {
        BUY_TURN(3), SELL_TURN(-3), NONE(0);

        private final double points;

        FlowReversal(double points) {
            this.points = points;
        }

        public double points() {
            return points;
        }

        static FlowReversal of(Double previous5, Double last5) {
            if (previous5 == null || last5 == null) {
                return NONE;
            }
            if (previous5 < 0 && last5 > 0) {
                return BUY_TURN;
            }
            return previous5 > 0 && last5 < 0 ? SELL_TURN : NONE;
        }
    }

    // ------------------------------------------------------------------ helpers

    static Double roeTrend(List<Quarter> quarters) {
        List<Double> roes = quarters.stream().map(Quarter::roe).filter(r -> r != null).toList();
        return roes.size() < 2 ? null : round(roes.get(roes.size() - 1) - roes.get(0));
    }

    static Double epsGrowthPct(List<Quarter> quarters) {
        List<Double> eps = quarters.stream().map(Quarter::eps).filter(e -> e != null).toList();
        if (eps.size() < 2 || eps.get(0) <= 0) {
            return null;
        }
        return round((eps.get(eps.size() - 1) / eps.get(0) - 1) * 100);
    }

    static Double historicalPer(List<Quarter> quarters) {
        List<Double> pers = quarters.stream().map(Quarter::per).filter(p -> p != null && p > 0).toList();
        return pers.isEmpty() ? null : round(pers.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    static Double foreignRatioChange(List<InvestorDay> flows, int rows) {
        List<Double> ratios = flows.stream().map(InvestorDay::foreignHoldingRatio).filter(r -> r != null).toList();
        if (ratios.size() < 2) {
            return null;
        }
        int from = Math.max(0, ratios.size() - 1 - rows);
        return round(ratios.get(ratios.size() - 1) - ratios.get(from));
    }

    /** Sum of {@code field} over {@code count} days ending {@code skip} days before the newest; null when absent. */
    static Double sumFlows(List<InvestorDay> flows, int skip, int count,
                           java.util.function.Function<InvestorDay, Double> field) {
        int end = flows.size() - skip;
        int start = end - count;
        if (start < 0) {
            return null;
        }
        double s = 0;
        boolean any = false;
        for (int i = start; i < end; i++) {
            Double v = field.apply(flows.get(i));
            if (v != null) {
                s += v;
                any = true;
            }
        }
        return any ? s : null;
    }

    private static double tiers(double x, double[] atLeast, double[] points, double otherwise) {
        if (Double.isNaN(x)) {
            return otherwise;
        }
        for (int i = 0; i < atLeast.length; i++) {
            if (x >= atLeast[i]) {
                return points[i];
            }
        }
        return otherwise;
    }

    private static double atMost(double x, double[] limits, double[] points, double otherwise) {
        for (int i = 0; i < limits.length; i++) {
            if (x <= limits[i]) {
                return points[i];
            }
        }
        return otherwise;
    }

    private static double[] closes(List<DailyPrice> prices) {
        return prices.stream().mapToDouble(DailyPrice::closePrice).toArray();
    }

    private static double min(double[] v, int n) {
        double m = Double.MAX_VALUE;
        for (int i = Math.max(0, v.length - n); i < v.length; i++) {
            m = Math.min(m, v[i]);
        }
        return m;
    }

    private static double max(double[] v, int n) {
        double m = -Double.MAX_VALUE;
        for (int i = Math.max(0, v.length - n); i < v.length; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    private static double sumLast(double[] v, int n) {
        double s = 0;
        for (int i = Math.max(0, v.length - n); i < v.length; i++) {
            s += v[i];
        }
        return s;
    }

    /** A detail value: rounded, or null when not computable. */
    static Double n(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : round(v);
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }
}
