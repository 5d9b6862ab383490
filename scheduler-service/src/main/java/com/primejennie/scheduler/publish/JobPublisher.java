package com.primejennie.scheduler.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.scheduler.jobs.Job;
import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.jobs.JobRunner;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalPublisher;

import tools.jackson.core.type.TypeReference;

/**
 * Publishes one run of a job: the shared {@link JobMessage} (Python payload shape, {@code queued_at} in Korea time
 * with its offset, as the Python scheduler wrote it) plus the job's {@code max_parallel}, which the consumer's
 * {@link JobRunner} enforces, on the stream the job's consumer reads. Each publication is recorded as a run; a
 * scheduled one also sets the job's {@code last_run_at} (a manual run does not, as in Python).
 */
public final class JobPublisher {

    /** Triggers of cron fires; these update {@code last_run_at}. */
    public static final String TRIGGER_SCHEDULER = "scheduler";
    public static final String TRIGGER_MISSED = "missed_fire";

    private static final Logger log = LoggerFactory.getLogger(JobPublisher.class);
    private static final DateTimeFormatter QUEUED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final StreamMessaging messaging;
    private final JobRepository jobs;
    private final DelayedPublications delayed;
    private final MarketClock clock;
    private final Map<String, TradingSignalPublisher<Object>> publishers = new ConcurrentHashMap<>();

    public JobPublisher(StreamMessaging messaging, JobRepository jobs, DelayedPublications delayed,
                        MarketClock clock) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.delayed = Objects.requireNonNull(delayed, "delayed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What was published (or held back). */
    public record Publication(String runId, String stream, String messageId, Instant delayedUntil) {
    }

    /**
     * Publishes a run of {@code job} now, or holds it for {@code delay} (zero = now).
     *
     * @param overrides params merged over the job's {@code default_params}
     * @param fireAt    the cron instant this run is for, or null (manual)
     */
    public Publication publish(Job job, String trigger, Map<String, Object> overrides, Instant fireAt,
                               Duration delay) {
        Instant now = clock.instant();
        String stream = job.spec().stream();
        String runId = UUID.randomUUID().toString();
        Map<String, Object> params = new LinkedHashMap<>(job.spec().defaultParams());
        if (overrides != null) {
            params.putAll(overrides);
        }
        JobMessage message = new JobMessage(job.jobId(), job.scope(), runId, trigger, params, job.spec().timeoutSec(),
                job.spec().retryLimit(), job.spec().telemetryLabel(),
                OffsetDateTime.ofInstant(now, MarketClock.KST).format(QUEUED_AT), false);
        Map<String, Object> payload = new LinkedHashMap<>(WireJson.mapper().convertValue(message, MAP));
        payload.put(JobRunner.MAX_PARALLEL_FIELD, job.spec().maxParallel());
        if (delay != null && !delay.isZero() && !delay.isNegative()) {
            Instant due = now.plus(delay);
            delayed.hold(runId, stream, payload, due);
            jobs.insertRun(runId, job.jobId(), job.scope(), trigger, fireAt, now, stream, null, "DELAYED");
            log.info("job {} run {} ({}) held until {} KST for {}", job.jobId(), runId, trigger,
                    due.atZone(MarketClock.KST).toLocalDateTime(), stream);
            return new Publication(runId, stream, null, due);
        }
        String id = publisher(stream).publish(payload);
        try {
            jobs.insertRun(runId, job.jobId(), job.scope(), trigger, fireAt, now, stream, id, "QUEUED");
            if (TRIGGER_SCHEDULER.equals(trigger) || TRIGGER_MISSED.equals(trigger)) {
                jobs.markFired(job.jobId(), JobRepository.kst(now));
            }
        } catch (RuntimeException e) {
            // Published: recording it failed, which must not make a caller publish it again.
            log.error("job {} run {} published to {} as {} but not recorded: {}", job.jobId(), runId, stream, id,
                    e.getMessage());
        }
        log.info("job {} run {} ({}) published to {} as {}", job.jobId(), runId, trigger, stream, id);
        return new Publication(runId, stream, id, null);
    }

    /** Publishes the held runs that are due now; returns how many. */
    public int publishDue() {
        Instant now = clock.instant();
        int n = 0;
        for (DelayedPublications.Held held : delayed.takeDue(now)) {
            try {
                String id = publisher(held.stream()).publish(held.payload());
                jobs.markRunQueued(held.runId(), id, now);
                log.info("delayed run {} published to {} as {}", held.runId(), held.stream(), id);
                n++;
            } catch (RuntimeException e) {
                log.error("delayed run {} for {} could not be published and is dropped: {}", held.runId(),
                        held.stream(), e.getMessage());
            }
        }
        return n;
    }

    private TradingSignalPublisher<Object> publisher(String stream) {
        return publishers.computeIfAbsent(stream, messaging::publisher);
    }
}
