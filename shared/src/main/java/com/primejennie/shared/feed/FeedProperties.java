package com.primejennie.shared.feed;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the real-time price feed ({@code jennie.feed.*}), with every default in this one place.
 *
 * <p>{@code enabled} switches the whole feed off, for the migration period in which the Python kis-gateway still
 * streams {@code kis:prices}: two producers would double every tick. {@code websocketUrl}, when blank, follows the
 * trading mode: KIS's real server for {@code REAL}, the paper (모의) server otherwise.
 *
 * @param enabled            run the feed (default true)
 * @param websocketUrl       KIS real-time WebSocket; blank = by trading mode
 * @param htsId              HTS user id, the {@code tr_key} of fill notices H0STCNI0; blank = no fill notices
 * @param registrationLimit  real-time registrations KIS allows one session (documented as 41); fill notices use one
 * @param replanInterval     how often holdings and the hot watchlist are re-read and the subscriptions diffed
 * @param silenceThreshold   while the market is open, no tick for this long = the feed is dead (health DOWN, alert)
 * @param watchdogInterval   how often the watchdog looks
 * @param subscribePacing    pause between two subscribe messages (the Python gateway used 50 ms)
 * @param reconnectInitial   first reconnect delay; doubles per failed attempt
 * @param reconnectMax       cap of the reconnect delay
 * @param barFlushInterval   how often finished minute bars are written to STOCK_MINUTE_PRICE
 * @param pricesStream       stream of trade ticks (Python contract: {@code kis:prices}); its MAXLEN ~ (10 000) is a
 *                           messaging setting, {@code jennie.messaging.streams.kis-prices.max-len}
 * @param fillsStream        stream of fill notices ({@code jennie.messaging.streams.kis-fills.max-len})
 */
@ConfigurationProperties("jennie.feed")
public record FeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String websocketUrl,
        @DefaultValue("") String htsId,
        @DefaultValue("41") int registrationLimit,
        @DefaultValue("30s") Duration replanInterval,
        @DefaultValue("60s") Duration silenceThreshold,
        @DefaultValue("5s") Duration watchdogInterval,
        @DefaultValue("50ms") Duration subscribePacing,
        @DefaultValue("1s") Duration reconnectInitial,
        @DefaultValue("60s") Duration reconnectMax,
        @DefaultValue("5s") Duration barFlushInterval,
        @DefaultValue("kis:prices") String pricesStream,
        @DefaultValue("kis:fills") String fillsStream) {

    /** KIS's real-account WebSocket. */
    public static final String REAL_WEBSOCKET = "ws://ops.koreainvestment.com:21000";
    /** KIS's paper-account (모의투자) WebSocket. */
    public static final String PAPER_WEBSOCKET = "ws://ops.koreainvestment.com:31000";

    public FeedProperties {
        if (registrationLimit < 1) {
            throw new IllegalArgumentException("jennie.feed.registration-limit must be at least 1, was "
                    + registrationLimit);
        }
        requirePositive("silence-threshold", silenceThreshold);
        requirePositive("replan-interval", replanInterval);
        requirePositive("watchdog-interval", watchdogInterval);
        requirePositive("reconnect-initial", reconnectInitial);
        requirePositive("bar-flush-interval", barFlushInterval);
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException("jennie.feed.reconnect-max (" + reconnectMax
                    + ") is below reconnect-initial (" + reconnectInitial + ")");
        }
    }

    /** The WebSocket to connect to: the configured one, else KIS's server for the trading mode. */
    public URI websocketUri(boolean realMode) {
        return URI.create(blank(websocketUrl) ? (realMode ? REAL_WEBSOCKET : PAPER_WEBSOCKET) : websocketUrl);
    }

    /** Whether fill notices can be subscribed (they need the HTS id). */
    public boolean fillNoticesEnabled() {
        return !blank(htsId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("jennie.feed." + name + " must be positive, was " + d);
        }
    }
}
