package com.primejennie.scoutjob.scout.analyst;

import java.util.List;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * The scout's verdict on one stock after the analyst (spec §3.7 step 7): the scores on the way ({@code q} quant,
 * {@code r} raw LLM, {@code l} clamped, {@code h} hybrid), the cut-offs, recon, risk tag and veto, and the reason.
 *
 * @param rawScore   the analyst's score, null when the call failed
 * @param llmError   why the call failed, null when it succeeded
 * @param tradeTier  TIER1, RECON or BLOCKED
 */
public record ScoutDecision(String code, String name, QuantResult quant, Double rawScore, double clampedScore,
                            double hybridScore, boolean approved, boolean tradable, String tradeTier, String grade,
                            String reason, List<String> reconSignals, RiskTag riskTag, boolean vetoApplied,
                            double competitorBonus, String llmError, boolean fallbackApplied) {

    public ScoutDecision {
        reconSignals = reconSignals == null ? List.of() : List.copyOf(reconSignals);
    }

    public double quantScore() {
        return quant.total();
    }
}
