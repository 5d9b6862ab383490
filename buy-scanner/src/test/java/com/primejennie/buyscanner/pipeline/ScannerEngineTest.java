package com.primejennie.buyscanner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.buyscanner.flags.TradingFlagsCache;
import com.primejennie.buyscanner.testing.EngineHarness;
import com.primejennie.buyscanner.testing.UnreachableRedis;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.testing.RealServices;
import com.primejennie.shared.trading.TradingFlags;

/**
 * The engine on a real Redis, ticks handed in as the worker hands them: momentum confirmation, the backlog rule,
 * ticks without volume, the quiet-bar timer, the atomic cooldown between two scanners, and fail-closed flags.
 */
class ScannerEngineTest {

    private static final String CODE = "005930";
    private final List<EngineHarness> harnesses = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void cleanRedis() {
        RealServices.flushRedis();
    }

    @AfterEach
    void close() {
        harnesses.forEach(EngineHarness::close);
        RealServices.flushRedis();
    }

    private EngineHarness harness(TradingFlagsCache flags) {
        EngineHarness h = new EngineHarness(RealServices.redis().uri(), LocalDateTime.of(2026, 2, 11, 10, 0),
                env, ScannerProperties.defaults(), Clock.systemUTC(), SignalObserver.NONE, flags);
        harnesses.add(h);
        h.watch("SIDEWAYS", List.of(CODE));
        return h;
    }

    private EngineHarness harness() {
        return harness(null);
    }

    private static ReceivedMessage<PriceTick> message(PriceTick tick, Instant storedAt) {
        return new ReceivedMessage<>(Streams.KIS_PRICES, storedAt.toEpochMilli() + "-0", tick, Map.of());
    }

    /** One tick at minute {@code m} after 10:00 (second {@code s}), the clock moved there first. */
    private static void tick(EngineHarness h, int m, int s, double price, Long volume, Instant storedAt) {
        LocalDateTime at = LocalDateTime.of(2026, 2, 11, 10, 0).plusMinutes(m).plusSeconds(s);
        h.clock.setKst(at);
        String time = String.format("%02d%02d%02d", at.getHour(), at.getMinute(), at.getSecond());
        h.engine.onTick(message(new PriceTick(CODE, price, price, volume, time), storedAt));
    }

    /** Zigzag +200/−100 from 70 000, one bar per minute (RSI 66.7); MOMENTUM 1.5 % is reached at 20 bars. */
    private static double close(int minute) {
        return 70_000 + 100 * (minute / 2) + (minute % 2 == 1 ? 200 : 0);
    }

    private static void minutes(EngineHarness h, int from, int to, Long volume) throws Exception {
        for (int m = from; m < to; m++) {
            tick(h, m, 0, close(m), volume, Instant.now());
        }
        h.engine.lanes().drain(Duration.ofSeconds(5));
    }

    @Test
    void aConfirmedMomentumSignalIsPublishedExactlyOnce_DEFECT_5_3() throws Exception {
        env.put("MOMENTUM_CONFIRMATION_BARS", "1");
        EngineHarness h = harness();
        minutes(h, 0, 21, 100L); // the 21st tick completes bar 19 -> 20 bars -> MOMENTUM detected, held
        assertThat(h.signals()).isEmpty();
        assertThat(h.redis.hasKey("buy_signal_cooldown:" + CODE)).isTrue();
        minutes(h, 21, 22, 100L); // completes bar 20 (close 71 000 >= detection price 71 000) -> released once
        assertThat(h.signals()).hasSize(1);
        var candidate = WireJson.mapper().readTree(h.signals().get(0)).get("candidates").get(0);
        assertThat(candidate.get("buy_signal_type").asString()).isEqualTo("MOMENTUM");
        assertThat(candidate.get("current_price").asDouble()).isEqualTo(close(20));
        minutes(h, 22, 26, 100L);
        assertThat(h.signals()).hasSize(1);
    }

    @Test
    void anUnconfirmedMomentumSignalIsDropped() throws Exception {
        env.put("MOMENTUM_CONFIRMATION_BARS", "1");
        EngineHarness h = harness();
        minutes(h, 0, 20, 100L);
        tick(h, 20, 0, close(20), 100L, Instant.now()); // detection price 71 000
        tick(h, 20, 30, 70_900, 100L, Instant.now()); // bar 20 closes below it
        tick(h, 21, 0, 70_900, 100L, Instant.now());
        h.engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(h.signals()).isEmpty();
    }

    @Test
    void withoutConfirmationTheSignalIsPublishedAtTheTickPrice() throws Exception {
        EngineHarness h = harness();
        minutes(h, 0, 21, 100L);
        assertThat(h.signals()).hasSize(1);
        assertThat(WireJson.mapper().readTree(h.signals().get(0)).get("candidates").get(0).get("current_price")
                .asDouble()).isEqualTo(close(20));
    }

    @Test
    void anOvernightBacklogUpdatesBarsButNeverSignals() throws Exception {
        EngineHarness h = harness();
        Instant yesterday = Instant.now().minus(Duration.ofHours(16));
        for (int m = 0; m < 25; m++) {
            tick(h, m, 0, close(m), 100L, yesterday);
        }
        h.engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(h.engine.completedBars(CODE)).isEqualTo(24);
        assertThat(h.signals()).isEmpty();
        assertThat(h.redis.hasKey("buy_logic:snapshot:" + CODE)).isFalse();
    }

