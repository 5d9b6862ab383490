package com.primejennie.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.primejennie.scheduler.SchedulerTestSupport;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.jobs.ParallelRunLimit;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalWorker;

import tools.jackson.databind.JsonNode;

/**
 * The round trip of a run: the scheduler publishes, a consumer (the shared {@link JobRunner}, as scout-job will run
 * it) runs the job and reports on {@code stream:jobs:results}, the scheduler records it, {@code GET /jobs/{id}} shows it.
 */
class JobOutcomeTest extends SchedulerTestSupport {

    @Autowired
    StreamMessaging messaging;

    private JobRunner runner;
    private TradingSignalWorker<JobMessage> worker;
    private final AtomicInteger feedbackAttempts = new AtomicInteger();

    private void startConsumer() {
        runner = new JobRunner("scout-job-test", messaging.publisher(JobIds.RESULTS_STREAM),
                new ParallelRunLimit(redis, Clock.systemUTC()), Clock.systemUTC(), Duration.ofMinutes(5),
                Duration.ZERO)
                .register(JobIds.SCOUT, message -> JobOutcome.done("12 종목 선정",
                        Map.of("selected", 12, "universe", message.params().getOrDefault("universe", "ALL"))))
                .register(JobIds.ANALYST_FEEDBACK, message -> {
                    feedbackAttempts.incrementAndGet();
                    throw new IllegalStateException("LLM_DECISION_LEDGER 비어 있음");
                });
        worker = messaging.worker(JobIds.SCOUT_STREAM, Streams.GROUP_SCOUT_WORKER, JobMessage.class, runner);
        worker.start();
    }

    @AfterEach
    void stopConsumer() {
        if (worker != null) {
            worker.stop();
        }
        if (runner != null) {
            runner.close();
        }
    }

    private JsonNode awaitLastResult(String jobId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = ok("GET", "/jobs/" + jobId, null);
            if (status.equals(job.path("last_result").path("status").asString(null))) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + status + " result for " + jobId + " within 30 s; last answer " + job);
    }

    @Test
    void aSucceededRunOnTheResultsStreamShowsInGetJob() throws Exception {
        startConsumer();

        JsonNode run = ok("POST", "/jobs/scout-job/run", """
                {"params":{"universe":"KOSPI"}}""");
        JsonNode job = awaitLastResult(JobIds.SCOUT, "SUCCEEDED");

        assertThat(run.path("stream").asString()).isEqualTo(JobIds.SCOUT_STREAM);
        assertThat(run.path("message_id").asString()).isNotBlank();
        JsonNode result = job.path("last_result");
        assertThat(result.path("run_id").asString()).isEqualTo(run.path("run_id").asString());
        assertThat(result.path("trigger_source").asString()).isEqualTo("manual");
        assertThat(result.path("attempt").asInt()).isEqualTo(1);
        assertThat(result.path("duration_ms").isNumber()).isTrue();
        assertThat(result.path("message").asString()).isEqualTo("12 종목 선정");
        assertThat(result.path("stats").path("selected").asInt()).isEqualTo(12);
        assertThat(result.path("stats").path("universe").asString()).isEqualTo("KOSPI");
        assertThat(result.path("service").asString()).isEqualTo("scout-job-test");
        assertThat(job.path("last_status").asString()).isEqualTo("done");
        assertThat(job.path("last_run_at").isNull()).as("a manual run leaves last_run_at (Python)").isTrue();
    }

    @Test
    void aFailingRunIsRetriedUpToRetryLimitAndItsErrorShowsInGetJob() throws Exception {
        ok("PUT", "/jobs/analyst-feedback-update", """
                {"retry_limit": 2}""");
        startConsumer();

        ok("POST", "/jobs/analyst-feedback-update/run", null);
        JsonNode job = awaitLastResult(JobIds.ANALYST_FEEDBACK, "FAILED");
        // the recorded attempt climbs as each attempt reports; wait for the last one
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (job.path("last_result").path("attempt").asInt() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = ok("GET", "/jobs/analyst-feedback-update", null);
        }

        assertThat(feedbackAttempts).hasValue(3);
        assertThat(job.path("last_result").path("attempt").asInt()).isEqualTo(3);
        assertThat(job.path("last_result").path("error").asString()).contains("LLM_DECISION_LEDGER 비어 있음");
        assertThat(job.path("last_status").asString()).isEqualTo("failed");
        assertThat(job.path("last_error").asString()).contains("LLM_DECISION_LEDGER");
    }

    @Test
    void delaySecondsHoldsTheRunBackUntilTheMarketClockReachesIt() {
        JsonNode run = ok("POST", "/jobs/scout-job/run", """
                {"delay_seconds": 120, "trigger_source": "operator"}""");
        firer.tick();
        clock.advance(Duration.ofSeconds(119));
        firer.tick();
        assertThat(published(JobIds.SCOUT_STREAM, JobIds.SCOUT)).isEmpty();
        assertThat(run.path("message_id").isNull()).isTrue();
        assertThat(run.path("delayed_until").asString()).isNotBlank();

        clock.advance(Duration.ofSeconds(1));
        firer.tick();
        firer.tick();

        var published = published(JobIds.SCOUT_STREAM, JobIds.SCOUT);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("run_id").asString()).isEqualTo(run.path("run_id").asString());
        assertThat(published.get(0).path("trigger_source").asString()).isEqualTo("operator");
        JsonNode runs = ok("GET", "/jobs/scout-job", null).path("runs");
        assertThat(runs.get(0).path("status").asString()).isEqualTo("QUEUED");
        assertThat(runs.get(0).path("message_id").asString()).isNotBlank();
    }
}
