package com.primejennie.dashboard.llm;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/llm/config} and {@code /api/llm/stats}. */
@RestController
public class LlmController {

    private final LlmQuery llm;

    public LlmController(LlmQuery llm) {
        this.llm = llm;
    }

    @GetMapping("/api/llm/config")
    public Map<String, Object> config() {
        return llm.config();
    }

    @GetMapping("/api/llm/stats")
    public Map<String, Object> stats() {
        return llm.stats();
    }
}
