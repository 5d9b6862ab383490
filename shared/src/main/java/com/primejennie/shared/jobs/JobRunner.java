package com.primejennie.shared.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.JobResult;
import com.primejennie.shared.domain.JobResult.Status;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.messaging.StreamHandler;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalPublisher;

import tools.jackson.databind.JsonNode;

/**
 * The consumer side of a scheduled job: a {@link StreamHandler} for a job stream ({@code stream:jobs:scout},
 * {@code stream:jobs:data}) that dispatches each {@link JobMessage} to the {@link JobHandler} registered for its
 * {@code job_id} and honours what the Python worker only passed through:
 * <ul>
 *   <li>{@code timeout_sec}: the attempt runs on a thread of its own and is interrupted when the time is over
 *       ({@link Status#TIMED_OUT}; not retried, since the next attempt would overrun the job's slot too);</li>
 *   <li>{@code retry_limit}: a failed attempt is run again, up to that many more times;</li>
 *   <li>{@code max_parallel}: runs of one job in progress are counted in Redis across every instance
 *       ({@link ParallelRunLimit}); over the limit the run is {@link Status#SKIPPED}. The limit is the message's
 *       top-level {@code max_parallel} field (the Java scheduler adds it; {@link JobMessage} ignores it), else the
 *       value registered with the handler.</li>
 * </ul>
 * Every attempt's {@link JobResult} goes to {@link JobIds#RESULTS_STREAM}, where the scheduler records it. A job id
 * with no handler (and no fallback) is reported SKIPPED, never silently dropped. Runs are sequential per worker (the
 * worker calls one handler at a time); more workers or instances run more jobs at once, within {@code max_parallel}.
 */
public final class JobRunner implements StreamHandler<JobMessage>, AutoCloseable {

    /** The top-level payload field carrying the job's {@code max_parallel}. */
    public static final String MAX_PARALLEL_FIELD = "max_parallel";

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(60);

    private final String service;
    private final TradingSignalPublisher<Object> results;
    private final ParallelRunLimit limit;
    private final Clock clock;
    private final Duration defaultTimeout;
    private final Duration retryBackoff;
    private final Map<String, Registration> handlers = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private volatile Registration fallback;

    /** A handler and the {@code max_parallel} used when the message carries none. */
    private record Registration(JobHandler handler, int maxParallel) {
    }

    /**
     * @param service        this service's name, written into each result
     * @param results        a publisher of {@link JobIds#RESULTS_STREAM}
     * @param limit          the cross-instance run counter
     * @param clock          for the results' timestamps and the leases
     * @param defaultTimeout when a message has no {@code timeout_sec}
     * @param retryBackoff   wait between a failed attempt and the next (attempt × this)
     */
    public JobRunner(String service, TradingSignalPublisher<Object> results, ParallelRunLimit limit, Clock clock,
                     Duration defaultTimeout, Duration retryBackoff) {
        this.service = Objects.requireNonNull(service, "service");
        this.results = Objects.requireNonNull(results, "results");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.retryBackoff = Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (!results.stream().equals(JobIds.RESULTS_STREAM)) {
            throw new IllegalArgumentException("job results go to " + JobIds.RESULTS_STREAM + ", not "
                    + results.stream());
        }
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "job-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code handler} for messages with {@code jobId}, at most one run at a time unless the message says more. */
    public JobRunner register(String jobId, JobHandler handler) {
        return register(jobId, 1, handler);
    }

    /** Runs {@code handler} for {@code jobId}, with {@code maxParallel} when the message carries no limit. */
    public JobRunner register(String jobId, int maxParallel, JobHandler handler) {
        requirePositive(maxParallel, jobId);
        handlers.put(Objects.requireNonNull(jobId, "jobId"), new Registration(Objects.requireNonNull(handler), maxParallel));
        return this;
    }

    /** Runs {@code handler} for every job id without a handler of its own (the scout worker's "anything else"). */
    public JobRunner otherwise(JobHandler handler) {
        this.fallback = new Registration(Objects.requireNonNull(handler, "handler"), 1);
        return this;
    }

    @Override
    public void onMessage(ReceivedMessage<JobMessage> message) {
        run(message.payload(), maxParallelOf(message.fields().get(Streams.PAYLOAD_FIELD)));
    }

    /**
     * Runs one job message to its end (all attempts) and returns the results it published, in order.
     *
     * @param maxParallel the message's limit, or null to use the registered one
     */
    public List<JobResult> run(JobMessage message, Integer maxParallel) {
        Objects.requireNonNull(message, "message");
        String runId = message.runId() != null ? message.runId() : UUID.randomUUID().toString();
        Registration registration = handlers.getOrDefault(message.jobId(), fallback);
        List<JobResult> published = new ArrayList<>();
        if (registration == null) {
            published.add(report(message, runId, Status.SKIPPED, 1, clock.instant(), 0,
                    "no handler for job " + message.jobId() + " in " + service, null, Map.of()));
            return published;
        }
        int max = maxParallel != null && maxParallel >= 1 ? maxParallel : registration.maxParallel();
        Duration timeout = message.timeoutSec() != null && message.timeoutSec() > 0
                ? Duration.ofSeconds(message.timeoutSec()) : defaultTimeout;
        Duration lease = timeout.plus(LEASE_MARGIN);
        if (!limit.acquire(message.jobId(), runId, max, lease)) {
            published.add(report(message, runId, Status.SKIPPED, 1, clock.instant(), 0,
                    "max_parallel " + max + " reached for " + message.jobId(), null, Map.of()));
            return published;
        }
        int attempts = 1 + Math.max(0, message.retryLimit() == null ? 0 : message.retryLimit());
        CountDownLatch lastAttemptEnded = new CountDownLatch(0);
        try {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                if (attempt > 1) {
                    limit.acquire(message.jobId(), runId, max, lease);
                    if (!pause(retryBackoff.multipliedBy(attempt - 1))) {
                        break;
                    }
                }
                lastAttemptEnded = new CountDownLatch(1);
                JobResult result = attempt(registration.handler(), message, runId, attempt, timeout,
                        lastAttemptEnded);
                published.add(result);
                if (result.status() != Status.FAILED) {
                    break;
                }
            }
        } finally {
            releaseWhenEnded(message.jobId(), runId, lastAttemptEnded, lease);
        }
        return published;
    }

