package com.primejennie.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.dashboard.support.Api;
import com.primejennie.dashboard.support.DashboardTestBase;

/** Query parameters outside the spec's ranges answer 422 naming the parameter (FastAPI's validation shape). */
class ParameterValidationTest extends DashboardTestBase {

    @ParameterizedTest(name = "{0} → 422 on {1}")
    @CsvSource({
            "/api/watchlist?limit=0, limit", "/api/watchlist?limit=201, limit", "/api/trades?limit=501, limit",
            "/api/trades?offset=-1, offset", "/api/trades?limit=abc, limit", "/api/news/sentiment?limit=101, limit",
            "/api/analyst/performance?lookback_days=6, lookback_days",
            "/api/analyst/performance?lookback_days=91, lookback_days", "/api/analyst/performance?limit=0, limit",
            "/api/portfolio/history?days=0, days", "/api/performance?preset=week2, preset",
            "/api/performance?end_date=03-01-2026, end_date", "/api/macro/insight?date=yesterday, date",
            "/api/logic/status/005930?timeframe=1w, timeframe", "/api/logs/stream?service=x&limit=0, limit"})
    void outOfRangeParameterIs422NamingIt(String path, String parameter) {
        Api.Answer a = operator().get(path);
        assertThat(a.status()).as(a.text()).isEqualTo(422);
        assertThat(a.json().get("detail").get(0).get("loc").get(1).asString()).isEqualTo(parameter);
        assertThat(a.json().get("detail").get(0).get("msg").asString()).contains(parameter);
    }

    @ParameterizedTest(name = "{0} → 200")
    @CsvSource({"/api/watchlist?limit=200", "/api/trades?limit=500&offset=10", "/api/news/sentiment?limit=100",
            "/api/analyst/performance?lookback_days=7", "/api/analyst/performance?lookback_days=90",
            "/api/performance?preset=today", "/api/performance?preset=week", "/api/performance?preset=year"})
    void boundaryValuesAreAccepted(String path) {
        assertThat(operator().get(path).status()).isEqualTo(200);
    }
}
