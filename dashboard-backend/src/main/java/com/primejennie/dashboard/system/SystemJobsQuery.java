package com.primejennie.dashboard.system;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.primejennie.dashboard.web.Shape;

/** {@code /api/system/status} and {@code /api/system/scheduler}: the scheduler's {@code jobs} table as rows. */
@Service
public class SystemJobsQuery {

    private static final Logger log = LoggerFactory.getLogger(SystemJobsQuery.class);

    private final JdbcClient jdbc;

    public SystemJobsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM jobs ORDER BY job_id").query().listOfRows();
    }

    public List<Map<String, Object>> status() {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (Map<String, Object> r : lower(rows())) {
                out.add(Shape.of("service_name", r.get("job_id"), "status", truthy(r.get("enabled")) ? "active"
                                : "inactive", "last_run", iso(r.get("last_run_at")), "next_run", iso(r.get("next_due_at")),
                        "message", "Queue: " + r.get("queue")));
            }
        } catch (RuntimeException e) {
            log.warn("jobs table unreadable: {}", e.getMessage());
        }
        return out;
    }

    public Map<String, Object> scheduler() {
        try {
            List<Map<String, Object>> jobs = new ArrayList<>();
            for (Map<String, Object> r : lower(rows())) {
                Long seconds = r.get("interval_seconds") == null ? null : ((Number) r.get("interval_seconds"))
                        .longValue();
                String cron = (String) r.get("cron_expr");
                jobs.add(Shape.of("name", r.get("job_id"), "queue", r.get("queue"), "interval", interval(seconds, cron),
                        "interval_seconds", seconds, "cron", cron, "is_active", truthy(r.get("enabled")),
                        "last_run", iso(r.get("last_run_at")),
                        "last_status", r.get("last_status") == null ? "unknown" : r.get("last_status"),
                        "description", r.get("description"), "created_at", iso(r.get("created_at"))));
            }
            return Shape.of("jobs", jobs, "count", jobs.size());
        } catch (RuntimeException e) {
            return Shape.of("jobs", List.of(), "count", 0, "error", e.getMessage());
        }
    }

    static String interval(Long seconds, String cron) {
        if (seconds != null && seconds > 0) {
            if (seconds % 3600 == 0) {
                return seconds / 3600 + "시간";
            }
            if (seconds % 60 == 0) {
                return seconds / 60 + "분";
            }
            return seconds + "초";
        }
        return cron != null && !cron.isBlank() ? cron : "N/A";
    }

    private static List<Map<String, Object>> lower(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            r.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
            out.add(m);
        }
        return out;
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }

    private static String iso(Object v) {
        return v == null ? null : v instanceof Timestamp t ? t.toLocalDateTime().toString() : v.toString();
    }
}
