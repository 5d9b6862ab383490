package com.primejennie.scheduler.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.scheduler.SchedulerProperties;
import com.primejennie.scheduler.jobs.Job;
import com.primejennie.scheduler.manage.JobService;
import com.primejennie.scheduler.publish.JobPublisher;

import tools.jackson.databind.JsonNode;

/**
 * The Python scheduler's REST API (spec §2.5), same paths and shapes, plus {@code GET /jobs/{id}} with the job's
 * recorded outcomes. Validation errors answer 400 {@code {"detail": "<reason>"}}, a missing job 404.
 */
@RestController
public class JobController {

    static final int RECENT_RUNS = 20;

    private final JobService jobs;
    private final SchedulerProperties properties;
    private final Environment environment;

    public JobController(JobService jobs, SchedulerProperties properties, Environment environment) {
        this.jobs = jobs;
        this.properties = properties;
        this.environment = environment;
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("scope", properties.scope());
        m.put("tick_seconds", properties.tickInterval().toMillis() / 1000.0);
        String url = environment.getProperty("spring.datasource.url", "");
        m.put("db_path", url.replaceAll("//[^/@]*@", "//"));
        return m;
    }

    @GetMapping("/jobs")
    public List<Map<String, Object>> list() {
        return jobs.list().stream().map(JobView::of).toList();
    }

    @GetMapping("/jobs/{jobId}")
    public Map<String, Object> get(@PathVariable String jobId) {
        Job job = jobs.get(jobId);
        return JobView.detail(job, jobs.runs(jobId, RECENT_RUNS));
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody(required = false) JsonNode body) {
        return JobView.of(jobs.create(JobRequests.create(body)));
    }

    @PutMapping("/jobs/{jobId}")
    public Map<String, Object> update(@PathVariable String jobId, @RequestBody(required = false) JsonNode body) {
        return JobView.of(jobs.update(jobId, JobRequests.update(body)));
    }

    @PostMapping("/jobs/{jobId}/run")
    public Map<String, Object> run(@PathVariable String jobId, @RequestBody(required = false) JsonNode body) {
        return run(jobId, body, "manual");
    }

    Map<String, Object> run(String jobId, JsonNode body, String defaultTrigger) {
        JobRequests.RunRequest request = JobRequests.run(body, defaultTrigger);
        JobPublisher.Publication p = jobs.run(jobId, request.params(), request.delay(), request.triggerSource());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_id", p.messageId());
        m.put("run_id", p.runId());
        m.put("stream", p.stream());
        m.put("delayed_until", p.delayedUntil() == null ? null : p.delayedUntil().toString());
        m.put("job", JobView.of(jobs.get(jobId)));
        return m;
    }

    @PostMapping("/jobs/{jobId}/last-run")
    public Map<String, Object> lastRun(@PathVariable String jobId, @RequestBody(required = false) JsonNode body) {
        String scope = null;
        if (body != null && body.isObject() && body.hasNonNull("scope")) {
            scope = body.get("scope").asString();
        }
        return JobView.of(jobs.markLastRun(jobId, scope));
    }

    @PostMapping("/jobs/{jobId}/pause")
    public Map<String, Object> pause(@PathVariable String jobId) {
        return JobView.of(jobs.pause(jobId));
    }

    @PostMapping("/jobs/{jobId}/resume")
    public Map<String, Object> resume(@PathVariable String jobId) {
        return JobView.of(jobs.resume(jobId));
    }
}
