package com.primejennie.kissim.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;

/**
 * A KIS JSON object under construction: every value is written as KIS writes it, a string ("71000", "-1.23",
 * "20260302", "093015"), in insertion order.
 */
public final class Fields extends LinkedHashMap<String, Object> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    public Fields s(String key, Object value) {
        put(key, value == null ? "" : String.valueOf(value));
        return this;
    }

    public Fields o(String key, Object value) {
        put(key, value);
        return this;
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    public static String time(LocalTime t) {
        return t == null ? "" : t.format(TIME);
    }

    public static String dec(double v, int scale) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            v = 0;
        }
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    public static Fields ok(String msgCd, String msg1) {
        return new Fields().s("rt_cd", "0").s("msg_cd", msgCd).s("msg1", msg1);
    }

    public static Fields error(String msgCd, String msg1) {
        return new Fields().s("rt_cd", "1").s("msg_cd", msgCd).s("msg1", msg1);
    }
}
