package com.primejennie.sellexecutor.consume;

import java.util.Locale;

/**
 * The exit kind of a sell reason, for the order service's {@code SellKey}: a stop-loss or a full exit is a different
 * key from an earlier partial, so it is never swallowed by it (spec §6.3 [REC]). The reason strings are the API
 * price-monitor and the bot publish (spec §1.5, §1.7).
 */
public final class ExitKinds {

    private ExitKinds() {
    }

    public static String of(String reason) {
        String r = reason == null ? "" : reason;
        if (r.toUpperCase(Locale.ROOT).contains("MANUAL")) {
            return "MANUAL";
        }
        if (r.startsWith("Profit Lock L2")) {
            return "PROFIT_LOCK_L2";
        }
        if (r.startsWith("Profit Lock L1")) {
            return "PROFIT_LOCK_L1";
        }
        if (r.startsWith("ATR Stop")) {
            return "ATR_STOP";
        }
        if (r.startsWith("Fixed Stop Loss")) {
            return "STOP_LOSS";
        }
        if (r.startsWith("Trailing TP")) {
            return "TRAILING_TP";
        }
        if (r.startsWith("Scale-out L4(Force)")) {
            return "SCALE_OUT_L4";
        }
        if (r.startsWith("Scale-out L") && r.length() > 11) {
            return "SCALE_OUT_L" + r.charAt(11);
        }
        if (r.startsWith("RSI Overbought")) {
            return "RSI_OVERBOUGHT";
        }
        if (r.startsWith("Target Profit")) {
            return "TARGET_PROFIT";
        }
        if (r.startsWith("Death Cross")) {
            return "DEATH_CROSS";
        }
        if (r.startsWith("Max Holding Days")) {
            return "MAX_HOLDING_DAYS";
        }
        int colon = r.indexOf(':');
        String head = (colon > 0 ? r.substring(0, colon) : r).trim();
        head = head.length() > 30 ? head.substring(0, 30) : head;
        return head.isEmpty() ? "UNKNOWN" : head.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    /** Whether the reason switches on the scanner's re-entry cooldown (spec §2.2 step 12). */
    public static boolean isStopLoss(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("stop_loss") || r.contains("stop loss") || r.contains("atr stop");
    }
}
