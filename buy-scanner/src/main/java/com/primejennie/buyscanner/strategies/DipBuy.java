package com.primejennie.buyscanner.strategies;

import java.util.Map;

import com.primejennie.buyscanner.config.ScannerProperties.Thresholds;
import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.shared.settings.SettingKeys;

/**
 * DIP_BUY (§2.6 B with spec/upstream-2026-02-18.md): buy a good stock that dipped after joining the watchlist.
 * LLM ≥ 65 and an entry close known; in BULL/STRONG_BULL a change between {@code DIP_BUY_MAX_DROP_BULL} (−3 %) and
 * {@code DIP_BUY_MIN_DROP_BULL} (−0.5 %) within 1–5 trading days; otherwise −5 % to −2 % within 1–3 trading days
 * (both ends inclusive). Days are KRX trading days.
 */
public final class DipBuy implements BuyStrategy {

    public static final String ID = "DIP_BUY";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        Thresholds t = ctx.thresholds();
        EntryInfo entry = ctx.entry();
        if (entry == null || entry.entryPrice() == null) {
            return StrategyCheck.miss(ID, "no entry price");
        }
        boolean bull = ctx.bull();
        int maxDays = bull ? t.dipBuyMaxDaysBull() : t.dipBuyMaxDays();
        double shallow = bull ? ctx.settings().get(SettingKeys.DIP_BUY_MIN_DROP_BULL) : t.dipBuyMinDrop();
        double deep = bull ? ctx.settings().get(SettingKeys.DIP_BUY_MAX_DROP_BULL) : t.dipBuyMaxDrop();
        int days = entry.tradingDaysSinceEntry();
        if (days < 1 || days > maxDays) {
            return StrategyCheck.miss(ID, "days since entry " + days + " not in [1, " + maxDays + "]");
        }
        double change = (ctx.tickPrice() - entry.entryPrice()) / entry.entryPrice() * 100;
        if (change < deep || change > shallow) {
            return StrategyCheck.miss(ID, "change " + BuyStrategy.pct(change) + " not in [" + deep + ", " + shallow
                    + "]%");
        }
        if (ctx.llmScore() < t.dipBuyMinLlm()) {
            return StrategyCheck.miss(ID, "llm " + BuyStrategy.num(ctx.llmScore()) + " < " + t.dipBuyMinLlm());
        }
        return StrategyCheck.hit(ID, "Dip " + BuyStrategy.pct(change) + " on day " + days + " after entry");
    }
}
