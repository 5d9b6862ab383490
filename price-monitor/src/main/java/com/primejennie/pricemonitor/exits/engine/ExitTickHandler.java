package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.pricemonitor.exits.alerts.PriceAlerts;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.StreamHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exits' handler on {@code kis:prices} (its own group, beside the feed): hands each tick with its market time to
 * the {@link ExitEngine}, then to the {@link PriceAlerts}, and reports success or failure to {@link ExitPathHealth}.
 * A failing tick is logged with the stock and counted, not dead-lettered: the next tick is a newer price anyway.
 *
 * <p>A tick's market time is its {@code time} field ({@code HHmmss}, KST, the exchange's trade time, taken at the
 * start of its second) on the market clock's date; without one, the market clock's now minus the real age of the
 * stream entry. The entry id alone is Redis's real time, which under a simulated clock says nothing about the market.
 */
public final class ExitTickHandler implements StreamHandler<PriceTick> {

    private static final Logger log = LoggerFactory.getLogger(ExitTickHandler.class);
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");

    private final ExitEngine engine;
    private final ExitPathHealth health;
    private final MarketClock clock;
    private final PriceAlerts alerts;
    private final InstantSource real;

    public ExitTickHandler(ExitEngine engine, ExitPathHealth health, MarketClock clock) {
        this(engine, health, clock, null, InstantSource.system());
    }

    public ExitTickHandler(ExitEngine engine, ExitPathHealth health, MarketClock clock, PriceAlerts alerts,
                           InstantSource real) {
        this.engine = engine;
        this.health = health;
        this.clock = clock;
        this.alerts = alerts;
        this.real = real;
    }

    @Override
    public void onMessage(ReceivedMessage<PriceTick> message) {
        PriceTick tick = message.payload();
        try {
            engine.onTick(tick.code(), tick.price(), marketTime(tick.time(), message.storedAt()));
            health.success();
        } catch (RuntimeException e) {
            log.error("exit evaluation failed for {} at {}: {}", tick.code(), tick.price(), e.toString(), e);
            health.failure(clock.instant(), e);
        }
        if (alerts != null) {
            try {
                alerts.onTick(tick.code(), tick.price());
            } catch (RuntimeException e) {
                log.warn("price alert of {} not checked: {}", tick.code(), e.toString());
            }
        }
    }

    /** The tick's market time (see the class comment). */
    Instant marketTime(String hhmmss, Instant storedAt) {
        Instant now = clock.instant();
        if (hhmmss != null && hhmmss.length() == 6) {
            try {
                ZonedDateTime t = clock.now().with(LocalTime.parse(hhmmss, HHMMSS));
                if (t.toInstant().isAfter(now.plus(Duration.ofHours(1)))) {
                    t = t.minusDays(1); // a tick of 23:59:59 read after midnight
                }
                return t.toInstant();
            } catch (DateTimeParseException e) {
                // fall back to the entry's age
            }
        }
        Duration realAge = Duration.between(storedAt, real.instant());
        return realAge.isNegative() ? now : now.minus(realAge);
    }
}
