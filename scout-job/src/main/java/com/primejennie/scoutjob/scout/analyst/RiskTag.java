package com.primejennie.scoutjob.scout.analyst;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * The code-derived risk tag and its veto (spec/control-and-intelligence.md §3.7 step 7, §6.10 fixed). The Python
 * rules read RSI, flow reversal and drawdown all from {@code details.technical}, where only RSI lives, so
 * {@code DISTRIBUTION_RISK}, {@code BULLISH} and the veto never fired. Here each input is read from its own section:
 * RSI and drawdown from {@code technical}, flow reversal from {@code supply_demand}.
 * <ul>
 *   <li>DISTRIBUTION_RISK: RSI &gt; 70, drawdown from the 20-day high &gt; −3 % and a SELL_TURN → veto;</li>
 *   <li>CAUTION: RSI &gt; 75, or a SELL_TURN with RSI &gt; 65;</li>
 *   <li>BULLISH: a BUY_TURN, supply/demand ≥ 10, RSI absent or &lt; 70, momentum ≥ 15;</li>
 *   <li>else NEUTRAL.</li>
 * </ul>
 */
public enum RiskTag {
    DISTRIBUTION_RISK, CAUTION, BULLISH, NEUTRAL;

    /** Whether this tag blocks the stock (not approved, not tradable, tier BLOCKED). */
    public boolean veto() {
        return this == DISTRIBUTION_RISK;
    }

    public static RiskTag of(QuantResult quant) {
        Double rsi = quant.number(QuantResult.TECHNICAL, "rsi");
        Double drawdown = quant.number(QuantResult.TECHNICAL, "drawdown_from_high_pct");
        String reversal = quant.text(QuantResult.SUPPLY_DEMAND, "flow_reversal");
        boolean sellTurn = "SELL_TURN".equals(reversal);
        boolean buyTurn = "BUY_TURN".equals(reversal);
        if (rsi != null && rsi > 70 && drawdown != null && drawdown > -3 && sellTurn) {
            return DISTRIBUTION_RISK;
        }
        if (rsi != null && (rsi > 75 || (sellTurn && rsi > 65))) {
            return CAUTION;
        }
        if (buyTurn && quant.supplyDemand() >= 10 && (rsi == null || rsi < 70) && quant.momentum() >= 15) {
            return BULLISH;
        }
        return NEUTRAL;
    }
}
