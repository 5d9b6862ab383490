package com.primejennie.dashboard.console.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.primejennie.dashboard.performance.PerformanceQuery;

/**
 * Performance for a period, from the API's {@link PerformanceQuery} (the same figures as {@code /api/performance}):
 * net profit, win rate, profit factor, MDD, the cumulative curve (ECharts) and the by-stock table.
 */
@Controller
public class PerformancePageController {

    private final PerformanceQuery performance;

    public PerformancePageController(PerformanceQuery performance) {
        this.performance = performance;
    }

    @GetMapping("/console/performance")
    @SuppressWarnings("unchecked")
    public String performance(@RequestParam(defaultValue = "month") String preset,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to, Model model) {
        model.addAttribute("page", "performance");
        model.addAttribute("preset", preset);
        PerformanceQuery.Period period;
        try {
            period = performance.period(preset, from, to);
        } catch (RuntimeException e) {
            model.addAttribute("error", e.getMessage());
            return "console/performance";
        }
        Map<String, Object> p = performance.performance(period);
        model.addAttribute("p", p);
        model.addAttribute("period", period);
        List<Map<String, Object>> curve = (List<Map<String, Object>>) p.get("cumulative_profit_curve");
        model.addAttribute("chart", Map.of("labels", curve.stream().map(c -> String.valueOf(c.get("date"))).toList(),
                "values", curve.stream().map(c -> c.get("profit")).toList()));
        return "console/performance";
    }
}
