package com.primejennie.dashboard.scheduler;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** {@code /api/scheduler/*} proxied to scheduler-service, and {@code /api/airflow/dags[/{id}/trigger]}. */
@RestController
public class SchedulerController {

    private final SchedulerService scheduler;

    public SchedulerController(SchedulerService scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping("/api/scheduler/jobs")
    public JsonNode jobs() {
        return scheduler.jobs();
    }

    @GetMapping("/api/scheduler/jobs/{id}")
    public JsonNode job(@PathVariable String id) {
        return scheduler.job(id);
    }

    @PutMapping("/api/scheduler/jobs/{id}")
    public JsonNode update(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        return scheduler.update(id, body);
    }

    @PostMapping("/api/scheduler/jobs/{id}/run")
    public JsonNode run(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        return scheduler.run(id, body);
    }

    @PostMapping("/api/scheduler/jobs/{id}/pause")
    public JsonNode pause(@PathVariable String id) {
        return scheduler.pause(id);
    }

    @PostMapping("/api/scheduler/jobs/{id}/resume")
    public JsonNode resume(@PathVariable String id) {
        return scheduler.resume(id);
    }

    @GetMapping("/api/scheduler/health")
    public Object health() {
        return scheduler.health();
    }

    @GetMapping("/api/airflow/dags")
    public List<Map<String, Object>> dags() {
        return scheduler.dags();
    }

    @PostMapping("/api/airflow/dags/{dagId}/trigger")
    public Map<String, Object> trigger(@PathVariable String dagId) {
        return scheduler.trigger(dagId);
    }
}
