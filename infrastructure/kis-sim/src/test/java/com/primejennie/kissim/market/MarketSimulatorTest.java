package com.primejennie.kissim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.config.KisSimProperties;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;

/** The price engine alone, on a hand-moved clock: reproducible, tick-aligned, within limits, history joins live. */
class MarketSimulatorTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-04T00:00:00Z"));

    private MarketSimulator simulator(long seed) throws Exception {
        Universe universe;
        try (InputStream in = getClass().getResourceAsStream("/kis-sim/universe.csv")) {
            universe = Universe.parse(in);
        }
        KisSimProperties.Market settings = new KisSimProperties.Market(seed, null, null, null, null, null, null, 60);
        return new MarketSimulator(new SimClock(now::get), new SimCalendar(KrxCalendar.bundled(KrxSessionRules.defaults()), LocalTime.of(9, 0), LocalTime.of(15, 30)),
                settings, universe, ReplayBook.empty());
    }

    private List<Trade> runMorning(long seed) throws Exception {
        now.set(Instant.parse("2026-03-04T00:00:00Z")); // 09:00 KST
        MarketSimulator sim = simulator(seed);
        List<Trade> trades = new ArrayList<>();
        sim.addListener(trades::add);
        for (int i = 0; i < 30; i++) {
            now.set(now.get().plus(Duration.ofMinutes(1)));
            sim.sync();
        }
        return trades;
    }

    @Test
    void sameSeedSameTradesDifferentSeedDifferentTrades() throws Exception {
        List<Trade> a = runMorning(1);
        List<Trade> b = runMorning(1);
        List<Trade> c = runMorning(2);
        assertThat(a).hasSizeGreaterThan(1000).isEqualTo(b);
        assertThat(c.stream().map(Trade::price).toList()).isNotEqualTo(a.stream().map(Trade::price).toList());
    }

    @Test
    void everyTradeIsTickAlignedWithinTheDailyLimitsWithAPositiveVolume() throws Exception {
        for (Trade t : runMorning(3)) {
            assertThat(Ticks.isValid(t.price())).as(t.toString()).isTrue();
            assertThat(t.price()).isBetween(PriceMath.lowerLimit(t.prevClose()), PriceMath.upperLimit(t.prevClose()));
            assertThat(t.volume()).isPositive();
            assertThat(t.high()).isGreaterThanOrEqualTo(t.price());
            assertThat(t.low()).isLessThanOrEqualTo(t.price());
        }
    }

    @Test
    void historyEndsAtTheCloseTheFirstDayOpensFromAndDaysRollOver() throws Exception {
        now.set(Instant.parse("2026-03-04T01:00:00Z"));
        MarketSimulator sim = simulator(5);
        Quote q = sim.quote("005930");
        List<DailyBar> before = sim.dailyBars("005930", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 3));
        assertThat(before.get(before.size() - 1).date()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(before.get(before.size() - 1).close()).isEqualTo(q.prevClose()).isEqualTo(71_000);

        now.set(Instant.parse("2026-03-05T00:30:00Z")); // next day 09:30 KST
        Quote next = sim.quote("005930");
        DailyBar yesterday = sim.dailyBars("005930", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4)).get(0);
        assertThat(next.date()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(next.prevClose()).isEqualTo(yesterday.close());
    }

    @Test
    void scriptedPricesComeFirstSnappedToTicks() throws Exception {
        now.set(Instant.parse("2026-03-04T01:00:00Z"));
        MarketSimulator sim = simulator(5);
        sim.script("005930", List.of(70_050L, 69_000L), true);
        List<Trade> trades = new ArrayList<>();
        sim.addListener(t -> {
            if (t.code().equals("005930")) {
                trades.add(t);
            }
        });
        now.set(now.get().plusSeconds(2));
        sim.sync();
        assertThat(trades).extracting(Trade::price).containsExactly(70_000L, 69_000L);
    }
}
