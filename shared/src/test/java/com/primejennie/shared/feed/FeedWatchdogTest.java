package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.feed.FeedWatchdog.Verdict;

class FeedWatchdogTest {

    private final List<String> alerts = new ArrayList<>();
    private boolean open = true;
    private final FeedWatchdog watchdog = new FeedWatchdog(Duration.ofSeconds(60), i -> open, text -> {
        alerts.add(text);
        return true;
    });
    private final Instant t0 = Instant.parse("2026-11-26T01:00:00Z"); // 10:00 KST, but the market is faked

    @Test
    void firesOnceWhenNoTickArrivesForTheThresholdWhileTheMarketIsOpenAndReportsRecovery() {
        watchdog.tick(t0);
        assertThat(watchdog.check(t0.plusSeconds(59), true)).isEqualTo(Verdict.OK);

        assertThat(watchdog.check(t0.plusSeconds(60), true)).isEqualTo(Verdict.BECAME_STALE);
        assertThat(watchdog.check(t0.plusSeconds(90), true)).isEqualTo(Verdict.STILL_STALE);
        assertThat(watchdog.isStale()).isTrue();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).contains("끊김");

        watchdog.tick(t0.plusSeconds(100));
        assertThat(watchdog.check(t0.plusSeconds(101), true)).isEqualTo(Verdict.RECOVERED);
        assertThat(watchdog.isStale()).isFalse();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1)).contains("복구");
    }

    @Test
    void staysQuietWhileTheMarketIsClosedAndCountsSilenceFromTheOpen() {
        open = false;
        watchdog.tick(t0.minus(Duration.ofHours(17))); // yesterday's last tick
        assertThat(watchdog.check(t0, true)).isEqualTo(Verdict.OK);

        open = true;
        assertThat(watchdog.check(t0.plusSeconds(30), true)).isEqualTo(Verdict.OK);
        assertThat(watchdog.check(t0.plusSeconds(61), true)).isEqualTo(Verdict.BECAME_STALE);
    }

    @Test
    void expectsNoTicksWhenNothingIsSubscribed() {
        assertThat(watchdog.check(t0, false)).isEqualTo(Verdict.OK);
        assertThat(watchdog.check(t0.plusSeconds(3600), false)).isEqualTo(Verdict.OK);
        assertThat(alerts).isEmpty();
    }

    @Test
    void alertsTheOperatorWhenHeldPositionsCannotBeWatched() {
        watchdog.reportUnwatchedHoldings(List.of("005930", "000660"), 41);
        watchdog.reportUnwatchedHoldings(List.of(), 41);

        assertThat(alerts).singleElement().asString()
                .contains("005930, 000660").contains("41").contains("손절/익절 감시가 되지 않습니다");
    }
}
