package com.primejennie.shared.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the exchange trades: trading days and the session hours of each, in Korea time.
 *
 * <p>Contract (after OpenGamma Strata's {@code HolidayCalendar}):
 * <ul>
 *   <li>Implementations are immutable and thread-safe.</li>
 *   <li>Every method fails fast with {@link IllegalArgumentException} on a null argument or on a date outside
 *       {@link #firstSupportedDate()}..{@link #lastSupportedDate()}: a holiday list that has run out must not be
 *       read as "every weekday is open", because an order sent on a closed day is worse than no order.</li>
 *   <li>A session is half-open: the market is open at {@code open} and closed at {@code close}.</li>
 *   <li>"Next" means strictly after the argument.</li>
 * </ul>
 */
public interface TradingCalendar {

    /** Whether the exchange trades on {@code date} (not a weekend, not a holiday). */
    boolean isTradingDay(LocalDate date);

    /** The session of {@code date}, or empty on a closed day. */
    Optional<TradingSession> session(LocalDate date);

    /** The session of {@code date}; fails naming the date (and holiday) if the exchange is closed that day. */
    default TradingSession requireSession(LocalDate date) {
        return session(date).orElseThrow(() -> new IllegalArgumentException(
                date + " is not a trading day" + closedReason(date).map(r -> " (" + r + ")").orElse("")));
    }

    /** When {@code date}'s session opens; fails if the exchange is closed that day. */
    default ZonedDateTime sessionOpen(LocalDate date) {
        return requireSession(date).open();
    }

    /** When {@code date}'s session closes; fails if the exchange is closed that day. */
    default ZonedDateTime sessionClose(LocalDate date) {
        return requireSession(date).close();
    }

    /** Whether the regular session is running at {@code instant}. */
    boolean isMarketOpen(Instant instant);

    /**
     * The KRX phase at {@code time} (any zone; judged in KST): {@link TradingPhase#CLOSED} on a closed day, else the
     * phase of that day's {@link TradingSession} (each phase includes its start, excludes its end).
     */
    default TradingPhase phaseAt(ZonedDateTime time) {
        java.util.Objects.requireNonNull(time, "time");
        return phaseAt(time.toInstant());
    }

    /** The KRX phase at {@code instant}; see {@link #phaseAt(ZonedDateTime)}. */
    default TradingPhase phaseAt(Instant instant) {
        java.util.Objects.requireNonNull(instant, "instant");
        return session(instant.atZone(MarketClock.KST).toLocalDate()).map(s -> s.phaseAt(instant))
                .orElse(TradingPhase.CLOSED);
    }

    /** The first session open strictly after {@code instant}. */
    ZonedDateTime nextOpen(Instant instant);

    /** The first trading day strictly after {@code date}. */
    LocalDate nextTradingDay(LocalDate date);

    /** The last trading day strictly before {@code date}. */
    LocalDate previousTradingDay(LocalDate date);

    /** Why {@code date} is closed ("설날", "weekend"), or empty if it is a trading day. */
    Optional<String> closedReason(LocalDate date);

    /** The first date this calendar knows. */
    LocalDate firstSupportedDate();

    /** The last date this calendar knows. */
    LocalDate lastSupportedDate();
}
