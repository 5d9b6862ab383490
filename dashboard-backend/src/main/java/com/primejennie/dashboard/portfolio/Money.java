package com.primejennie.dashboard.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the old API showed them: two decimals, 0 when the base is 0. */
public final class Money {

    private Money() {
    }

    public static double pct(double part, double base) {
        if (base == 0) {
            return 0.0;
        }
        return round2(part / base * 100.0);
    }

    public static double round2(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0.0;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
