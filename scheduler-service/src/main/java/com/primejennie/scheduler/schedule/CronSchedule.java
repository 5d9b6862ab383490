package com.primejennie.scheduler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;

/**
 * Cron expressions as they read: the Python 5-field form ({@code minute hour day-of-month month day-of-week}) fires
 * at the matching instants in {@code Asia/Seoul}, through Spring's {@link CronExpression}; with the trading-day flag
 * only on KRX trading days ({@link TradingCalendar}). The Python scheduler turned cron into an interval that fired
 * around the clock (spec §2.3 [DEFECT]); this class is the fix.
 *
 * <p>A day the calendar does not cover (its holiday list has run out) is treated as closed and logged once as an
 * error: firing on a day that may be a holiday is not what "trading days only" promised.
 */
public final class CronSchedule {

    private static final Logger log = LoggerFactory.getLogger(CronSchedule.class);
    private static final int MAX_FIRES_PER_PLAN = 100_000;

    private final TradingCalendar calendar;
    private final Set<LocalDate> uncoveredLogged = ConcurrentHashMap.newKeySet();

    public CronSchedule(TradingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Parses a 5-field cron expression (Python/croniter form; macros such as {@code @hourly} too); anything else fails
     * with the reason.
     */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidCronException("cron_expr가 비어 있습니다");
        }
        String e = expression.strip();
        String spring;
        if (e.startsWith("@")) {
            spring = e;
        } else {
            String[] fields = e.split("\\s+");
            if (fields.length != 5) {
                throw new InvalidCronException("cron_expr '" + expression + "'는 5개 필드(분 시 일 월 요일)여야 합니다"
                        + " (필드 " + fields.length + "개)");
            }
            spring = "0 " + String.join(" ", fields);
        }
        try {
            return CronExpression.parse(spring);
        } catch (IllegalArgumentException ex) {
            throw new InvalidCronException("cron_expr '" + expression + "'가 올바른 cron 식이 아닙니다: "
                    + ex.getMessage());
        }
    }

    /** Whether a fire at {@code instant} may happen under the trading-day flag. */
    public boolean allowed(Instant instant, boolean tradingDaysOnly) {
        if (!tradingDaysOnly) {
            return true;
        }
        LocalDate day = instant.atZone(MarketClock.KST).toLocalDate();
        try {
            return calendar.isTradingDay(day);
        } catch (IllegalArgumentException e) {
            if (uncoveredLogged.add(day)) {
                log.error("KRX calendar does not cover {} ({}); trading-day jobs do not fire that day - add the year's"
                        + " closed days to krx-holidays.csv", day, e.getMessage());
            }
            return false;
        }
    }

    /** The fires in {@code (after, until]}, in order, that the trading-day flag allows. */
    public List<Instant> firesBetween(CronExpression cron, boolean tradingDaysOnly, Instant after, Instant until) {
        List<Instant> fires = new ArrayList<>();
        ZonedDateTime t = after.atZone(MarketClock.KST);
        while (fires.size() < MAX_FIRES_PER_PLAN) {
            t = cron.next(t);
            if (t == null || t.toInstant().isAfter(until)) {
                break;
            }
            if (allowed(t.toInstant(), tradingDaysOnly)) {
                fires.add(t.toInstant());
            }
        }
        return fires;
    }

    /** The first allowed fire strictly after {@code after}, looking at most a year ahead. */
    public Optional<Instant> next(CronExpression cron, boolean tradingDaysOnly, Instant after) {
        ZonedDateTime t = after.atZone(MarketClock.KST);
        ZonedDateTime horizon = t.plusDays(366);
        while (true) {
            t = cron.next(t);
            if (t == null || t.isAfter(horizon)) {
                return Optional.empty();
            }
            if (allowed(t.toInstant(), tradingDaysOnly)) {
                return Optional.of(t.toInstant());
            }
        }
    }

    /**
     * What is due at {@code now} for a job whose fires up to {@code cursor} are accounted for: the latest fire within
     * {@code grace} of now (on time), and the older ones (missed while nobody ran). Fires older than
     * {@code catchUpWindow} are not looked for.
     */
    public FirePlan plan(CronExpression cron, boolean tradingDaysOnly, Instant cursor, Instant now, Duration grace,
                         Duration catchUpWindow) {
        Instant from = cursor.isBefore(now.minus(catchUpWindow)) ? now.minus(catchUpWindow) : cursor;
        if (!now.isAfter(from)) {
            return FirePlan.NOTHING;
        }
        List<Instant> fires = firesBetween(cron, tradingDaysOnly, from, now);
        if (fires.isEmpty()) {
            return FirePlan.NOTHING;
        }
        Instant last = fires.get(fires.size() - 1);
        Instant graceStart = now.minus(grace);
        if (!last.isBefore(graceStart)) {
            return new FirePlan(last, List.copyOf(fires.subList(0, fires.size() - 1)));
        }
        return new FirePlan(null, List.copyOf(fires));
    }

    /**
     * @param onTime the fire to publish now, or null
     * @param missed fires that passed unpublished (before the on-time one, or all when none is on time)
     */
    public record FirePlan(Instant onTime, List<Instant> missed) {
        static final FirePlan NOTHING = new FirePlan(null, List.of());

        public boolean isEmpty() {
            return onTime == null && missed.isEmpty();
        }
    }
}
