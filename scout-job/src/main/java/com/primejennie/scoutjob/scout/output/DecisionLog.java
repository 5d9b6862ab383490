package com.primejennie.scoutjob.scout.output;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.scoutjob.scout.analyst.ScoutDecision;
import com.primejennie.shared.domain.WireJson;

/**
 * The side logs of each analysed stock (spec §3.7 step 7): always a {@code LLM_DECISION_LEDGER} row (hunter score = the
 * clamped score, regime, keywords from the candidate's reasons, gate PASS/REJECT - or LLM_ERROR when the call failed -,
 * decision BUY when approved else HOLD, reason); and, when not approved, a {@code SHADOW_RADAR_LOG} row
 * (stage UNIFIED_ANALYST, trigger ANALYST_REJECT, value = hybrid score; trigger LLM_ERROR when the call failed).
 */
public final class DecisionLog {

    private final JdbcClient jdbc;

    public DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ScoutDecision d, String regime, List<String> reasons, LocalDateTime nowUtc) {
        String gate = d.llmError() != null ? "LLM_ERROR" : d.approved() ? "PASS" : "REJECT";
        String reason = d.reason() == null ? "" : d.reason();
        jdbc.sql("INSERT INTO LLM_DECISION_LEDGER (`TIMESTAMP`, STOCK_CODE, STOCK_NAME, HUNTER_SCORE, MARKET_REGIME, "
                        + "DOMINANT_KEYWORDS_JSON, GATE_RESULT, FINAL_DECISION, FINAL_REASON, SCHEMA_V) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(nowUtc, d.code(), d.name(), d.clampedScore(), regime,
                        WireJson.mapper().writeValueAsString(reasons), gate, d.approved() ? "BUY" : "HOLD",
                        reason.length() > 2000 ? reason.substring(0, 2000) : reason, "2.0")
                .update();
        if (!d.approved()) {
            jdbc.sql("INSERT INTO SHADOW_RADAR_LOG (STOCK_CODE, STOCK_NAME, REJECTION_STAGE, TRIGGER_TYPE, TRIGGER_VALUE, "
                            + "REJECTION_REASON, MARKET_REGIME, `TIMESTAMP`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(d.code(), d.name(), "UNIFIED_ANALYST", d.llmError() != null ? "LLM_ERROR" : "ANALYST_REJECT",
                            d.hybridScore(), reason.length() > 2000 ? reason.substring(0, 2000) : reason, regime, nowUtc)
                    .update();
        }
    }
}
