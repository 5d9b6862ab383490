package com.primejennie.scoutjob.scout.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * Recon signals (spec/control-and-intelligence.md §3.7 step 7): {@code VOLUME_TREND_{x.xx}x} when
 * {@code technical.volume_ratio ≥ RECON_VOLUME_RATIO_MIN} (1.5) and {@code MOMENTUM_{m}/25} when the momentum score
 * ≥ {@code RECON_MOMENTUM_MIN} (20). {@code GOLDEN_CROSS_5_20} and {@code MA20_SLOPE_UP} are v1 signals and not
 * produced (the v1 scorer is not built). A stock is recon when {@code 60 ≤ h < 75} and it has a signal.
 */
public final class ReconSignals {

    private final double volumeRatioMin;
    private final double momentumMin;

    public ReconSignals(double volumeRatioMin, double momentumMin) {
        this.volumeRatioMin = volumeRatioMin;
        this.momentumMin = momentumMin;
    }

    public List<String> of(QuantResult quant) {
        List<String> signals = new ArrayList<>();
        Double volumeRatio = quant.number(QuantResult.TECHNICAL, "volume_ratio");
        if (volumeRatio != null && volumeRatio >= volumeRatioMin) {
            signals.add(String.format(Locale.ROOT, "VOLUME_TREND_%.2fx", volumeRatio));
        }
        if (quant.momentum() >= momentumMin) {
            signals.add(String.format(Locale.ROOT, "MOMENTUM_%s/25", trim(quant.momentum())));
        }
        return signals;
    }

    public static boolean isRecon(double h, List<String> signals) {
        return h >= 60 && h < HybridScore.TRADABLE_CUTOFF && !signals.isEmpty();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
