package com.primejennie.shared.macro;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link MacroInputs} into a {@link TradingContext} exactly as spec/buy-path.md §2.8 states: the risk-off
 * signals and their level, the position and stop-loss multipliers, and the allow-list. Pure; table-tested.
 */
public final class TradingContextCalculator {

    private TradingContextCalculator() {
    }

    public static TradingContext compute(MacroInputs in) {
        String vixRegime = in.vixRegime() == null ? "normal" : in.vixRegime().toLowerCase(Locale.ROOT);
        List<Integer> signals = new ArrayList<>();
        if ("crisis".equals(vixRegime) || (in.vix() != null && in.vix() >= 35)) {
            signals.add(2);
        } else if ("elevated".equals(vixRegime) || (in.vix() != null && in.vix() >= 25)) {
            signals.add(1);
        }
        if (in.treasurySpread() != null) {
            if (in.treasurySpread() < 0) {
                signals.add(2);
            } else if (in.treasurySpread() < 0.3) {
                signals.add(1);
            }
        }
        if (in.sentimentScore() != null) {
            if (in.sentimentScore() < 30) {
                signals.add(2);
            } else if (in.sentimentScore() < 40) {
                signals.add(1);
            }
        }
        if (in.koreaNewsSentiment() != null && in.koreaNewsSentiment() < -0.15) {
            signals.add(1);
        }
        String political = in.politicalRiskLevel() == null ? "low" : in.politicalRiskLevel().toLowerCase(Locale.ROOT);
        if ("critical".equals(political)) {
            signals.add(2);
        } else if ("high".equals(political)) {
            signals.add(1);
        }
        int n = signals.size();
        int s = signals.stream().mapToInt(Integer::intValue).sum();
        int level = n >= 3 && s >= 4 ? 3 : n >= 2 && s >= 3 ? 2 : n >= 2 || s >= 2 ? 1 : 0;

        double position;
        if (in.positionSizePct() != null && in.positionSizePct() != 100.0) {
            position = in.positionSizePct() / 100.0;
        } else {
            double vixAdj = switch (vixRegime) {
                case "low_vol" -> 0.10;
                case "elevated" -> -0.10;
                case "crisis" -> -0.20;
                default -> 0.0;
            };
            double riskAdj = level == 1 ? -0.10 : level == 2 ? -0.20 : level == 3 ? -0.30 : 0.0;
            double sentAdj = 0.0;
            if (in.sentimentScore() != null) {
                double score = in.sentimentScore();
                sentAdj = score >= 70 ? 0.10 : score >= 60 ? 0.05 : score <= 30 ? -0.10 : score <= 40 ? -0.05 : 0.0;
            }
            position = Math.max(0.5, Math.min(1.3, round2(1 + vixAdj + riskAdj + sentAdj)));
        }

        double stopLoss;
        if (in.stopLossAdjustPct() != null && in.stopLossAdjustPct() != 100.0) {
            stopLoss = in.stopLossAdjustPct() / 100.0;
        } else {
            stopLoss = switch (vixRegime) {
                case "crisis" -> 1.5;
                case "elevated" -> 1.3;
                case "low_vol" -> 0.9;
                default -> 1.0;
            };
            if (level >= 2) {
                stopLoss = Math.min(1.5, stopLoss * 1.1);
            }
            stopLoss = round2(stopLoss);
        }

        List<String> allowed;
        if (!in.strategiesToAvoid().isEmpty()) {
            allowed = new ArrayList<>(TradingContext.ALL_STRATEGIES);
            allowed.removeAll(in.strategiesToAvoid());
        } else if (level >= 3) {
            allowed = List.of("RSI_REBOUND", "BULL_PULLBACK");
        } else if (level == 2) {
            allowed = List.of("GOLDEN_CROSS", "RSI_REBOUND", "MOMENTUM", "BULL_PULLBACK", "INSTITUTIONAL_ENTRY");
        } else {
            allowed = TradingContext.ALL_STRATEGIES;
        }
        return new TradingContext(level, vixRegime, position, stopLoss, allowed);
    }

    private static double round2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
