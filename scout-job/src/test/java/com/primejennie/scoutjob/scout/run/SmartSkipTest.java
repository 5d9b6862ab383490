package com.primejennie.scoutjob.scout.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * Smart skip with the defaults 25 / 80 / −50 / 30 (spec §3.7 step 5). The RSI and sentiment rules can fire here
 * (§6.10: in Python they never did).
 */
class SmartSkipTest {

    static QuantResult quant(double total, Double rsi, Double sentiment) {
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        Map<String, Object> tech = new LinkedHashMap<>();
        tech.put("rsi", rsi);
        details.put(QuantResult.TECHNICAL, tech);
        Map<String, Object> news = new LinkedHashMap<>();
        news.put("sentiment_score", sentiment == null ? 50.0 : sentiment);
        details.put("news", news);
        return new QuantResult("005930", "x", null, true, total, 10, 10, 10, 5, 5, 10, "NONE", 1, details, 1,
                sentiment == null ? List.of("sentiment") : List.of());
    }

    @ParameterizedTest(name = "q {0}, RSI {1}, sentiment {2}, cached {3} → skip {4}")
    @CsvSource(value = {
            "24.9,50,60,null,true",
            "25,50,60,null,false",
            "40,80.1,60,null,true",
            "40,80,60,null,false",
            "40,50,24,null,true",     // −50 on −100..100 = 25 on 0..100
            "40,50,25,null,false",
            "40,50,null,null,false",  // no sentiment: neutral, never a skip
            "40,50,60,29,true",
            "40,50,60,30,false"}, nullValues = "null")
    void skipTable(double q, Double rsi, Double sentiment, Double cached, boolean skip) {
        assertThat(SmartSkip.skip(quant(q, rsi, sentiment), 25, 80, (-50 + 100) / 2.0, cached, 30)).isEqualTo(skip);
    }
}
