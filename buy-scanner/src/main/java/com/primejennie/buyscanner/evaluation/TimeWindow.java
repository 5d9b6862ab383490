package com.primejennie.buyscanner.evaluation;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A KST time-of-day window with its edges stated: {@code [start, end]} when {@code endInclusive}, else
 * {@code [start, end)}. The scanner's windows (spec §2.5 and upstream): the no-trade window 09:00–09:15 both ends
 * inclusive, the danger zone 14:00 inclusive – 15:00 exclusive, the conviction window 09:15–10:30 both inclusive.
 */
public record TimeWindow(LocalTime start, LocalTime end, boolean endInclusive) {

    public TimeWindow {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("time window ends before it starts: " + start + "–" + end);
        }
    }

    /** Parses {@code HH:mm} or {@code HH:mm:ss} values, naming the bad one. */
    public static TimeWindow parse(String start, String end, boolean endInclusive) {
        return new TimeWindow(time(start), time(end), endInclusive);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not a time of day (HH:mm): '" + text + "'", e);
        }
    }

    public boolean contains(LocalTime t) {
        if (t.isBefore(start)) {
            return false;
        }
        return endInclusive ? !t.isAfter(end) : t.isBefore(end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + (endInclusive ? "]" : ")");
    }
}
