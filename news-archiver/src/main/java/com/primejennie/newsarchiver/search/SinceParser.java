package com.primejennie.newsarchiver.search;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code since} parameter of the search API into epoch seconds (what {@code metadata.created_at_utc}
 * holds): epoch seconds ({@code 1770681600}), a KST date ({@code 2026-02-10}, from its midnight), an ISO date-time
 * with offset ({@code 2026-02-10T09:00:00+09:00}), or an age ({@code 7d}, {@code 24h}, {@code 30m}, {@code P7D}) back
 * from now. Anything else is rejected with the value in the message.
 */
public final class SinceParser {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([dhm])");

    private SinceParser() {
    }

    public static Long parse(String since, Instant now) {
        if (since == null || since.isBlank()) {
            return null;
        }
        String s = since.strip();
        try {
            if (s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
            Matcher age = AGE.matcher(s.toLowerCase(Locale.ROOT));
            if (age.matches()) {
                long n = Long.parseLong(age.group(1));
                Duration d = switch (age.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
                return now.minus(d).getEpochSecond();
            }
            if (s.startsWith("P") || s.startsWith("p")) {
                return now.minus(Duration.parse(s.toUpperCase(Locale.ROOT))).getEpochSecond();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(KST).toEpochSecond();
            }
            return OffsetDateTime.parse(s.replace("Z", "+00:00")).toEpochSecond();
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("since must be epoch seconds, a date (2026-02-10), an ISO date-time "
                    + "with offset or an age (7d, 24h, PT30M), was '" + since + "'", e);
        }
    }
}
