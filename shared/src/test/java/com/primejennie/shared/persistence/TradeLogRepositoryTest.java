package com.primejennie.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TRADELOG writes and the dedupe/limit queries of spec/buy-path.md §3.2, on the real MariaDB. */
class TradeLogRepositoryTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 2, 12, 1, 30);

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.emptyingBeforeEach("tradelog",
            "TRADELOG", "TRADELOG_MOCK");

    private TradeLogRepository real;
    private TradeLogRepository mock;

    @BeforeEach
    void newRepositories() {
        real = new TradeLogRepository(db.jdbc(), TableNames.forTradingMode("REAL"));
        mock = new TradeLogRepository(db.jdbc(), TableNames.forTradingMode("MOCK"));
    }

    private static TradeLogEntry entry(String code, TradeType type, LocalDateTime at) {
        return TradeLogEntry.of(code, type, 10, 71_500, "골든크로스", at, "GOLDEN_CROSS",
                "{\"llm_score\":82.0,\"tier\":\"TIER1\"}", null);
    }

    @Test
    void insertReturnsTheGeneratedIdAndTheRowReadsBackUnchanged() {
        long id = real.insert(entry("005930", TradeType.BUY, T0));

        TradeLogEntry stored = real.findRecent("005930", 1).get(0);
        assertThat(stored).isEqualTo(new TradeLogEntry(id, "005930", TradeType.BUY, 10, 71_500, "골든크로스", T0,
                "GOLDEN_CROSS", "{\"llm_score\":82.0,\"tier\":\"TIER1\"}", null));
        assertThat(mock.findRecent("005930", 1)).isEmpty();
    }

    @Test
    void aStrategySignalLongerThanTheColumnIsCutTo100Characters() {
        String reason = "Fixed Stop Loss: -6.12% (Limit: -6.0%) " + "손절".repeat(60);

        real.insert(TradeLogEntry.of("005930", TradeType.SELL, 3, 66_000, reason, T0, reason, null, null));

        TradeLogEntry stored = real.findRecent("005930", 1).get(0);
        assertThat(stored.strategySignal()).hasSize(100).isEqualTo(reason.substring(0, 100));
        assertThat(stored.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "BUY at {0} min, check since {1} min -> {2}")
    @CsvSource({
            "0, 0, true",
            "0, -10, true",
            "-10, -10, true",
            "-11, -10, false",
            "5, 0, true",
    })
    void theDedupeWindowIncludesItsStart(int buyMinute, int sinceMinute, boolean exists) {
        real.insert(entry("005930", TradeType.BUY, T0.plusMinutes(buyMinute)));

        assertThat(real.existsSince("005930", TradeType.BUY, T0.plusMinutes(sinceMinute))).isEqualTo(exists);
        assertThat(real.existsSince("005930", TradeType.SELL, T0.plusMinutes(sinceMinute))).isFalse();
        assertThat(real.existsSince("000660", TradeType.BUY, T0.plusMinutes(sinceMinute))).isFalse();
    }

    @Test
    void countsTodaysBuysSinceTheGivenUtcStart() {
        LocalDateTime utcMidnight = T0.toLocalDate().atStartOfDay();
        real.insert(entry("005930", TradeType.BUY, utcMidnight.minusSeconds(1)));
        real.insert(entry("005930", TradeType.BUY, utcMidnight));
        real.insert(entry("000660", TradeType.BUY, T0));
        real.insert(entry("000660", TradeType.SELL, T0));

        assertThat(real.countSince(TradeType.BUY, utcMidnight)).isEqualTo(2);
        assertThat(real.countSince(TradeType.SELL, utcMidnight)).isEqualTo(1);
        assertThat(real.findSince(utcMidnight)).extracting(TradeLogEntry::tradeTimestamp)
                .containsExactly(utcMidnight, T0, T0);
    }

    @Test
    void anUnknownTradeTypeInTheTableIsAnErrorNamingIt() {
        db.jdbc().sql("INSERT INTO TRADELOG (STOCK_CODE, TRADE_TYPE, QUANTITY, PRICE, TRADE_TIMESTAMP) "
                + "VALUES ('005930', 'HOLD', 1, 1, ?)").param(T0).update();

        assertThatThrownBy(() -> real.findSince(T0)).hasMessageContaining("'HOLD'");
    }
}
