package com.primejennie.buyscanner.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.gates.GateCheck;
import com.primejennie.buyscanner.strategies.StrategyCheck;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;

/**
 * Writes the observability snapshot {@code buy_logic:snapshot:{code}} (spec §2.9, TTL 60 s) after every evaluation:
 * the numbers the stock was judged on, every gate check and every strategy check, and the signal, if any. Best
 * effort: a failed write is logged, never stops the evaluation.
 */
public final class SnapshotWriter {

    public static final String KEY_PREFIX = "buy_logic:snapshot:";
    public static final Duration TTL = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);

    private final BiConsumer<String, String> setWithTtl;

    /** @param setWithTtl {@code SET key value EX 60} */
    public SnapshotWriter(BiConsumer<String, String> setWithTtl) {
        this.setWithTtl = setWithTtl;
    }

    public void write(EvaluationContext ctx, List<GateCheck> gates, boolean gatesPassed,
                      List<StrategyCheck> strategies, String triggered) {
        try {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("timestamp", WireTime.format(ctx.now().toInstant()));
            snapshot.put("stock_code", ctx.code());
            snapshot.put("stock_name", ctx.name());
            snapshot.put("current_price", ctx.tickPrice());
            snapshot.put("vwap", ctx.vwap());
            snapshot.put("volume_ratio", ctx.volumeRatio());
            snapshot.put("rsi", ctx.rsi());
            snapshot.put("market_regime", ctx.regime());
            snapshot.put("llm_score", ctx.llmScore());
            snapshot.put("trade_tier", ctx.tradeTier() == null ? "UNKNOWN" : ctx.tradeTier());
            List<Map<String, Object>> checks = new ArrayList<>();
            for (GateCheck g : gates) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", g.name());
                c.put("passed", g.passed());
                c.put("value", g.value());
                c.put("threshold", g.threshold());
                checks.add(c);
            }
            snapshot.put("risk_gate", Map.of("passed", gatesPassed, "checks", checks));
            List<Map<String, Object>> signals = new ArrayList<>();
            for (StrategyCheck s : strategies) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("strategy", s.strategy());
                c.put("triggered", s.triggered());
                c.put("reason", s.reason());
                signals.add(c);
            }
            snapshot.put("signal_checks", signals);
            snapshot.put("triggered_signal", triggered);
            setWithTtl.accept(KEY_PREFIX + ctx.code(), WireJson.mapper().writeValueAsString(snapshot));
        } catch (RuntimeException e) {
            log.warn("snapshot of {} not written: {}", ctx.code(), e.getMessage());
        }
    }
}
