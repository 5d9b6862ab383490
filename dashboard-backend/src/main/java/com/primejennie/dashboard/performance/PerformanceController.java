package com.primejennie.dashboard.performance;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.Params;

/** {@code /api/performance?preset=…|start_date&end_date} and {@code /api/performance/summary}. */
@RestController
public class PerformanceController {

    private final PerformanceQuery performance;

    public PerformanceController(PerformanceQuery performance) {
        this.performance = performance;
    }

    @GetMapping("/api/performance")
    public Map<String, Object> performance(@RequestParam(required = false) String preset,
                                           @RequestParam(name = "start_date", required = false) String startDate,
                                           @RequestParam(name = "end_date", required = false) String endDate) {
        return performance.performance(performance.period(preset, Params.date("start_date", startDate),
                Params.date("end_date", endDate)));
    }

    @GetMapping("/api/performance/summary")
    public Map<String, Object> summary() {
        return performance.summary();
    }
}