    private JobResult attempt(JobHandler handler, JobMessage message, String runId, int attempt, Duration timeout,
                              CountDownLatch ended) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Future<JobOutcome> future = threads.submit(() -> {
            try {
                return handler.run(message);
            } finally {
                ended.countDown();
            }
        });
        try {
            JobOutcome outcome = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long ms = elapsedMs(t0);
            if (outcome == null) {
                outcome = JobOutcome.done(null);
            }
            return report(message, runId, outcome.skipped() ? Status.SKIPPED : Status.SUCCEEDED, attempt, started, ms,
                    outcome.message(), null, outcome.stats());
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("job {} run {} attempt {} exceeded timeout_sec {}; interrupted", message.jobId(), runId, attempt,
                    timeout.toSeconds());
            return report(message, runId, Status.TIMED_OUT, attempt, started, elapsedMs(t0), null,
                    "timed out after " + timeout.toSeconds() + " s (timeout_sec)", Map.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log.warn("job {} run {} attempt {} failed: {}", message.jobId(), runId, attempt, cause.toString());
            return report(message, runId, Status.FAILED, attempt, started, elapsedMs(t0), null, describe(cause),
                    Map.of());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return report(message, runId, Status.FAILED, attempt, started, elapsedMs(t0), null,
                    "interrupted (shutdown)", Map.of());
        }
    }

    private JobResult report(JobMessage message, String runId, Status status, int attempt, Instant started, long ms,
                             String text, String error, Map<String, Object> stats) {
        JobResult result = new JobResult(message.jobId(), runId, message.scope(), status, attempt,
                WireTime.format(started), WireTime.format(clock.instant()), ms, text, error, stats, service);
        try {
            results.publish(result);
        } catch (RuntimeException e) {
            log.error("could not report {} of job {} run {} on {}: {}", status, message.jobId(), runId,
                    JobIds.RESULTS_STREAM, e.getMessage());
        }
        return result;
    }

    private void releaseWhenEnded(String jobId, String runId, CountDownLatch ended, Duration lease) {
        if (ended.getCount() == 0) {
            limit.release(jobId, runId);
            return;
        }
        // A timed-out handler that ignores its interrupt still runs: its slot is kept until it really ends.
        threads.submit(() -> {
            try {
                ended.await(lease.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            limit.release(jobId, runId);
        });
    }

    private static boolean pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Integer maxParallelOf(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode node = WireJson.mapper().readTree(payload).path(MAX_PARALLEL_FIELD);
            return node.isNumber() ? Integer.valueOf(node.asInt()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static void requirePositive(int maxParallel, String jobId) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("max_parallel must be at least 1, got " + maxParallel + " for "
                    + jobId);
        }
    }

    /** Stops the run threads (interrupting runs still in progress). */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
