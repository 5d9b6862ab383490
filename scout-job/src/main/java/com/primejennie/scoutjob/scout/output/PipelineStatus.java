package com.primejennie.scoutjob.scout.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.scoutjob.scout.analyst.ScoutDecision;
import com.primejennie.shared.domain.WireJson;

/**
 * {@code scout:pipeline:status} (hash, no TTL; spec §3.8 step 5) and {@code scout:pipeline:results} (JSON list, 24 h).
 * The status hash also carries this run's report ({@code report_*} fields) and whether the previous watchlist was
 * kept. [DEFECT fixed] {@code selected} in the results is true for the stocks of the final list.
 */
public final class PipelineStatus {

    public static final String STATUS_KEY = "scout:pipeline:status";
    public static final String RESULTS_KEY = "scout:pipeline:results";

    private final StringRedisTemplate redis;

    public PipelineStatus(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void phase(int phase, String name, String status, int progress, Map<String, Object> extra, String nowIso) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("phase", Integer.toString(phase));
        fields.put("phase_name", name);
        fields.put("status", status);
        fields.put("progress", Integer.toString(progress));
        fields.put("last_updated", nowIso);
        extra.forEach((k, v) -> fields.put(k, v == null ? "" : String.valueOf(v)));
        redis.opsForHash().putAll(STATUS_KEY, fields);
    }

    public void results(List<ScoutDecision> decisions, java.util.Set<String> selected) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScoutDecision d : decisions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stock_code", d.code());
            m.put("stock_name", d.name());
            m.put("grade", d.grade() == null ? "C" : d.grade());
            m.put("final_score", d.hybridScore());
            m.put("selected", selected.contains(d.code()));
            m.put("judge_reason", d.reason());
            list.add(m);
        }
        redis.opsForValue().set(RESULTS_KEY, WireJson.mapper().writeValueAsString(list), Duration.ofHours(24));
    }

    public Map<Object, Object> read() {
        return redis.opsForHash().entries(STATUS_KEY);
    }
}
