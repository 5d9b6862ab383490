package com.primejennie.scoutjob.scout.quant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quant scorer v2's answer for one stock: the total (the category sum times the chart-stage multiplier, not capped
 * at 100; 0 in Stage 4), the six category scores, the details per category ({@code technical.rsi},
 * {@code technical.volume_ratio}, {@code technical.drawdown_from_high_pct}, {@code supply_demand.flow_reversal}, ...),
 * and how complete the inputs were.
 *
 * @param completeness share (0-1) of the optional inputs that were present
 * @param missing      names of the optional inputs that were missing ({@code financials}, {@code flows},
 *                     {@code sentiment}, {@code snapshot_ratios}, {@code kospi})
 */
public record QuantResult(String code, String name, String sector, boolean valid, double total, double momentum,
                          double quality, double value, double technical, double news, double supplyDemand,
                          String stage, double stageMultiplier, Map<String, Map<String, Object>> details,
                          double completeness, List<String> missing) {

    /** Sections of {@link #details()}. */
    public static final String TECHNICAL = "technical";
    public static final String SUPPLY_DEMAND = "supply_demand";
    public static final String MOMENTUM = "momentum";

    public QuantResult {
        details = details == null ? Map.of() : details;
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** A stock with too little price history (fewer than 30 rows): not valid, score 0. */
    public static QuantResult invalid(String code, String name, String sector, String why) {
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        details.put("invalid", Map.of("reason", why));
        return new QuantResult(code, name, sector, false, 0, 0, 0, 0, 0, 0, 0, "UNKNOWN", 1.0, details, 0,
                List.of());
    }

    /** The category sum before the stage multiplier. */
    public double categorySum() {
        return momentum + quality + value + technical + news + supplyDemand;
    }

    /** A numeric detail of {@code section}, or null. */
    public Double number(String section, String key) {
        Object v = details.getOrDefault(section, Map.of()).get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** A text detail of {@code section}, or null. */
    public String text(String section, String key) {
        Object v = details.getOrDefault(section, Map.of()).get(key);
        return v == null ? null : v.toString();
    }
}
