package com.primejennie.scoutjob.scout.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.scoutjob.scout.output.PipelineStatus;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.TradingSignalPublisher;

/**
 * The scout API of the Python scout-job (spec §3.1): {@code POST /scout} publishes a job message
 * ({@code trigger_source: manual_http}) to {@code stream:jobs:scout} and answers 202; {@code GET /health}; and
 * {@code GET /scout/status} with the pipeline status hash (which carries the last run's report).
 */
@RestController
public class ScoutController {

    private final TradingSignalPublisher<Object> jobs;
    private final ScoutProperties properties;
    private final MarketClock clock;
    private final PipelineStatus status;

    public ScoutController(@Qualifier("scoutJobPublisher") TradingSignalPublisher<Object> scoutJobPublisher,
                           ScoutProperties properties,
                           MarketClock clock, PipelineStatus status) {
        this.jobs = scoutJobPublisher;
        this.properties = properties;
        this.clock = clock;
        this.status = status;
    }

    @PostMapping("/scout")
    public ResponseEntity<Map<String, Object>> trigger() {
        String runId = UUID.randomUUID().toString();
        JobMessage message = JobMessage.manualHttp(properties.jobId(), properties.scope(), runId,
                WireTime.format(clock.instant()));
        try {
            jobs.publish(message);
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("error", e.toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "triggered");
        body.put("run_id", runId);
        body.put("message", "Scout job pushed to queue for asynchronous processing");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @GetMapping("/health")
    public Map<String, String> health() {
        return Map.of("status", "healthy", "service", "scout-job");
    }

    @GetMapping("/scout/status")
    public Map<Object, Object> status() {
        return status.read();
    }
}
