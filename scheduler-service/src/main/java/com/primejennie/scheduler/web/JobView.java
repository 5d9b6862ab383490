package com.primejennie.scheduler.web;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.primejennie.scheduler.jobs.Job;

/**
 * A job as the API answers it: the Python {@code to_dict} (every column, ISO timestamps as stored - naive Korea time -
 * and {@code default_params} as an object) plus the Java options and the stream it is published to.
 */
final class JobView {

    private static final java.time.format.DateTimeFormatter ISO =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private JobView() {
    }

    static Map<String, Object> of(Job job) {
        var s = job.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", s.jobId());
        m.put("scope", job.scope());
        m.put("reschedule_mode", s.rescheduleMode());
        m.put("interval_seconds", s.intervalSeconds());
        m.put("description", s.description());
        m.put("queue", s.queue());
        m.put("cron_expr", s.cronExpr());
        m.put("enabled", s.enabled());
        m.put("max_parallel", s.maxParallel());
        m.put("default_params", s.defaultParams());
        m.put("timeout_sec", s.timeoutSec());
        m.put("retry_limit", s.retryLimit());
        m.put("telemetry_label", s.telemetryLabel());
        m.put("created_at", iso(job.createdAt()));
        m.put("updated_at", iso(job.updatedAt()));
        m.put("next_due_at", iso(job.nextDueAt()));
        m.put("last_run_at", iso(job.lastRunAt()));
        m.put("last_status", job.lastStatus());
        m.put("last_error", job.lastError());
        m.put("trading_days_only", s.tradingDaysOnly());
        m.put("missed_fire_policy", s.missedFirePolicy().name());
        m.put("stream", streamOrNull(job));
        return m;
    }

    /** The job with its latest outcome ({@code last_result}) and recent runs. */
    static Map<String, Object> detail(Job job, List<Map<String, Object>> runs) {
        Map<String, Object> m = of(job);
        m.put("last_result", runs.stream().filter(r -> isOutcome((String) r.get("status"))).findFirst().orElse(null));
        m.put("runs", runs);
        return m;
    }

    private static boolean isOutcome(String status) {
        return status != null && !status.equals("QUEUED") && !status.equals("DELAYED");
    }

    private static String streamOrNull(Job job) {
        try {
            return job.spec().stream();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String iso(LocalDateTime t) {
        return t == null ? null : t.format(ISO);
    }
}
