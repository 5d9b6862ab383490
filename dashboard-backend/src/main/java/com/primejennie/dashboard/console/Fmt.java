package com.primejennie.dashboard.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for the pages ({@code ${@fmt.krw(x)}}): whole KRW with thousands separators, signed P/L and
 * percentages, and the CSS class that colours a gain or a loss (colours come from {@link ConsoleProperties}).
 */
public final class Fmt {

    private static DecimalFormat pattern(String p) {
        return new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** {@code 1,234,567} (rounded half up to whole won); a dash for null. */
    public String krw(Number value) {
        if (value == null) {
            return "-";
        }
        return pattern("#,##0").format(whole(value));
    }

    /** {@code +1,234} / {@code -1,234} / {@code 0}. */
    public String signedKrw(Number value) {
        if (value == null) {
            return "-";
        }
        BigDecimal v = whole(value);
        return (v.signum() > 0 ? "+" : "") + pattern("#,##0").format(v);
    }

    /** {@code +1.23%}. */
    public String pct(Number value) {
        if (value == null) {
            return "-";
        }
        BigDecimal v = new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
        return (v.signum() > 0 ? "+" : "") + pattern("#,##0.00").format(v) + "%";
    }

    /** A plain number with separators and at most two decimals. */
    public String num(Number value) {
        if (value == null) {
            return "-";
        }
        return pattern("#,##0.##").format(new BigDecimal(value.toString()));
    }

    /** {@code up}, {@code down} or {@code flat}: the class that colours a P/L. */
    public String tone(Number value) {
        if (value == null) {
            return "flat";
        }
        int sign = new BigDecimal(value.toString()).signum();
        return sign > 0 ? "up" : sign < 0 ? "down" : "flat";
    }

    private static BigDecimal whole(Number value) {
        return new BigDecimal(value.toString()).setScale(0, RoundingMode.HALF_UP);
    }
}
