package com.primejennie.shared.market;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Turns {@link ClockProperties} into the process's {@link MarketClock}: the system clock, a simulation fixed by
 * configuration, or the simulation shared through Redis. Kept apart from Spring so the choice is testable alone; the
 * store is only asked for when Redis is really needed.
 */
public final class MarketClockFactory {

    private MarketClockFactory() {
    }

    public static MarketClock create(ClockProperties properties, Supplier<ClockAnchorStore> store, Clock real) {
        boolean hasStart = ClockProperties.hasText(properties.start());
        boolean hasAnchor = ClockProperties.hasText(properties.anchor());
        if (hasAnchor && !hasStart) {
            throw new IllegalArgumentException("jennie.clock.anchor is set but jennie.clock.start is not");
        }
        if (properties.mode() == ClockProperties.Mode.SYSTEM) {
            return new SystemMarketClock(real);
        }
        Instant start = hasStart ? parse("jennie.clock.start", properties.start()) : null;
        Double speed = properties.speed();
        if (hasAnchor) {
            Instant anchor = parse("jennie.clock.anchor", properties.anchor());
            return new SimulatedMarketClock(new SimulationAnchor(start, anchor, speed == null ? 1.0 : speed), real);
        }
        if (properties.publish() && start == null) {
            throw new IllegalArgumentException("jennie.clock.publish=true needs jennie.clock.start");
        }
        Instant from = start;
        SimulationAnchor anchor = AnchorJoin.untilRedisAnswers(() -> {
            ClockAnchorStore anchors = store.get();
            return properties.publish() ? anchors.publish(from, speed, real) : anchors.join(from, speed, real);
        }, properties.redisKey(), properties.joinTimeout(), AnchorJoin.SLEEP);
        return new SimulatedMarketClock(anchor, real);
    }

    private static Instant parse(String property, String value) {
        try {
            return SimulationAnchor.parseTime(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }
}
