package com.primejennie.commandhandler.command;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formats of the replies: thousands-separated won, signed percent. */
public final class Texts {

    private Texts() {
    }

    /** {@code 1,234,567}. */
    public static String won(long amount) {
        return String.format(Locale.ROOT, "%,d", amount);
    }

    /** {@code +1.23} / {@code -0.50}. */
    public static String pct(double value) {
        return new DecimalFormat("+0.00;-0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** A positive whole number, or null when {@code text} is not one. */
    public static Integer positiveInt(String text) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return null;
        }
        int v = Integer.parseInt(text);
        return v > 0 ? v : null;
    }
}
