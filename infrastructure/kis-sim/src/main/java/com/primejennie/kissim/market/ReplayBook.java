package com.primejennie.kissim.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Recorded minute bars to replay instead of the random walk ({@code code,yyyyMMddHHmm,open,high,low,close,volume}).
 * Within a replayed minute the trades walk open → high → low → close (low first on a falling bar) and share the
 * minute's volume, so the simulated minute bar reproduces the recorded one.
 */
public final class ReplayBook {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private record Bar(long open, long high, long low, long close, long volume) {
    }

    private final Map<String, Bar> bars;

    private ReplayBook(Map<String, Bar> bars) {
        this.bars = Map.copyOf(bars);
    }

    public static ReplayBook empty() {
        return new ReplayBook(Map.of());
    }

    public int size() {
        return bars.size();
    }

    public static ReplayBook parse(InputStream in) {
        Map<String, Bar> bars = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] f = line.split(",");
                LocalDateTime at = LocalDateTime.parse(f[1].trim(), MINUTE);
                bars.put(key(f[0].trim(), at.toLocalDate(), at.toLocalTime()), new Bar(Long.parseLong(f[2].trim()),
                        Long.parseLong(f[3].trim()), Long.parseLong(f[4].trim()), Long.parseLong(f[5].trim()),
                        Long.parseLong(f[6].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReplayBook(bars);
    }

    Long priceAt(String code, LocalDate date, LocalTime at, Duration interval) {
        Bar bar = bars.get(key(code, date, at.withSecond(0).withNano(0)));
        if (bar == null) {
            return null;
        }
        int n = tradesPerMinute(interval);
        int i = (int) (at.getSecond() * 1000L / interval.toMillis());
        if (i == 0) return bar.open();
        if (i >= n - 1) return bar.close();
        boolean falling = bar.close() < bar.open();
        if (i < n / 3) return falling ? bar.low() : bar.high();
        return falling ? bar.high() : bar.low();
    }

    Long volumeAt(String code, LocalDate date, LocalTime at, Duration interval) {
        Bar bar = bars.get(key(code, date, at.withSecond(0).withNano(0)));
        if (bar == null) {
            return null;
        }
        int n = tradesPerMinute(interval);
        int i = (int) (at.getSecond() * 1000L / interval.toMillis());
        long share = bar.volume() / n;
        return i == n - 1 ? bar.volume() - share * (n - 1) : share;
    }

    private static int tradesPerMinute(Duration interval) {
        return (int) Math.max(1, 60_000L / interval.toMillis());
    }

    private static String key(String code, LocalDate date, LocalTime minute) {
        return code + "@" + date + "T" + minute;
    }
}
