package com.primejennie.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** spec/sell-path-and-broker.md §0: the {@code _MOCK} suffix rule. */
class TableNamesTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "REAL, ACTIVE_PORTFOLIO, ACTIVE_PORTFOLIO",
            "REAL, TRADELOG, TRADELOG",
            "MOCK, ACTIVE_PORTFOLIO, ACTIVE_PORTFOLIO_MOCK",
            "MOCK, TRADELOG, TRADELOG_MOCK",
            "MOCK, PORTFOLIO, PORTFOLIO_MOCK",
            "MOCK, NEWS_SENTIMENT, NEWS_SENTIMENT_MOCK",
            "MOCK, AGENT_COMMANDS, AGENT_COMMANDS_MOCK",
            "MOCK, CONFIG, CONFIG",
            "MOCK, STOCK_DAILY_PRICES_3Y, STOCK_DAILY_PRICES_3Y",
            "MOCK, RAG_CACHE, RAG_CACHE",
            "MOCK, WATCHLIST, WATCHLIST",
            "MOCK, tradelog, TRADELOG_MOCK",
    })
    void suffixesOnlyTheFiveModeSpecificTablesInMockMode(String mode, String base, String expected) {
        assertThat(TableNames.forTradingMode(mode).of(base)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is MOCK")
    @ValueSource(strings = {"MOCK", "mock", " Mock ", "MOCK\n"})
    void modeIsReadCaseInsensitively_fixingTheQuirkThatMockInOtherCaseTradedOnRealTables(String mode) {
        TableNames tables = TableNames.forTradingMode(mode);
        assertThat(tables.activePortfolio()).isEqualTo("ACTIVE_PORTFOLIO_MOCK");
        assertThat(tables.tradingMode()).isEqualTo("MOCK");
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {"PAPER", "REAL_", "TEST", "moc"})
    void anUnknownModeIsRejectedNamingTheValue(String mode) {
        assertThatThrownBy(() -> TableNames.forTradingMode(mode))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRADING_MODE must be REAL or MOCK")
                .hasMessageContaining("'" + mode + "'");
    }
}
