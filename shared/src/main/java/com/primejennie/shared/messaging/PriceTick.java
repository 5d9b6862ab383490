package com.primejennie.shared.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tick of {@code kis:prices} as the feed writes it: string fields {@code code}, {@code price} (Python
 * {@code str(float)}, e.g. {@code "71200.0"}), and the optional {@code high}, {@code vol}, {@code time}.
 *
 * @param high   the day high; {@code null} when absent
 * @param volume the tick volume ({@code vol}); {@code null} when absent (the Python gateway sends none)
 * @param time   the tick time as the feed wrote it ({@code HHmmss}); {@code null} when absent
 */
public record PriceTick(String code, double price, Double high, Long volume, String time) {

    public PriceTick {
        Objects.requireNonNull(code, "code");
    }

    static PriceTick fromFields(Map<String, String> f) {
        return new PriceTick(f.get("code"), Double.parseDouble(f.get("price")), optionalDouble(f.get("high")),
                optionalLong(f.get("vol")), blankToNull(f.get("time")));
    }

    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("price", String.valueOf(price));
        if (high != null) {
            fields.put("high", String.valueOf(high));
        }
        if (volume != null) {
            fields.put("vol", String.valueOf(volume));
        }
        if (time != null) {
            fields.put("time", time);
        }
        return fields;
    }

    private static Double optionalDouble(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }

    private static Long optionalLong(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.contains(".") ? (long) Double.parseDouble(s) : Long.valueOf(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
