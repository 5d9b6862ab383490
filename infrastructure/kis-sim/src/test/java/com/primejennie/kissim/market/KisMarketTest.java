package com.primejennie.kissim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.primejennie.kissim.SimTestSupport;

import tools.jackson.databind.JsonNode;

/** The simulated market over HTTP: reproducible prices, charts, replay, the shipped universe. */
class KisMarketTest extends SimTestSupport {

    private static final String DAILY = "/uapi/domestic-stock/v1/quotations/inquire-daily-price";
    private static final String MINUTES = "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice";

    @Test
    void twoRunsWithTheSameSeedProduceTheSamePrices() {
        List<String> first = sampleSession(7);
        List<String> second = sampleSession(7);
        List<String> other = sampleSession(8);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void pricesStayPutBetweenCallsUnlikeThePythonMockWhichDrewANewRandomPriceEachCall() {
        assertThat(price("005930")).isEqualTo(price("005930"));
        advance("PT10M");
        assertThat(Ticks.isValid(price("005930"))).isTrue();
    }

    @Test
    void anUnknownCodeIsAnErrorNotANewRandomPriceAsInThePythonMock() {
        JsonNode answer = currentPrice("999999");
        assertThat(answer.path("rt_cd").asString()).isEqualTo("1");
        assertThat(answer.path("msg1").asString()).contains("999999");
    }

    @Test
    void dailyPriceReadsEitherCaseAndDatesEachRowOnItsOwnTradingDayUnlikeThePythonMock() {
        JsonNode upper = kisGet(DAILY, "FHKST01010400", Map.of("FID_COND_MRKT_DIV_CODE", "J",
                "FID_INPUT_ISCD", "035720", "FID_PERIOD_DIV_CODE", "D", "FID_ORG_ADJ_PRC", "0")).json();
        JsonNode lower = kisGet(DAILY, "FHKST01010400", Map.of("fid_cond_mrkt_div_code", "J",
                "fid_input_iscd", "035720", "fid_period_div_code", "D", "fid_org_adj_prc", "0")).json();
        assertThat(lower).isEqualTo(upper);
        JsonNode rows = upper.path("output");
        assertThat(rows).hasSize(30);
        Set<String> dates = new HashSet<>();
        String previous = "99999999";
        for (JsonNode row : rows) {
            String d = row.path("stck_bsop_date").asString();
            assertThat(d).isLessThan(previous);
            previous = d;
            dates.add(d);
            assertThat(LocalDate.parse(d, DateTimeFormatter.BASIC_ISO_DATE).getDayOfWeek().getValue()).isLessThan(6);
            long high = num(row, "stck_hgpr");
            assertThat(high).isGreaterThanOrEqualTo(num(row, "stck_clpr")).isGreaterThanOrEqualTo(num(row, "stck_lwpr"));
        }
        assertThat(dates).hasSize(30).doesNotContain("20260302"); // 대체공휴일
        assertThat(rows.get(0).path("stck_bsop_date").asString()).isEqualTo("20260304");
        assertThat(num(rows.get(0), "stck_clpr")).isEqualTo(price("035720"));
    }

    @Test
    void aReplayFileOfMinuteBarsDrivesThePrices() {
        admin("POST", "/admin/replay", """
                code,datetime,open,high,low,close,volume
                005930,202603041000,70000,70300,69900,70200,6000
                005930,202603041001,70200,70200,69500,69600,12000
                """);
        advance("PT2M");
        JsonNode bars = kisGet(MINUTES, "FHKST03010200", Map.of("FID_ETC_CLS_CODE", "", "FID_COND_MRKT_DIV_CODE", "J",
                "FID_INPUT_ISCD", "005930", "FID_INPUT_HOUR_1", "100200", "FID_PW_DATA_INCU_YN", "N"))
                .json().path("output2");
        JsonNode b1000 = find(bars, "100000");
        JsonNode b1001 = find(bars, "100100");
        assertThat(List.of(num(b1000, "stck_oprc"), num(b1000, "stck_hgpr"), num(b1000, "stck_lwpr"),
                num(b1000, "stck_prpr"))).containsExactly(70000L, 70300L, 69900L, 70200L);
        assertThat(num(b1000, "cntg_vol")).isEqualTo(6000);
        assertThat(List.of(num(b1001, "stck_oprc"), num(b1001, "stck_hgpr"), num(b1001, "stck_lwpr"),
                num(b1001, "stck_prpr"))).containsExactly(70200L, 70200L, 69500L, 69600L);
    }

    @Test
    void shipsARealisticUniverseOfKospiAndKosdaqNames() {
        JsonNode universe = admin("GET", "/admin/universe", null).json();
        assertThat(universe.size()).isGreaterThanOrEqualTo(40);
        Map<String, String> expected = Map.of("005930", "삼성전자|KOSPI|반도체", "000660", "SK하이닉스|KOSPI|반도체",
                "035420", "NAVER|KOSPI|인터넷", "035720", "카카오|KOSPI|인터넷", "005380", "현대차|KOSPI|자동차",
                "373220", "LG에너지솔루션|KOSPI|2차전지", "247540", "에코프로비엠|KOSDAQ|2차전지",
                "086520", "에코프로|KOSDAQ|2차전지");
        Set<String> codes = new HashSet<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode s : universe) {
            String code = s.path("code").asString();
            assertThat(code).matches("\\d{6}");
            assertThat(codes.add(code)).as("unique " + code).isTrue();
            seen.add(code + "=" + s.path("name").asString() + "|" + s.path("market").asString() + "|"
                    + s.path("sector").asString());
        }
        expected.forEach((code, v) -> assertThat(seen).contains(code + "=" + v));
        assertThat(seen).anyMatch(s -> s.contains("|KOSDAQ|")).anyMatch(s -> s.contains("|KOSPI|"));
    }

    private List<String> sampleSession(long seed) {
        admin("POST", "/admin/reset", Map.of("clock", START, "paused", true, "seed", seed));
        freshToken();
        advance("PT20M");
        List<String> out = new ArrayList<>();
        for (String code : List.of("005930", "247540", "010130")) {
            JsonNode p = currentPrice(code).path("output");
            out.add(code + ":" + p.path("stck_prpr").asString() + "/" + p.path("stck_hgpr").asString() + "/"
                    + p.path("stck_lwpr").asString() + "/" + p.path("acml_vol").asString());
            JsonNode bars = kisGet(MINUTES, "FHKST03010200", Map.of("FID_COND_MRKT_DIV_CODE", "J",
                    "FID_INPUT_ISCD", code, "FID_INPUT_HOUR_1", "102000")).json().path("output2");
            for (JsonNode b : bars) {
                out.add(b.path("stck_cntg_hour").asString() + "=" + b.path("stck_prpr").asString());
            }
        }
        return out;
    }

    private static JsonNode find(JsonNode bars, String hour) {
        for (JsonNode b : bars) {
            if (b.path("stck_cntg_hour").asString().equals(hour)) {
                return b;
            }
        }
        throw new AssertionError("no bar at " + hour + " in " + bars);
    }
}
