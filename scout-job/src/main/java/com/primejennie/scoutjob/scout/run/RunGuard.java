package com.primejennie.scoutjob.scout.run;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.primejennie.shared.market.TradingCalendar;

/**
 * The run guard (spec §3.3, with the KRX calendar the Python guard lacked): a scout run happens on a KRX trading day
 * between 07:00 and 16:00 KST, unless {@code DISABLE_MARKET_OPEN_CHECK} or mock trading. Answers why not, or empty.
 */
public final class RunGuard {

    public static final LocalTime FROM = LocalTime.of(7, 0);
    public static final LocalTime UNTIL = LocalTime.of(16, 0);

    private final TradingCalendar calendar;
    private final boolean disabled;

    public RunGuard(TradingCalendar calendar, boolean disabled) {
        this.calendar = calendar;
        this.disabled = disabled;
    }

    public Optional<String> refuse(ZonedDateTime kstNow) {
        if (disabled) {
            return Optional.empty();
        }
        if (!calendar.isTradingDay(kstNow.toLocalDate())) {
            return Optional.of(kstNow.toLocalDate() + " is not a KRX trading day");
        }
        LocalTime t = kstNow.toLocalTime();
        if (t.isBefore(FROM) || !t.isBefore(UNTIL)) {
            return Optional.of("outside the scout window 07:00-16:00 KST (" + t.withNano(0) + ")");
        }
        return Optional.empty();
    }
}
