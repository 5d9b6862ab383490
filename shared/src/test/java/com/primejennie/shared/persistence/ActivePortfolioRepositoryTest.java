package com.primejennie.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.persistence.ActivePortfolioRepository.SaleOutcome;

/** ACTIVE_PORTFOLIO writes of spec/buy-path.md §3.6 and spec/sell-path-and-broker.md §2.3, on the real MariaDB. */
class ActivePortfolioRepositoryTest {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.emptyingBeforeEach("portfolio",
            "ACTIVE_PORTFOLIO", "ACTIVE_PORTFOLIO_MOCK");

    private ManualMarketClock clock;
    private ActivePortfolioRepository real;
    private ActivePortfolioRepository mock;

    @BeforeEach
    void newRepositories() {
        clock = ManualMarketClock.atKst(java.time.LocalDateTime.parse("2026-02-12T10:30"));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        real = new ActivePortfolioRepository(db.jdbc(), tx, clock, TableNames.forTradingMode("REAL"));
        mock = new ActivePortfolioRepository(db.jdbc(), tx, clock, TableNames.forTradingMode("MOCK"));
    }

    @Test
    void aNewBuyRecordsPriceTotalHighStopAndNaiveUtcTimestamps() {
        Position position = real.recordBuy("005930", "삼성전자", 10, 71_500, new BigDecimal("67925"));

        assertThat(position.quantity()).isEqualTo(10);
        assertThat(position.averageBuyPrice()).isEqualByComparingTo("71500");
        assertThat(position.totalBuyAmount()).isEqualByComparingTo("715000");
        assertThat(position.currentHighPrice()).isEqualTo(71_500L);
        assertThat(position.stopLossPrice()).isEqualByComparingTo("67925");
        assertThat(position.createdAt()).isEqualTo(LocalDateTime.of(2026, 2, 12, 1, 30)).isEqualTo(position.updatedAt());
        assertThat(real.findAll()).containsExactly(position);
    }

    @ParameterizedTest(name = "{0}@{1} + {2}@{3} -> qty {4}, avg {5}")
    @CsvSource({
            "10, 70000, 10, 80000, 20, 75000",
            "3, 10000, 1, 10100, 4, 10025",
            "1, 71500, 2, 71600, 3, 71566.6667",
            "100, 5000, 50, 4000, 150, 4666.6667",
    })
    void addingToAPositionAveragesOverTheNewTotal_fixingTheDoubleCountingUpsertDefect(
            int heldQty, long heldPrice, int addQty, long addPrice, int expectedQty, String expectedAverage) {
        real.recordBuy("000660", "SK하이닉스", heldQty, heldPrice, new BigDecimal("1"));
        clock.advance(Duration.ofMinutes(30));

        Position merged = real.recordBuy("000660", "SK하이닉스", addQty, addPrice, new BigDecimal("999999"));

        assertThat(merged.quantity()).isEqualTo(expectedQty);
        assertThat(merged.averageBuyPrice()).isEqualByComparingTo(expectedAverage);
        assertThat(merged.totalBuyAmount()).isEqualByComparingTo(
                BigDecimal.valueOf(heldQty * heldPrice + addQty * addPrice));
        assertThat(merged.stopLossPrice()).as("the held stop is kept").isEqualByComparingTo("1");
        assertThat(merged.currentHighPrice()).isEqualTo(heldPrice);
        assertThat(merged.updatedAt()).isEqualTo(merged.createdAt().plusMinutes(30));
    }

    @ParameterizedTest(name = "hold {0}, sell {1} -> {2}, {3} left")
    @CsvSource({
            "10, 3, REDUCED, 7",
            "10, 9, REDUCED, 1",
            "10, 10, CLOSED, 0",
            "10, 15, CLOSED, 0",
    })
    void aSaleReducesTheQuantityAndCostBasisOrClosesThePosition(int held, int sold, SaleOutcome outcome,
                                                                 int left) {
        real.recordBuy("035420", "NAVER", held, 200_000, new BigDecimal("190000"));

        assertThat(real.recordSale("035420", sold)).isEqualTo(outcome);

        if (left == 0) {
            assertThat(real.find("035420")).isEmpty();
        } else {
            Position after = real.find("035420").orElseThrow();
            assertThat(after.quantity()).isEqualTo(left);
            assertThat(after.averageBuyPrice()).isEqualByComparingTo("200000");
            assertThat(after.totalBuyAmount()).isEqualByComparingTo(BigDecimal.valueOf(left * 200_000L));
        }
    }

    @Test
    void sellingAStockNotHeldChangesNothing() {
        assertThat(real.recordSale("999999", 1)).isEqualTo(SaleOutcome.NOT_HELD);
        assertThat(real.findAll()).isEmpty();
    }

    @Test
    void mockModeWritesOnlyTheMockTable() {
        mock.recordBuy("005930", "삼성전자", 1, 70_000, null);

        assertThat(mock.findAll()).hasSize(1);
        assertThat(real.findAll()).isEmpty();
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM ACTIVE_PORTFOLIO_MOCK").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theHighOnlyRises() {
        real.recordBuy("005930", "삼성전자", 1, 70_000, null);

        assertThat(real.raiseHighPrice("005930", 69_000)).isFalse();
        assertThat(real.raiseHighPrice("005930", 72_000)).isTrue();
        assertThat(real.raiseHighPrice("005930", 72_000)).isFalse();
        assertThat(real.find("005930").orElseThrow().currentHighPrice()).isEqualTo(72_000L);
        assertThat(real.updateStopLoss("005930", new BigDecimal("68400"))).isTrue();
        assertThat(real.find("005930").orElseThrow().stopLossPrice()).isEqualByComparingTo("68400");
    }

    @ParameterizedTest(name = "code ''{0}'', qty {1}, price {2}")
    @CsvSource({
            "'', 1, 100, stock code",
            "005930, 0, 100, quantity",
            "005930, -5, 100, quantity",
            "005930, 1, 0, price",
    })
    void badBuysAreRejectedNamingWhatIsWrong(String code, int quantity, long price, String named) {
        assertThatThrownBy(() -> real.recordBuy(code, "x", quantity, price, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
        assertThat(real.findAll()).isEmpty();
    }
}
