package com.primejennie.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.primejennie.shared.market.ManualMarketClock;

/** WATCHLIST, STOCK_MASTER, STOCK_DAILY_PRICES_3Y and CONFIG repositories, on the real MariaDB. */
class MarketDataRepositoriesTest {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.emptyingBeforeEach("marketdata",
            "WATCHLIST", "STOCK_MASTER", "STOCK_DAILY_PRICES_3Y", "CONFIG");

    private ManualMarketClock clock;

    @BeforeEach
    void startTheClock() {
        clock = ManualMarketClock.atKst(LocalDateTime.parse("2026-02-12T10:30"));
    }

    private static WatchlistEntry watch(String code, String name, double score, LocalDateTime scoredAt) {
        return new WatchlistEntry(code, name, true, "TIER1", score,
                "실적 개선\n\n[LLM_METADATA]{\"llm_grade\":\"A\",\"trade_tier\":\"TIER1\"}", scoredAt, 12.5, 1.1, 9.8,
                425_000_000_000_000L, 5.5, 7.25, null, null);
    }

    @Test
    void watchlistUpsertReplacesTheEntryButKeepsItsCreationTime() {
        WatchlistRepository watchlist = new WatchlistRepository(db.jdbc(), clock);
        LocalDateTime now = clock.nowUtcNaive();
        watchlist.upsert(watch("005930", "삼성전자", 82.5, now));
        clock.advance(Duration.ofHours(1));

        watchlist.upsert(watch("005930", "삼성전자", 77.0, now.plusHours(1)));

        WatchlistEntry stored = watchlist.find("005930").orElseThrow();
        assertThat(stored.llmScore()).isEqualTo(77.0);
        assertThat(stored.createdAt()).isEqualTo(now);
        assertThat(stored.llmReason()).endsWith("[LLM_METADATA]{\"llm_grade\":\"A\",\"trade_tier\":\"TIER1\"}");
        assertThat(stored.marketCap()).isEqualTo(425_000_000_000_000L);
        assertThat(stored.tradeTier()).isEqualTo("TIER1");
    }

    @Test
    void watchlistIsOrderedByScoreAndStaleEntriesArePurgedOnlyWhenAsked() {
        WatchlistRepository watchlist = new WatchlistRepository(db.jdbc(), clock);
        LocalDateTime now = clock.nowUtcNaive();
        watchlist.upsert(watch("000660", "SK하이닉스", 70, now.minusHours(25)));
        watchlist.upsert(watch("005930", "삼성전자", 82, now));
        watchlist.upsert(new WatchlistEntry("035420", "NAVER", false, null, 50.0, null, now, null, null, null, null,
                null, null, null, null));

        assertThat(watchlist.findAll()).extracting(WatchlistEntry::stockCode)
                .containsExactly("005930", "000660", "035420");
        assertThat(watchlist.find("035420").orElseThrow().tradeTier()).isEqualTo(WatchlistEntry.BLOCKED);

        assertThat(watchlist.deleteScoredBefore(now.minusHours(24))).isEqualTo(1);
        assertThat(watchlist.findAll()).extracting(WatchlistEntry::stockCode).containsExactly("005930", "035420");
        assertThat(watchlist.delete("005930")).isTrue();
        assertThat(watchlist.delete("005930")).isFalse();
    }

    @Test
    void stockMasterResolvesCodesAndExactNames() {
        StockMasterRepository master = new StockMasterRepository(db.jdbc(), clock);
        master.upsert(new StockMasterEntry("005930", "삼성전자", 425_000_000_000_000L, "전기전자", "반도체와반도체장비",
                "IT", false));
        master.upsert(new StockMasterEntry("069500", "KODEX 200", null, null, null, null, true));
        master.upsert(new StockMasterEntry("005930", "삼성전자", 430_000_000_000_000L, "전기전자", "반도체",
                "IT", false));

        assertThat(master.find("005930").orElseThrow().marketCap()).isEqualTo(430_000_000_000_000L);
        assertThat(master.findByName("KODEX 200").orElseThrow().etf()).isTrue();
        assertThat(master.findByName("kodex 200")).as("case-sensitive, as the command handler matches").isEmpty();
        assertThat(master.findAll()).extracting(StockMasterEntry::stockCode).containsExactly("005930", "069500");
    }

    @Test
    void dailyPricesComeBackOldestFirstAsWholeWon() {
        DailyPriceRepository prices = new DailyPriceRepository(db.jdbc(), clock);
        LocalDate day = LocalDate.of(2026, 2, 2);
        for (int i = 0; i < 5; i++) {
            prices.upsert(List.of(new DailyPrice("005930", day.plusDays(i), 70_000 + i, 71_000 + i, 69_000 + i,
                    70_500 + i, 1_000_000L * (i + 1))));
        }
        prices.upsert(List.of(new DailyPrice("005930", day, 1, 2, 1, 2, 3)));

        List<DailyPrice> latest = prices.findLatest("005930", 3);
        assertThat(latest).extracting(DailyPrice::priceDate)
                .containsExactly(day.plusDays(2), day.plusDays(3), day.plusDays(4));
        assertThat(latest.get(2).closePrice()).isEqualTo(70_504L);
        assertThat(prices.findBetween("005930", day, day.plusDays(1))).extracting(DailyPrice::closePrice)
                .containsExactly(2L, 70_501L);
        assertThat(prices.findLatest("000660", 3)).isEmpty();
        assertThatThrownBy(() -> prices.findLatest("005930", 0)).hasMessageContaining("positive");
    }

    @Test
    void configRowsStoreTextWithALastUpdatedInUtc() {
        ConfigRepository config = new ConfigRepository(db.jdbc(), clock);
        config.upsert("MAX_BUY_COUNT_PER_DAY", "4", "운영자 설정");
        clock.advance(Duration.ofMinutes(5));
        config.upsert("MAX_BUY_COUNT_PER_DAY", "3", null);

        ConfigEntry entry = config.find("MAX_BUY_COUNT_PER_DAY").orElseThrow();
        assertThat(entry.value()).isEqualTo("3");
        assertThat(entry.description()).as("kept when not given").isEqualTo("운영자 설정");
        assertThat(entry.lastUpdated()).isEqualTo(LocalDateTime.of(2026, 2, 12, 1, 35));
        assertThat(config.findValue("UNKNOWN_KEY")).isEmpty();
        assertThat(config.delete("MAX_BUY_COUNT_PER_DAY")).isTrue();
        assertThat(config.findAll()).isEmpty();
        assertThatThrownBy(() -> config.upsert("X", null, null)).hasMessageContaining("X");
    }
}
