package com.primejennie.commandhandler.polling;

import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of one poll cycle, in the shape of the Python {@code POST /poll} answer. */
public record CycleResult(String status, int processed, int failed, int total, String message) {

    public static CycleResult nothing(String message) {
        return new CycleResult("success", 0, 0, 0, message);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        if ("error".equals(status)) {
            m.put("error", message);
        }
        m.put("processed_count", processed);
        m.put("failed_count", failed);
        if ("success".equals(status) && total == 0) {
            m.put("message", message);
        } else if ("success".equals(status)) {
            m.put("total_commands", total);
        }
        return m;
    }
}
