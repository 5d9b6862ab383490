package com.primejennie.dashboard.portfolio;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.Params;

/** {@code /api/portfolio/summary|positions|history}. */
@RestController
@RequestMapping("/api/portfolio")
public class PortfolioController {

    private final PortfolioQuery portfolio;

    public PortfolioController(PortfolioQuery portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/summary")
    public Map<String, Object> summary() {
        return portfolio.summary();
    }

    @GetMapping("/positions")
    public List<Map<String, Object>> positions() {
        return portfolio.positions();
    }

    @GetMapping("/history")
    public List<Map<String, Object>> history(@RequestParam(defaultValue = "30") int days) {
        return portfolio.history(Params.range("days", days, 1, 3650));
    }
}
