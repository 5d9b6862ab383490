package com.primejennie.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.JobResult.Status;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.StreamConnections;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.testing.RealServices;

/** {@link JobRunner} against real Redis: timeout, retries, max_parallel across instances, and every outcome reported. */
class JobRunnerTest {

    private StreamConnections connections;
    private LettuceConnectionFactory factory;
    private StringRedisTemplate redis;
    private final List<JobRunner> runners = new ArrayList<>();

    @BeforeEach
    void connect() {
        RealServices.flushRedis();
        connections = StreamConnections.of(RealServices.redis().url(), Duration.ofSeconds(2));
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        redis = new StringRedisTemplate(factory);
    }

    @AfterEach
    void close() {
        runners.forEach(JobRunner::close);
        connections.close();
        factory.destroy();
    }

    private JobRunner runner(String service) {
        TradingSignalPublisher<Object> results = new TradingSignalPublisher<>(connections, JobIds.RESULTS_STREAM,
                new JsonPayloadCodec<>(WireJson.mapper(), Object.class), StreamSettings.builtIn(JobIds.RESULTS_STREAM),
                MessagingMetrics.inMemory());
        JobRunner runner = new JobRunner(service, results, new ParallelRunLimit(redis, Clock.systemUTC()),
                Clock.systemUTC(), Duration.ofMinutes(5), Duration.ZERO);
        runners.add(runner);
        return runner;
    }

    private static JobMessage message(String jobId, String runId, int timeoutSec, int retryLimit) {
        return new JobMessage(jobId, "real", runId, "scheduler", Map.of(), timeoutSec, retryLimit, null,
                "2026-03-09T08:30:00.000000+09:00", false);
    }

    private List<JobResult> resultsOnStream() {
        var entries = redis.opsForStream().range(JobIds.RESULTS_STREAM, Range.unbounded());
        List<JobResult> found = new ArrayList<>();
        for (var e : entries == null ? List.<org.springframework.data.redis.connection.stream.MapRecord<String, Object, Object>>of() : entries) {
            found.add(WireJson.mapper().readValue(e.getValue().get("payload").toString(), JobResult.class));
        }
        return found;
    }

    @Test
    void aRunPastTimeoutSecIsInterruptedReportedTimedOutAndNotRetried() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger starts = new AtomicInteger();
        JobRunner runner = runner("scout-job").register(JobIds.SCOUT, m -> {
            starts.incrementAndGet();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return JobOutcome.done("never");
        });

        List<JobResult> results = runner.run(message(JobIds.SCOUT, "run-timeout", 1, 3), null);

