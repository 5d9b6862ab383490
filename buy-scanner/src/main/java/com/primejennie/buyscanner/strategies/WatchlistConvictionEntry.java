package com.primejennie.buyscanner.strategies;

import java.util.List;
import java.util.Map;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.config.ScannerProperties.Thresholds;
import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.evaluation.Regimes;
import com.primejennie.buyscanner.evaluation.TimeWindow;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.shared.settings.SettingKeys;

/**
 * WATCHLIST_CONVICTION_ENTRY (spec/upstream-2026-02-18.md; replaces RECON_BULL_ENTRY, which never fired because
 * scout sent no tier): buy a fresh, high-conviction watchlist stock early in the session before it runs away.
 * All must hold: BULL/STRONG_BULL, or SIDEWAYS with hybrid ≥ 75; at most {@code CONVICTION_MAX_DAYS_SINCE_ENTRY}
 * (2) trading days since entry (unknown entry = day 0); hybrid ≥ 70 or LLM ≥ 72; KST 09:15–10:30 both inclusive;
 * gain &lt; 3 % from the entry close (else from today's first bar's open); price ≤ VWAP + 1.5 %; RSI &lt; 65 when known;
 * at least 3 bars.
 */
public final class WatchlistConvictionEntry implements BuyStrategy {

    public static final String ID = "WATCHLIST_CONVICTION_ENTRY";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyCheck evaluate(EvaluationContext ctx, Map<String, Object> params) {
        Thresholds t = ctx.thresholds();
        double hybrid = ctx.hybridScore();
        boolean regimeOk = Regimes.isBull(ctx.regime())
                || (Regimes.isSideways(ctx.regime()) && hybrid >= t.convictionSidewaysMinHybrid());
        if (!regimeOk) {
            return StrategyCheck.miss(ID, "regime " + ctx.regime() + " (hybrid " + BuyStrategy.num(hybrid) + ")");
        }
        if (ctx.bars().size() < t.convictionMinBars()) {
            return StrategyCheck.miss(ID, "bars " + ctx.bars().size() + " < " + t.convictionMinBars());
        }
        EntryInfo entry = ctx.entry();
        int days = entry == null ? 0 : entry.tradingDaysSinceEntry();
        int maxDays = ctx.settings().get(SettingKeys.CONVICTION_MAX_DAYS_SINCE_ENTRY);
        if (days > maxDays) {
            return StrategyCheck.miss(ID, "days since entry " + days + " > " + maxDays);
        }
        if (!(hybrid >= t.convictionMinHybrid() || ctx.llmScore() >= t.convictionMinLlm())) {
            return StrategyCheck.miss(ID, "hybrid " + BuyStrategy.num(hybrid) + " < " + t.convictionMinHybrid()
                    + " and llm " + BuyStrategy.num(ctx.llmScore()) + " < " + t.convictionMinLlm());
        }
        TimeWindow window = new TimeWindow(t.convictionWindowStart(), t.convictionWindowEnd(), true);
        if (!window.contains(ctx.now().toLocalTime())) {
            return StrategyCheck.miss(ID, "time " + ctx.now().toLocalTime() + " outside " + window);
        }
        double base = entry != null && entry.entryPrice() != null ? entry.entryPrice() : firstOpenToday(ctx);
        double gain = (ctx.tickPrice() - base) / base * 100;
        if (gain >= t.convictionMaxGainPct()) {
            return StrategyCheck.miss(ID, "gain " + BuyStrategy.pct(gain) + " >= " + t.convictionMaxGainPct() + "%");
        }
        double premium = ctx.vwap() > 0 ? (ctx.tickPrice() - ctx.vwap()) / ctx.vwap() * 100 : 0;
        if (premium > t.convictionMaxVwapPremiumPct()) {
            return StrategyCheck.miss(ID, "price " + BuyStrategy.pct(premium) + " above VWAP > "
                    + t.convictionMaxVwapPremiumPct() + "%");
        }
        Double rsi = ctx.rsi();
        if (rsi != null && rsi >= t.convictionMaxRsi()) {
            return StrategyCheck.miss(ID, "RSI " + BuyStrategy.num(rsi) + " >= " + t.convictionMaxRsi());
        }
        return StrategyCheck.hit(ID, "Conviction entry: day " + days + ", gain " + BuyStrategy.pct(gain)
                + ", hybrid " + BuyStrategy.num(hybrid));
    }

    private static double firstOpenToday(EvaluationContext ctx) {
        List<Bar> bars = ctx.bars();
        for (Bar bar : bars) {
            if (bar.start().toLocalDate().equals(ctx.now().toLocalDate())) {
                return bar.open();
            }
        }
        return bars.get(0).open();
    }
}
