package com.primejennie.dashboard.insight;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.Params;
import com.primejennie.dashboard.web.Shape;

/** News sentiment, briefing, analyst performance, council review and macro insight. */
@RestController
public class InsightController {

    private final NewsSentimentQuery news;
    private final InsightQuery insight;
    private final AnalystPerformanceQuery analyst;

    public InsightController(NewsSentimentQuery news, InsightQuery insight, AnalystPerformanceQuery analyst) {
        this.news = news;
        this.insight = insight;
        this.analyst = analyst;
    }

    @GetMapping("/api/news/sentiment")
    public Map<String, Object> sentiment(@RequestParam(name = "stock_code", required = false) String stockCode,
                                         @RequestParam(defaultValue = "20") int limit) {
        Params.range("limit", limit, 1, 100);
        if (stockCode != null && !stockCode.isBlank()) {
            if (!stockCode.matches("[0-9A-Za-z]{1,20}")) {
                throw new com.primejennie.dashboard.web.BadParameterException("query", "stock_code",
                        "stock_code must be 1-20 letters or digits, was '" + stockCode + "'");
            }
            return news.one(stockCode);
        }
        return news.list(limit);
    }

    @GetMapping("/api/briefing/latest")
    public Object briefing() {
        return insight.briefing();
    }

    @GetMapping("/api/analyst/performance")
    public Map<String, Object> analyst(@RequestParam(defaultValue = "50") int limit,
                                       @RequestParam(defaultValue = "0") int offset,
                                       @RequestParam(name = "lookback_days", defaultValue = "30") int lookbackDays) {
        return analyst.performance(Params.range("limit", limit, 1, 200), Params.atLeast("offset", offset, 0),
                Params.range("lookback_days", lookbackDays, 7, 90));
    }

    @GetMapping("/api/council/daily-review")
    public Object council() {
        return insight.councilReview();
    }

    @GetMapping("/api/macro/dates")
    public Map<String, Object> macroDates() {
        List<String> dates = insight.macroDates();
        return Shape.of("dates", dates);
    }

    @GetMapping("/api/macro/insight")
    public Object macroInsight(@RequestParam(required = false) String date) {
        return insight.macroInsight(Params.date("date", date));
    }
}