        assertThat(results).extracting(JobResult::status).containsExactly(Status.TIMED_OUT);
        assertThat(results.get(0).error()).contains("timeout_sec");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the handler thread was interrupted").isTrue();
        assertThat(starts).hasValue(1);
        assertThat(resultsOnStream()).extracting(JobResult::runId, JobResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("run-timeout", Status.TIMED_OUT));
    }

    @Test
    void aFailedRunIsRetriedUpToRetryLimitAndEachAttemptIsReported() {
        AtomicInteger attempts = new AtomicInteger();
        JobRunner runner = runner("scout-job").register(JobIds.DATA_DAILY_PRICES, m -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("KIS 일시 오류 " + attempts.get());
            }
            return JobOutcome.done("1,234 rows", Map.of("rows", 1234));
        });

        List<JobResult> results = runner.run(message(JobIds.DATA_DAILY_PRICES, "run-retry", 60, 3), null);

        assertThat(results).extracting(JobResult::status, JobResult::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.FAILED, 1),
                org.assertj.core.groups.Tuple.tuple(Status.FAILED, 2),
                org.assertj.core.groups.Tuple.tuple(Status.SUCCEEDED, 3));
        assertThat(results.get(0).error()).contains("KIS 일시 오류 1");
        assertThat(results.get(2).stats()).containsEntry("rows", 1234);
        assertThat(resultsOnStream()).hasSize(3).allSatisfy(r -> assertThat(r.service()).isEqualTo("scout-job"));
    }

    @Test
    void aFailedRunWithoutRetriesIsReportedOnce() {
        JobRunner runner = runner("scout-job").register(JobIds.DATA_CLEANUP, m -> {
            throw new IllegalStateException("boom");
        });

        assertThat(runner.run(message(JobIds.DATA_CLEANUP, "run-once", 60, 0), null))
                .extracting(JobResult::status).containsExactly(Status.FAILED);
    }

    @Test
    void maxParallelIsCountedAcrossInstancesAndTheRunOverTheLimitIsSkipped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean();
        JobHandler slow = m -> {
            running.set(true);
            release.await(30, TimeUnit.SECONDS);
            return JobOutcome.done("ok");
        };
        JobRunner instanceA = runner("scout-job-a").register(JobIds.SCOUT, slow);
        JobRunner instanceB = runner("scout-job-b").register(JobIds.SCOUT, slow);
        ParallelRunLimit limit = new ParallelRunLimit(redis, Clock.systemUTC());

        CompletableFuture<List<JobResult>> first = CompletableFuture.supplyAsync(
                () -> instanceA.run(message(JobIds.SCOUT, "run-a", 60, 0), 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!running.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<JobResult> second = instanceB.run(message(JobIds.SCOUT, "run-b", 60, 0), 1);
        // max_parallel 2 in the payload (as the scheduler publishes it) lets a second run in
        String payload = "{\"job_id\":\"scout-job\",\"run_id\":\"run-c\",\"timeout_sec\":60,\"retry_limit\":0,"
                + "\"max_parallel\":2}";
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> instanceB.onMessage(new ReceivedMessage<>(
                JobIds.SCOUT_STREAM, "1-0", message(JobIds.SCOUT, "run-c", 60, 0), Map.of("payload", payload))));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (limit.running(JobIds.SCOUT) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long inProgress = limit.running(JobIds.SCOUT);
        release.countDown();

        assertThat(second).extracting(JobResult::status).containsExactly(Status.SKIPPED);
        assertThat(second.get(0).message()).contains("max_parallel 1");
        assertThat(inProgress).isEqualTo(2);
        assertThat(first.get(30, TimeUnit.SECONDS)).extracting(JobResult::status).containsExactly(Status.SUCCEEDED);
        third.get(30, TimeUnit.SECONDS);
        assertThat(limit.running(JobIds.SCOUT)).as("slots given back").isZero();
        assertThat(resultsOnStream()).extracting(JobResult::runId, JobResult::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("run-b", Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("run-a", Status.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("run-c", Status.SUCCEEDED));
    }

    @Test
    void aJobWithoutHandlerIsReportedSkippedAndTheFallbackRunsUnknownIds() {
        JobRunner strict = runner("scout-job").register(JobIds.SCOUT, m -> JobOutcome.done("scout"));
        JobRunner lenient = runner("scout-job").register(JobIds.ANALYST_FEEDBACK, m -> JobOutcome.done("feedback"))
                .otherwise(m -> JobOutcome.done("full scout for " + m.jobId()));

        assertThat(strict.run(message("scout-daily", "run-x", 60, 0), null)).extracting(JobResult::status,
                JobResult::message).containsExactly(org.assertj.core.groups.Tuple.tuple(Status.SKIPPED,
                "no handler for job scout-daily in scout-job"));
        assertThat(lenient.run(message("scout-daily", "run-y", 60, 0), null)).extracting(JobResult::message)
                .containsExactly("full scout for scout-daily");
    }

    @Test
    void aHandlerThatSkipsIsReportedSkipped() {
        JobRunner runner = runner("scout-job").register(JobIds.SCOUT, m -> JobOutcome.skipped("장 마감 후"));

        assertThat(runner.run(message(JobIds.SCOUT, "run-s", 60, 2), null)).extracting(JobResult::status)
                .containsExactly(Status.SKIPPED);
    }
}
