package com.primejennie.shared.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Korea Exchange calendar: the closed weekdays of the bundled {@code krx-holidays.csv} (public holidays, Labour
 * Day, the year-end closing day) plus {@link KrxSessionRules} (session hours, the late open on a year's first trading
 * day and on the exam day 수능, extra holidays). Immutable and thread-safe; see {@link TradingCalendar} for the
 * contract. It knows the whole years the holiday list covers and fails fast outside them.
 */
public final class KrxCalendar implements TradingCalendar {

    /** The bundled holiday list (2025–2027 at the time of writing). */
    public static final String HOLIDAY_RESOURCE = "krx-holidays.csv";

    private final NavigableMap<LocalDate, String> holidays;
    private final Set<LocalDate> examDays;
    private final KrxSessionRules rules;
    private final LocalDate first;
    private final LocalDate last;
    /** The session of every covered date (null when closed), indexed by days since {@link #first}. */
    private final TradingSession[] sessions;

    /**
     * A calendar of {@code holidays} (date → name) covering the whole years from {@code firstYear} to {@code lastYear}.
     */
    public KrxCalendar(Map<LocalDate, String> holidays, int firstYear, int lastYear, KrxSessionRules rules) {
        Objects.requireNonNull(holidays, "holidays");
        this.rules = Objects.requireNonNull(rules, "rules");
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("calendar years " + firstYear + ".." + lastYear + " are empty");
        }
        this.first = LocalDate.of(firstYear, 1, 1);
        this.last = LocalDate.of(lastYear, 12, 31);
        TreeMap<LocalDate, String> all = new TreeMap<>(holidays);
        rules.extraHolidays().forEach(d -> all.putIfAbsent(d, "extra holiday (jennie.calendar.extra-holidays)"));
        all.keySet().forEach(d -> requireSupported("holiday", d));
        this.holidays = Collections.unmodifiableNavigableMap(all);
        this.examDays = Collections.unmodifiableSet(new TreeSet<>(rules.examDays()));
        this.sessions = computeSessions();
        for (LocalDate exam : examDays) {
            if (exam.isBefore(first) || exam.isAfter(last)) {
                continue; // an exam day of a year without holiday data is simply unused
            }
            if (!isTradingDay(exam)) {
                throw new IllegalArgumentException("exam day " + exam + " is not a trading day ("
                        + closedReason(exam).orElseThrow() + ")");
            }
        }
    }

    /** The bundled holiday list with {@code rules}. */
    public static KrxCalendar bundled(KrxSessionRules rules) {
        try (InputStream in = KrxCalendar.class.getResourceAsStream(HOLIDAY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("holiday list " + HOLIDAY_RESOURCE + " is missing from the classpath");
            }
            return parse(in, HOLIDAY_RESOURCE, rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + HOLIDAY_RESOURCE, e);
        }
    }

    /**
     * Reads a holiday list in the format of {@code krx-holidays.csv}: a header {@code date,name,reason}, then one closed
     * weekday per line. The calendar covers the whole years from the first to the last date listed.
     */
    public static KrxCalendar parse(InputStream csv, String source, KrxSessionRules rules) throws IOException {
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.strip().replace("\uFEFF", "").startsWith("date,")) {
            throw new IllegalArgumentException(source + ": expected header 'date,name,reason', got '" + header + "'");
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", 3);
            try {
                LocalDate date = LocalDate.parse(fields[0].strip());
                String name = fields.length > 1 ? fields[1].strip() : "holiday";
                if (holidays.put(date, name) != null) {
                    throw new IllegalArgumentException("duplicate date");
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": '" + line + "': " + e.getMessage(), e);
            }
        }
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no holidays");
        }
        return new KrxCalendar(holidays, holidays.firstKey().getYear(), holidays.lastKey().getYear(), rules);
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        requireSupported("date", date);
        return !isWeekend(date) && !holidays.containsKey(date);
    }

    @Override
    public Optional<String> closedReason(LocalDate date) {
        requireSupported("date", date);
        if (holidays.containsKey(date)) {
            return Optional.of(holidays.get(date));
        }
        return isWeekend(date) ? Optional.of("weekend") : Optional.empty();
    }

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        requireSupported("date", date);
        return Optional.ofNullable(sessions[index(date)]);
    }

    @Override
    public boolean isMarketOpen(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return session(instant.atZone(MarketClock.KST).toLocalDate()).map(s -> s.contains(instant)).orElse(false);
    }

    @Override
    public ZonedDateTime nextOpen(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDate date = instant.atZone(MarketClock.KST).toLocalDate();
        Optional<TradingSession> today = session(date);
        if (today.isPresent() && instant.isBefore(today.get().open().toInstant())) {
            return today.get().open();
        }
        return requireSession(nextTradingDay(date)).open();
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        requireSupported("date", date);
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        requireSupported("date", date);
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Override
    public LocalDate firstSupportedDate() {
        return first;
    }

    @Override
    public LocalDate lastSupportedDate() {
        return last;
    }

    @Override
    public String toString() {
        return "KrxCalendar[" + first + ".." + last + ", " + holidays.size() + " holidays, exam days " + examDays + "]";
    }

    private TradingSession[] computeSessions() {
        TradingSession[] all = new TradingSession[index(last) + 1];
        int year = -1;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!isTradingDay(date)) {
                continue;
            }
            LocalTime open = rules.open();
            LocalTime close = rules.close();
            if (examDays.contains(date)) {
                open = rules.examDayOpen();
                close = rules.examDayClose();
            } else if (date.getYear() != year) {
                open = rules.firstDayOpen(); // the first trading day of its year
            }
            year = date.getYear();
            all[index(date)] = rules.session(date, open, close);
        }
        return all;
    }

    private int index(LocalDate date) {
        return (int) (date.toEpochDay() - first.toEpochDay());
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private void requireSupported(String what, LocalDate date) {
        Objects.requireNonNull(date, what);
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new IllegalArgumentException(what + " " + date + " is outside the KRX calendar (" + first + ".." + last
                    + "): add that year's closed days to " + HOLIDAY_RESOURCE);
        }
    }
}
