package com.primejennie.dashboard.scout;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/scout/status} and {@code /api/scout/results}. */
@RestController
public class ScoutController {

    private final ScoutQuery scout;

    public ScoutController(ScoutQuery scout) {
        this.scout = scout;
    }

    @GetMapping("/api/scout/status")
    public Map<String, Object> status() {
        return scout.status();
    }

    @GetMapping("/api/scout/results")
    public Map<String, Object> results() {
        return scout.results();
    }
}
