package com.primejennie.scoutjob.scout.output;

import java.util.LinkedHashMap;
import java.util.Map;

import com.primejennie.scoutjob.scout.analyst.ScoutDecision;
import com.primejennie.shared.domain.WireJson;

/**
 * The {@code llm_metadata} object of a decision (spec §3.7 step 7) and the {@code LLM_REASON} text readers split on
 * {@code "\n\n[LLM_METADATA]"}: reason + marker + metadata JSON, truncated (60000 chars for WATCHLIST, 3950 for
 * WATCHLIST_HISTORY, with {@code ...}).
 */
public final class LlmMetadata {

    public static final String MARKER = "\n\n[LLM_METADATA]";

    private LlmMetadata() {
    }

    public static Map<String, Object> of(ScoutDecision d, String updatedAtIso) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("llm_grade", d.grade());
        m.put("llm_updated_at", updatedAtIso);
        m.put("source", "unified_analyst");
        m.put("quant_score", d.quantScore());
        m.put("llm_raw_score", d.rawScore());
        m.put("llm_clamped_score", d.clampedScore());
        m.put("hybrid_score", d.hybridScore());
        m.put("hunter_score", d.clampedScore());
        m.put("condition_win_rate", null);
        m.put("trade_tier", d.tradeTier());
        m.put("recon_signals", d.reconSignals());
        m.put("risk_tag", d.riskTag().name());
        m.put("veto_applied", d.vetoApplied());
        m.put("quant_completeness", d.quant().completeness());
        m.put("quant_missing", d.quant().missing());
        m.put("llm_error", d.llmError());
        m.put("llm_fallback_applied", d.fallbackApplied());
        return m;
    }

    public static String reasonWithMetadata(ScoutDecision d, String updatedAtIso, int maxChars) {
        String text = (d.reason() == null ? "" : d.reason()) + MARKER + WireJson.mapper().writeValueAsString(of(d, updatedAtIso));
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "...";
    }
}
