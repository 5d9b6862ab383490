package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed's sources and sinks against the real Redis and MariaDB. */
class FeedStoreTest {

    private final FeedTestServices services = new FeedTestServices();

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void readsTheHotWatchlistByRankWithMissingRanksLast() {
        services.redis().opsForValue().set("hot_watchlist:v1764115200", "{\"stocks\":["
                + "{\"code\":\"C\",\"rank\":3},{\"code\":\"X\"},{\"code\":\"A\",\"rank\":1},{\"code\":\"B\",\"rank\":\"2\"}]}");
        services.redis().opsForValue().set(HotWatchlistCodeSource.ACTIVE_KEY, "hot_watchlist:v1764115200");

        assertThat(new HotWatchlistCodeSource(services.redis()).codes()).containsExactly("A", "B", "C", "X");
    }

    @Test
    void noActiveWatchlistMeansNoCodesButABrokenOneIsAnErrorSoThePreviousPlanIsKept() {
        HotWatchlistCodeSource source = new HotWatchlistCodeSource(services.redis());
        assertThat(source.codes()).isEmpty();

        services.redis().opsForValue().set("hot_watchlist:v1", "{not json");
        services.redis().opsForValue().set(HotWatchlistCodeSource.ACTIVE_KEY, "hot_watchlist:v1");
        assertThatThrownBy(source::codes).hasMessageContaining("hot_watchlist:v1");
    }

    @Test
    void readsOnlyPositiveHoldingsOfTheTradingModesTable() {
        services.hold("005930", 10);
        services.hold("000660", 0);
        services.jdbc().update("INSERT INTO ACTIVE_PORTFOLIO (STOCK_CODE, QUANTITY) VALUES ('035420', 5)");

        assertThat(new HoldingsCodeSource(services.jdbc(), HoldingsCodeSource.tableFor("MOCK")).codes())
                .containsExactly("005930");
        assertThat(new HoldingsCodeSource(services.jdbc(), HoldingsCodeSource.tableFor("REAL")).codes())
                .containsExactly("035420");
        assertThatThrownBy(() -> HoldingsCodeSource.tableFor("Paper")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondWriteOfTheSameMinuteMergesInsteadOfOverwriting() {
        JdbcMinuteBarWriter writer = new JdbcMinuteBarWriter(services.jdbc(),
                () -> LocalDateTime.of(2026, 11, 26, 1, 0));
        LocalDateTime minute = LocalDateTime.of(2026, 11, 26, 10, 0);

        writer.write(List.of(new MinuteBar("005930", minute, 70000, 70500, 69900, 70100, 40, 1040)));
        writer.write(List.of(new MinuteBar("005930", minute, 70200, 70800, 70000, 70300, 10, 1050)));

        Map<String, Object> row = services.jdbc().queryForMap("SELECT * FROM STOCK_MINUTE_PRICE");
        assertThat(row).containsEntry("OPEN_PRICE", new BigDecimal("70000.00"))
                .containsEntry("HIGH_PRICE", new BigDecimal("70800.00"))
                .containsEntry("LOW_PRICE", new BigDecimal("69900.00"))
                .containsEntry("CLOSE_PRICE", new BigDecimal("70300.00"))
                .containsEntry("VOLUME", 50L)
                .containsEntry("ACCUM_VOLUME", 1050L);
    }

    @Test
    void publishesTicksInTheGatewaysFormatPlusVolAndTime() {
        services.tickPublisher().publish(List.of(new TradeTick("005930", "090001", 71200, 71500, 7, 100, "")));

        var entry = services.redis().opsForStream().range("kis:prices",
                org.springframework.data.domain.Range.unbounded()).get(0);
        assertThat(entry.getValue()).containsExactly(Map.entry("code", "005930"), Map.entry("price", "71200.0"),
                Map.entry("high", "71500.0"), Map.entry("vol", "7"), Map.entry("time", "090001"));
    }
}
