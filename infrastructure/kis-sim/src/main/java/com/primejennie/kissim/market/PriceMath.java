package com.primejennie.kissim.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Daily price limits and the change figures KIS reports (sign code, percentage with two decimals). */
public final class PriceMath {

    private PriceMath() {
    }

    /** Upper daily limit: previous close +30%, down to a valid tick. */
    public static long upperLimit(long prevClose) {
        return Ticks.roundDown(prevClose * 13 / 10);
    }

    /** Lower daily limit: previous close -30%, up to a valid tick. */
    public static long lowerLimit(long prevClose) {
        return Ticks.roundUp((prevClose * 7 + 9) / 10);
    }

    public static String sign(long price, long prevClose) {
        if (prevClose <= 0 || price == prevClose) return "3";
        if (price >= upperLimit(prevClose)) return "1";
        if (price <= lowerLimit(prevClose)) return "4";
        return price > prevClose ? "2" : "5";
    }

    public static double rate(long price, long prevClose) {
        if (prevClose <= 0) return 0;
        return BigDecimal.valueOf((price - prevClose) * 100.0 / prevClose).setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Two-decimal text as KIS writes rates ("-1.23", "0.00"). */
    public static String fmt2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
