package com.primejennie.scheduler.manage;

import com.primejennie.scheduler.jobs.InvalidJobException;
import com.primejennie.scheduler.jobs.Job;
import com.primejennie.scheduler.jobs.JobNotFoundException;
import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.scheduler.jobs.JobSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.scheduler.SchedulerProperties;
import com.primejennie.scheduler.schedule.CronSchedule;
import com.primejennie.scheduler.publish.JobPublisher;
import com.primejennie.shared.market.MarketClock;

/**
 * What the REST API does to jobs (spec §2.5), with the Python defects fixed: creating or resuming a job never
 * publishes (the next cron fire does; Python published at once and again at the next tick), an explicit null for a
 * required field is a 400 instead of a 500, and {@code delay_seconds} really delays.
 */
public final class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobRepository jobs;
    private final CronSchedule schedule;
    private final JobPublisher publisher;
    private final MarketClock clock;
    private final String scope;

    public JobService(JobRepository jobs, CronSchedule schedule, JobPublisher publisher, MarketClock clock,
                      SchedulerProperties properties) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scope = properties.scope();
    }

    public String scope() {
        return scope;
    }

    public List<Job> list() {
        return jobs.findAll(scope);
    }

    /** The job in this scope, or {@link JobNotFoundException}. */
    public Job get(String jobId) {
        return jobs.find(jobId).filter(j -> scope.equals(j.scope())).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    public List<Map<String, Object>> runs(String jobId, int limit) {
        return jobs.recentRuns(jobId, limit);
    }

    /** Creates a job; 400 with the Python text when the id exists (in any scope). Never publishes. */
    public Job create(JobSpec spec) {
        spec.validate();
        if (jobs.find(spec.jobId()).isPresent()) {
            throw new InvalidJobException("Job '" + spec.jobId() + "'가 이미 존재합니다.");
        }
        Instant now = clock.instant();
        jobs.insert(spec, scope, JobRepository.kst(now), nextDue(spec, now), now);
        log.info("job {} created: cron '{}' -> {}", spec.jobId(), spec.cronExpr(), spec.stream());
        return get(spec.jobId());
    }

    /**
     * Replaces the editable fields with {@code updated} (the caller merged the request into the current spec). A new
     * cron or a re-enable starts counting fires from now, so neither fires at once.
     */
    public Job update(String jobId, java.util.function.UnaryOperator<JobSpec> change) {
        Job current = get(jobId);
        JobSpec updated = change.apply(current.spec()).validate();
        if (!updated.jobId().equals(jobId)) {
            throw new InvalidJobException("job_id는 바꿀 수 없습니다");
        }
        boolean reset = !updated.cronExpr().equals(current.spec().cronExpr())
                || updated.tradingDaysOnly() != current.spec().tradingDaysOnly()
                || (updated.enabled() && !current.spec().enabled());
        String status = !updated.enabled() && current.spec().enabled() ? "paused" : current.lastStatus();
        Instant now = clock.instant();
        jobs.update(updated, JobRepository.kst(now), nextDue(updated, now), now, reset, status);
        return get(jobId);
    }

    public Job pause(String jobId) {
        return update(jobId, spec -> withEnabled(spec, false));
    }

    /** Enables the job again; the fires it missed while paused are not run, and nothing is published now. */
    public Job resume(String jobId) {
        return update(jobId, spec -> withEnabled(spec, true));
    }

    /** Publishes one run now (or after {@code delay}); does not touch {@code last_run_at}. */
    public JobPublisher.Publication run(String jobId, Map<String, Object> params, Duration delay, String trigger) {
        Job job = get(jobId);
        return publisher.publish(job, trigger, params, null, delay);
    }

    /** {@code POST /jobs/{id}/last-run}: the job ran (elsewhere) now. */
    public Job markLastRun(String jobId, String requestedScope) {
        Job job = jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        String wanted = requestedScope == null ? scope : requestedScope;
        if (!wanted.equals(job.scope())) {
            throw new JobNotFoundException(jobId);
        }
        jobs.markDone(jobId, JobRepository.kst(clock.instant()));
        return jobs.find(jobId).orElseThrow();
    }

    private LocalDateTime nextDue(JobSpec spec, Instant now) {
        return schedule.next(CronSchedule.parse(spec.cronExpr()), spec.tradingDaysOnly(), now)
                .map(JobRepository::kst).orElse(null);
    }

    static JobSpec withEnabled(JobSpec s, boolean enabled) {
        return new JobSpec(s.jobId(), s.rescheduleMode(), s.intervalSeconds(), s.description(), s.queue(),
                s.cronExpr(), enabled, s.maxParallel(), s.defaultParams(), s.timeoutSec(), s.retryLimit(),
                s.telemetryLabel(), s.tradingDaysOnly(), s.missedFirePolicy());
    }
}
