package com.primejennie.shared.feed;

import java.time.Duration;

/** Feed settings for tests: fast reconnects, no subscribe pacing, schedules slow enough that tests drive each step. */
public final class FeedTestProperties {

    private FeedTestProperties() {
    }

    public static FeedProperties with(String websocketUrl, int limit, String htsId) {
        return new FeedProperties(true, websocketUrl, htsId, limit,
                Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofHours(1), Duration.ZERO.plusMillis(1),
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofHours(1), "kis:prices", "kis:fills");
    }
}
