package com.primejennie.buyscanner.gates;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.shared.settings.SettingKeys;

/**
 * The operator's score floor ({@code /minscore}, setting {@code MIN_LLM_SCORE}): fails when the hot watchlist's
 * {@code llm_score} (missing = 0) is below it; a score equal to the floor passes, and the default 0 lets every stock
 * through. The Python bot stored the value and nothing read it (spec/control-and-intelligence.md §1.4) [DEFECT, fixed].
 * The conviction entry may not skip it: it is the operator's decision about which stocks may be bought at all. A change
 * is seen within the settings cache ({@code jennie.settings.cache-ttl}).
 */
public final class MinLlmScoreGate implements RiskGate {

    @Override
    public String name() {
        return "Min LLM Score";
    }

    @Override
    public GateResult check(EvaluationContext ctx) {
        int min = ctx.settings().get(SettingKeys.MIN_LLM_SCORE);
        double score = ctx.llmScore();
        return GateResult.of(name(), score >= min, score, min);
    }
}
