package com.primejennie.dashboard.console.performance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Performance for a period: figures, cumulative curve (ECharts), by-stock table. */
@Controller
public class PerformanceController {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final PerformanceReader reader;

    public PerformanceController(PerformanceReader reader) {
        this.reader = reader;
    }

    @GetMapping("/console/performance")
    public String performance(@RequestParam(defaultValue = "month") String preset,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to, Model model) {
        model.addAttribute("page", "performance");
        model.addAttribute("preset", preset);
        try {
            PerformanceReader.Figures f = reader.read(preset, from, to);
            model.addAttribute("f", f);
            List<String> labels = f.curve().stream().map(p -> p.at() == null ? "" : p.at().format(LABEL)).toList();
            List<Long> values = f.curve().stream().map(PerformanceReader.Point::cumulative).toList();
            model.addAttribute("chart", Map.of("labels", labels, "values", values));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "console/performance";
    }
}
