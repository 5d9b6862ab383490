package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.shared.feed.FeedWatchdog.Verdict;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.MarketClock;

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

    private static Instant kst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MarketClock.KST).toInstant();
    }

    private FeedWatchdog onTheKrxCalendar(List<String> sent) {
        return new FeedWatchdog(Duration.ofSeconds(60), MarketHours.of(KrxCalendar.bundled(KrxSessionRules.defaults())),
                text -> sent.add(text));
    }

    /** The closing call auction (15:20-15:30) has no trades: the old check alarmed there every afternoon. */
    @Test
    void noWatchdogAlarmDuringTheClosingAuction() {
        List<String> sent = new ArrayList<>();
        FeedWatchdog krx = onTheKrxCalendar(sent);
        krx.tick(kst("2026-11-26T15:19:30"));

        assertThat(krx.check(kst("2026-11-26T15:19:59"), true)).isEqualTo(Verdict.OK);
        assertThat(krx.check(kst("2026-11-26T15:20:30"), true)).isEqualTo(Verdict.OK);
        assertThat(krx.check(kst("2026-11-26T15:25:00"), true)).isEqualTo(Verdict.OK);
        assertThat(krx.check(kst("2026-11-26T15:29:59"), true)).isEqualTo(Verdict.OK);
        assertThat(krx.check(kst("2026-11-26T15:45:00"), true)).as("after-hours").isEqualTo(Verdict.OK);

        assertThat(sent).isEmpty();
        assertThat(krx.isStale()).isFalse();
    }

    @ParameterizedTest(name = "last tick {0}, look at {1} -> {2}")
    @CsvSource({
            "2026-11-26T15:18:00, 2026-11-26T15:19:00, BECAME_STALE", // continuous: a minute of silence is an outage
            "2026-11-26T08:50:00, 2026-11-26T08:59:59, OK",           // opening auction: no trades yet
            "2026-11-19T15:20:00, 2026-11-19T15:25:00, BECAME_STALE", // exam day: continuous until 16:20
            "2026-11-19T16:15:00, 2026-11-19T16:25:00, OK",           // exam day closing auction
    })
    void alarmsOnlyWhenContinuousTradingIsSilent(String lastTick, String lookAt, Verdict expected) {
        List<String> sent = new ArrayList<>();
        FeedWatchdog krx = onTheKrxCalendar(sent);
        krx.tick(kst(lastTick));
        krx.check(kst(lastTick), true);

        assertThat(krx.check(kst(lookAt), true)).isEqualTo(expected);
        assertThat(sent).hasSize(expected == Verdict.BECAME_STALE ? 1 : 0);
    }

    /** The alert goes out after the lock is released: the WebSocket thread's tick() never waits on Telegram. */
    @Test
    void decidesUnderItsLockAndNotifiesOutsideIt() throws Exception {
        List<Boolean> tickWhileNotifying = new CopyOnWriteArrayList<>();
        FeedWatchdog[] self = new FeedWatchdog[1];
        self[0] = new FeedWatchdog(Duration.ofSeconds(60), i -> true, text -> {
            // A slow Telegram: meanwhile another thread (the WebSocket listener) records a tick.
            CompletableFuture<Void> tick = CompletableFuture.runAsync(() -> self[0].tick(t0.plusSeconds(61)));
            try {
                tick.get(5, TimeUnit.SECONDS);
                tickWhileNotifying.add(true);
            } catch (TimeoutException e) {
                tickWhileNotifying.add(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return true;
        });
        self[0].tick(t0);

        assertThat(self[0].check(t0.plusSeconds(60), true)).isEqualTo(Verdict.BECAME_STALE);

        assertThat(tickWhileNotifying).as("a tick from another thread while the alert is sent").containsExactly(true);
        assertThat(self[0].lastTick()).contains(t0.plusSeconds(61));
    }
}
