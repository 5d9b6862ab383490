package com.primejennie.shared.feed;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the feed for health and logs.
 *
 * @param state           CONNECTING, CONNECTED, DISCONNECTED or STOPPED
 * @param subscribed      codes registered on the current connection, in priority order
 * @param confirmed       how many of them KIS has acknowledged (SUBSCRIBE SUCCESS) so far
 * @param lastTick        newest tick, null before the first
 * @param ticks           trade ticks received from KIS since start
 * @param published       {@code kis:prices} entries written since start (fewer than {@code ticks} when ticks of a code
 *                        were coalesced while the publisher was busy or Redis away; Σvol is the same)
 * @param coalesced       ticks merged into a waiting tick of the same code
 * @param buffered        codes whose latest tick waits for the publisher (at most one per subscribed code)
 * @param publishFailures publish attempts Redis refused (each retried)
 * @param publishFailing  the latest publish attempt failed (ticks arrive but nobody downstream sees them)
 * @param reconnects      connections opened after the first
 * @param fillNotices     KIS confirmed the account's fill-notice registration on this connection
 * @param stale           the watchdog judges the feed dead (market open, no ticks)
 * @param lastError       the latest connection or publish error, null if none
 */
public record FeedStatus(String state, List<String> subscribed, int confirmed, Instant lastTick, long ticks,
                         long published, long coalesced, int buffered, long publishFailures,
                         boolean publishFailing, long reconnects, boolean fillNotices, boolean stale,
                         String lastError) {
}