    @Test
    void ticksWithoutVolCountAsVolumeZeroAndWithVolFeedTheVolumeRatio() throws Exception {
        EngineHarness h = harness();
        env.put("MIN_REQUIRED_BARS", "1");
        minutes(h, 0, 3, null);
        var snapshot = WireJson.mapper().readTree(h.redis.opsForValue().get("buy_logic:snapshot:" + CODE));
        assertThat(snapshot.get("volume_ratio").asDouble()).isZero();
        assertThat(snapshot.get("vwap").asDouble()).isEqualTo(close(0));
        EngineHarness v = harness();
        v.engine.lanes();
        tick(v, 0, 0, 100, 100L, Instant.now());
        tick(v, 1, 0, 100, 300L, Instant.now());
        tick(v, 2, 0, 100, 1L, Instant.now());
        v.engine.lanes().drain(Duration.ofSeconds(5));
        var withVolume = WireJson.mapper().readTree(v.redis.opsForValue().get("buy_logic:snapshot:" + CODE));
        assertThat(withVolume.get("volume_ratio").asDouble()).isEqualTo(1.5);
    }

    @Test
    void aQuietStockClosesItsBarOnTheTimerAndIsEvaluated() throws Exception {
        EngineHarness h = harness();
        minutes(h, 0, 20, 100L); // bars 0..18 complete, bar 19 forming
        assertThat(h.signals()).isEmpty();
        h.clock.setKst(LocalDateTime.of(2026, 2, 11, 10, 20, 1)); // within the grace: still open
        h.engine.closeQuietBars();
        h.engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(h.engine.completedBars(CODE)).isEqualTo(19);
        h.clock.setKst(LocalDateTime.of(2026, 2, 11, 10, 20, 3));
        h.engine.closeQuietBars();
        h.engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(h.engine.completedBars(CODE)).isEqualTo(20);
        assertThat(h.signals()).hasSize(1);
        assertThat(WireJson.mapper().readTree(h.signals().get(0)).get("candidates").get(0).get("current_price")
                .asDouble()).isEqualTo(close(19));
    }

    @Test
    void twoScannersSeeingTheSameStockPublishOneSignalBecauseTheCooldownIsSetNx() throws Exception {
        EngineHarness a = harness();
        EngineHarness b = harness();
        for (int m = 0; m < 21; m++) {
            Instant now = Instant.now();
            tick(a, m, 0, close(m), 100L, now);
            tick(b, m, 0, close(m), 100L, now);
        }
        a.engine.lanes().drain(Duration.ofSeconds(5));
        b.engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(a.signals()).hasSize(1);
    }

    @Test
    void publishesNothingWhenTheFlagsCannotBeRead() throws Exception {
        UnreachableRedis dead = new UnreachableRedis();
        TradingFlagsCache unreadable = new TradingFlagsCache(TradingFlagsCache.failClosedFlags(dead.redis,
                Instant::now, Duration.ofMillis(50)));
        EngineHarness h = harness(unreadable);
        minutes(h, 0, 25, 100L);
        assertThat(h.engine.completedBars(CODE)).isEqualTo(24);
        assertThat(h.signals()).isEmpty();
        var health = new ScannerHealthIndicator(unreadable, h.watchlist, h.engine).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(String.valueOf(health.getDetails().get("flags"))).contains("cannot read trading:stop");
        dead.close();
        var up = new ScannerHealthIndicator(harness().flags, h.watchlist, h.engine).health();
        assertThat(up.getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void aCodeThatJoinsTheWatchlistIsPickedUpOnTheNextPoll() throws Exception {
        EngineHarness h = harness();
        tick(h, 0, 0, 100, 1L, Instant.now());
        h.engine.onTick(message(new PriceTick("000660", 100, null, 1L, "100000"), Instant.now()));
        h.engine.lanes().drain(Duration.ofSeconds(5));
        long before = h.engine.stats().ticks();
        h.watch("SIDEWAYS", List.of(CODE, "000660"));
        assertThat(h.watchlist.current().contains("000660")).isTrue();
        h.engine.onTick(message(new PriceTick("000660", 100, null, 1L, "100000"), Instant.now()));
        h.engine.onTick(message(new PriceTick("000660", 100, null, 1L, "100100"), Instant.now()));
        h.engine.lanes().drain(Duration.ofSeconds(5));
        assertThat(h.engine.completedBars("000660")).isEqualTo(1);
        assertThat(h.engine.stats().ticks()).isEqualTo(before + 2);
        assertThat(Instant.now().atOffset(ZoneOffset.UTC)).isNotNull();
    }

    @ParameterizedTest(name = "MIN_LLM_SCORE {0}, watchlist llm_score 60 -> signals {1}")
    @CsvSource({"0,1", "60,1", "61,0"})
    void aWatchlistStockBelowMinLlmScorePublishesNoBuySignal(int minScore, int signals) throws Exception {
        env.put("MIN_LLM_SCORE", String.valueOf(minScore));
        EngineHarness h = harness();
        minutes(h, 0, 22, 100L);
        assertThat(h.signals()).hasSize(signals);
    }

    @Test
    void aPauseWrittenThroughTheSharedTradingFlagsStopsSignals() throws Exception {
        EngineHarness h = harness();
        new TradingFlags(h.redis, h.clock).pause("점검", null);
        minutes(h, 0, 22, 100L);
        assertThat(h.signals()).isEmpty();
        assertThat(h.flags.state()).isEqualTo(TradingFlagsCache.State.PAUSED);
    }
}
