package com.primejennie.scheduler.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.scheduler.jobs.InvalidJobException;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard's scheduler endpoints (spec/llm-dashboard-infra.md §2.3) served by the scheduler itself, so the
 * dashboard (or its front end) needs no proxy: the same answers as {@link JobController}, a run's default trigger
 * is {@code dashboard}, and an update takes only {@code cron_expr}, {@code enabled}, {@code description},
 * {@code timeout_sec} (an empty one is a 400, as the dashboard answered).
 */
@RestController
@RequestMapping("/api/scheduler")
public class DashboardSchedulerController {

    private static final Set<String> EDITABLE = Set.of("cron_expr", "enabled", "description", "timeout_sec");

    private final JobController jobs;

    public DashboardSchedulerController(JobController jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    public List<Map<String, Object>> list() {
        return jobs.list();
    }

    @GetMapping("/jobs/{jobId}")
    public Map<String, Object> get(@PathVariable String jobId) {
        return jobs.get(jobId);
    }

    @PutMapping("/jobs/{jobId}")
    public Map<String, Object> update(@PathVariable String jobId, @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject() || body.propertyNames().stream().noneMatch(EDITABLE::contains)) {
            throw new InvalidJobException("변경할 항목이 없습니다 (cron_expr, enabled, description, timeout_sec 중 하나가 필요합니다)");
        }
        for (String name : body.propertyNames()) {
            if (!EDITABLE.contains(name)) {
                throw new InvalidJobException("대시보드에서 바꿀 수 없는 항목입니다: " + name);
            }
        }
        return jobs.update(jobId, body);
    }

    @PostMapping("/jobs/{jobId}/run")
    public Map<String, Object> run(@PathVariable String jobId, @RequestBody(required = false) JsonNode body) {
        return jobs.run(jobId, body, "dashboard");
    }

    @PostMapping("/jobs/{jobId}/pause")
    public Map<String, Object> pause(@PathVariable String jobId) {
        return jobs.pause(jobId);
    }

    @PostMapping("/jobs/{jobId}/resume")
    public Map<String, Object> resume(@PathVariable String jobId) {
        return jobs.resume(jobId);
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        return jobs.health();
    }
}
