package com.primejennie.shared.feed;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Shows the feed in {@code /actuator/health} (component {@code feed}): DOWN while the watchdog judges it dead (market
 * open, no ticks) or while ticks arrive but cannot be published, UP otherwise, with the connection state, registrations, last tick and counters as details.
 * A connection that is down outside market hours is not an outage, so it stays UP with {@code state=DISCONNECTED}.
 */
public final class FeedHealthIndicator extends AbstractHealthIndicator {

    private final KisRealtimeFeed feed;

    public FeedHealthIndicator(KisRealtimeFeed feed) {
        super("price feed health check failed");
        this.feed = feed;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        FeedStatus s = feed.status();
        (s.stale() || s.publishFailing() ? builder.down() : builder.up())
                .withDetail("state", s.state())
                .withDetail("stale", s.stale())
                .withDetail("subscribed", s.subscribed().size())
                .withDetail("confirmed", s.confirmed())
                .withDetail("codes", s.subscribed())
                .withDetail("lastTick", s.lastTick() == null ? "none" : s.lastTick().toString())
                .withDetail("ticks", s.ticks())
                .withDetail("published", s.published())
                .withDetail("coalesced", s.coalesced())
                .withDetail("buffered", s.buffered())
                .withDetail("publishFailures", s.publishFailures())
                .withDetail("publishFailing", s.publishFailing())
                .withDetail("reconnects", s.reconnects())
                .withDetail("fillNotices", s.fillNotices());
        if (s.lastError() != null) {
            builder.withDetail("lastError", s.lastError());
        }
    }
}
