package com.primejennie.commandhandler.control;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An optional leading duration ({@code 30m}, {@code 2h}, {@code 1d}) for flags that should lapse on their own. */
final class DurationArgument {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})([mhd])");

    private DurationArgument() {
    }

    /** The duration {@code token} names, or null when it is not one. */
    static Duration parse(String token) {
        if (token == null) {
            return null;
        }
        Matcher m = DURATION.matcher(token.trim().toLowerCase());
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static String korean(Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return d.toDays() + "일";
        }
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) {
            return d.toHours() + "시간";
        }
        return d.toMinutes() + "분";
    }
}
