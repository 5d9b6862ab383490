package com.primejennie.scoutjob.scout.analyst;

import java.util.List;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * Turns a quant result and the analyst's outcome into a {@link ScoutDecision} (spec §3.7 step 7): guardrail, blend,
 * cut-offs, recon, risk tag and veto, trade tier and grade; and a failed call into the configured {@link LlmFallback}.
 */
public final class DecisionRules {

    public static final String TIER1 = "TIER1";
    public static final String RECON = "RECON";
    public static final String BLOCKED = "BLOCKED";

    private final ReconSignals recon;
    private final LlmFallback fallback;

    public DecisionRules(ReconSignals recon, LlmFallback fallback) {
        this.recon = recon;
        this.fallback = fallback;
    }

    public ScoutDecision decide(QuantResult quant, AnalystOutcome outcome, double competitorBonus) {
        double q = quant.total();
        RiskTag tag = RiskTag.of(quant);
        List<String> signals = recon.of(quant);
        if (!outcome.succeeded()) {
            return failed(quant, outcome.error(), tag, signals, competitorBonus);
        }
        double r = outcome.score();
        double l = HybridScore.guardrail(q, r, competitorBonus);
        double h = HybridScore.round(HybridScore.blend(q, l));
        boolean veto = tag.veto();
        boolean isRecon = ReconSignals.isRecon(h, signals);
        boolean approved = HybridScore.approved(h) && !veto;
        boolean tradable = !veto && (HybridScore.tradable(h) || isRecon);
        String tier = veto ? BLOCKED : HybridScore.tradable(h) ? TIER1 : isRecon ? RECON : BLOCKED;
        String reason = outcome.reason();
        if (veto) {
            reason = "[VETO " + tag + "] " + reason;
        }
        return new ScoutDecision(quant.code(), quant.name(), quant, r, HybridScore.round(l), h, approved, tradable,
                tier, HybridScore.grade(h), reason, signals, tag, veto, competitorBonus, null, false);
    }

    /** A stock without a usable snapshot: blocked without an LLM call (spec: "스냅샷 조회 실패"). */
    public ScoutDecision noSnapshot(QuantResult quant) {
        return new ScoutDecision(quant.code(), quant.name(), quant, null, 0, 0, false, false, BLOCKED, "D",
                "스냅샷 조회 실패", List.of(), RiskTag.of(quant), false, 0, "no snapshot", false);
    }

    private ScoutDecision failed(QuantResult quant, String error, RiskTag tag, List<String> signals, double bonus) {
        double q = HybridScore.round(quant.total());
        if (fallback == LlmFallback.QUANT_WATCH_ONLY && !tag.veto()) {
            boolean approved = HybridScore.approved(q);
            return new ScoutDecision(quant.code(), quant.name(), quant, null, q, q, approved, false, BLOCKED,
                    HybridScore.grade(q), "LLM 분석 실패 (" + error + ") - 퀀트 점수로 관찰만 (매수 불가)", signals, tag,
                    false, bonus, error, true);
        }
        return new ScoutDecision(quant.code(), quant.name(), quant, null, q, q, false, false, BLOCKED,
                HybridScore.grade(q), "LLM 분석 실패 (" + error + ") - 퀀트 점수만으로 승인하지 않음", signals, tag,
                tag.veto(), bonus, error, fallback == LlmFallback.REJECT);
    }
}
