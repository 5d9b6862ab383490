package com.primejennie.shared.market;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One day's session in Korea time. The regular session is half-open: open at {@code open}, closed from {@code close}.
 * Around it lie the call auctions and the after-hours sessions, as {@link TradingPhase}s (every boundary half-open:
 * a phase includes its start and excludes its end).
 *
 * @param date            the trading day
 * @param preOpen         start of the opening call auction
 * @param open            regular open: continuous trading starts
 * @param closingAuction  start of the closing call auction: continuous trading ends
 * @param close           regular close: the closing auction's single trade
 * @param afterHoursOpen  start of the after-hours sessions
 * @param afterHoursClose end of the after-hours sessions
 */
public record TradingSession(LocalDate date, ZonedDateTime preOpen, ZonedDateTime open, ZonedDateTime closingAuction,
                             ZonedDateTime close, ZonedDateTime afterHoursOpen, ZonedDateTime afterHoursClose) {

    /** KRX: the opening call auction starts 30 min before the open. */
    public static final Duration DEFAULT_PRE_OPEN = Duration.ofMinutes(30);
    /** KRX: the closing call auction takes the last 10 min of the regular session. */
    public static final Duration DEFAULT_CLOSING_AUCTION = Duration.ofMinutes(10);
    /** KRX: after-hours trading starts 10 min after the close (15:40). */
    public static final Duration DEFAULT_AFTER_HOURS_GAP = Duration.ofMinutes(10);
    /** KRX: after-hours trading lasts until 18:00 (140 min from 15:40). */
    public static final Duration DEFAULT_AFTER_HOURS = Duration.ofMinutes(140);

    public TradingSession {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(preOpen, "preOpen");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(closingAuction, "closingAuction");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(afterHoursOpen, "afterHoursOpen");
        Objects.requireNonNull(afterHoursClose, "afterHoursClose");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("session of " + date + " opens at " + open + " but closes at " + close);
        }
        if (preOpen.isAfter(open) || closingAuction.isBefore(open) || closingAuction.isAfter(close)
                || afterHoursOpen.isBefore(close) || afterHoursClose.isBefore(afterHoursOpen)) {
            throw new IllegalArgumentException("session of " + date + " has phases out of order: pre-open " + preOpen
                    + ", open " + open + ", closing auction " + closingAuction + ", close " + close + ", after-hours "
                    + afterHoursOpen + ".." + afterHoursClose);
        }
    }

    /** A regular session {@code open}..{@code close} with KRX's standard auctions and after-hours around it. */
    public TradingSession(LocalDate date, ZonedDateTime open, ZonedDateTime close) {
        this(date, open, close, DEFAULT_PRE_OPEN, DEFAULT_CLOSING_AUCTION, DEFAULT_AFTER_HOURS_GAP,
                DEFAULT_AFTER_HOURS);
    }

    /** A regular session {@code open}..{@code close} with the given auction and after-hours lengths around it. */
    public TradingSession(LocalDate date, ZonedDateTime open, ZonedDateTime close, Duration preOpenAuction,
                          Duration closingAuction, Duration afterHoursGap, Duration afterHours) {
        this(date, open.minus(preOpenAuction), open, close.minus(closingAuction), close, close.plus(afterHoursGap),
                close.plus(afterHoursGap).plus(afterHours));
    }

    /** Whether the regular session (continuous trading and the closing auction) is running at {@code instant}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(open.toInstant()) && instant.isBefore(close.toInstant());
    }

    /** The phase at {@code instant}; {@link TradingPhase#CLOSED} outside this session's phases (or another day). */
    public TradingPhase phaseAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (within(instant, preOpen, open)) {
            return TradingPhase.PRE_OPEN;
        }
        if (within(instant, open, closingAuction)) {
            return TradingPhase.CONTINUOUS;
        }
        if (within(instant, closingAuction, close)) {
            return TradingPhase.CLOSING_AUCTION;
        }
        if (within(instant, afterHoursOpen, afterHoursClose)) {
            return TradingPhase.AFTER_HOURS;
        }
        return TradingPhase.CLOSED;
    }

    private static boolean within(Instant instant, ZonedDateTime from, ZonedDateTime until) {
        return !instant.isBefore(from.toInstant()) && instant.isBefore(until.toInstant());
    }
}
