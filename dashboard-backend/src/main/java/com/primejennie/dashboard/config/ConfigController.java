package com.primejennie.dashboard.config;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.dashboard.web.ApiException;

/** {@code GET /api/config} (with or without slash), {@code PUT /api/config/{key}}, {@code /api/settings/factors}. */
@RestController
public class ConfigController {

    /** The PUT body. */
    public record ConfigUpdate(Object value, String description) {
    }

    private final ConfigService config;

    public ConfigController(ConfigService config) {
        this.config = config;
    }

    @GetMapping("/api/config")
    public List<Map<String, Object>> list() {
        return config.list();
    }

    @PutMapping("/api/config/{key}")
    public Map<String, Object> update(@PathVariable String key, @RequestBody(required = false) ConfigUpdate body) {
        if (body == null || body.value() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "body must be {\"value\": ...}");
        }
        return config.update(key, body.value(), body.description());
    }

    @GetMapping("/api/settings/factors")
    public List<Map<String, Object>> factors() {
        return config.factors();
    }
}
