package com.primejennie.scheduler.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import com.primejennie.scheduler.SchedulerProperties;
import com.primejennie.scheduler.jobs.DefaultJobs;
import com.primejennie.scheduler.schedule.InvalidCronException;
import com.primejennie.scheduler.jobs.Job;
import com.primejennie.scheduler.jobs.JobRepository;
import com.primejennie.scheduler.manage.JobService;
import com.primejennie.scheduler.jobs.JobSpec;
import com.primejennie.scheduler.jobs.MissedFirePolicy;
import com.primejennie.scheduler.publish.JobPublisher;
import com.primejennie.scheduler.schedule.CronSchedule;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.PublishException;

/**
 * One look at the market clock: publishes the held runs that are due, then for every enabled job of the scope
 * publishes the cron fire that is due now (claimed with {@link FireClaims}, so one instance publishes it) and
 * accounts for every fire up to now. Fires older than the grace were missed (nobody ran): the job's
 * {@link MissedFirePolicy} runs them once or skips them. Stateless between ticks except for the database cursor,
 * so any number of instances can tick.
 */
public final class CronFirer {

    private static final Logger log = LoggerFactory.getLogger(CronFirer.class);

    private final JobRepository jobs;
    private final JobService service;
    private final CronSchedule schedule;
    private final JobPublisher publisher;
    private final FireClaims claims;
    private final MarketClock clock;
    private final SchedulerProperties properties;
    private final BooleanSupplier schemaReady;
    private final Set<String> badCronLogged = ConcurrentHashMap.newKeySet();
    private volatile boolean defaultsEnsured;

    public CronFirer(JobRepository jobs, JobService service, CronSchedule schedule, JobPublisher publisher,
                     FireClaims claims, MarketClock clock, SchedulerProperties properties,
                     BooleanSupplier schemaReady) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.service = Objects.requireNonNull(service, "service");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.schemaReady = Objects.requireNonNull(schemaReady, "schemaReady");
    }

    /** A tick with the configured grace. */
    public void tick() {
        tick(properties.misfireGrace());
    }

    /**
     * A loop's tick, {@code step} of market time after its previous one: the grace is widened to four steps, so a
     * simulated clock running many times real speed still sees each fire as on time.
     */
    public void tickAfter(Duration step) {
        Duration widened = step.multipliedBy(4);
        tick(widened.compareTo(properties.misfireGrace()) > 0 ? widened : properties.misfireGrace());
    }

    /** A tick: fires within {@code grace} of now are on time, older ones missed. */
    public void tick(Duration grace) {
        if (!schemaReady.getAsBoolean()) {
            return;
        }
        ensureDefaultJobs();
        publisher.publishDue();
        Instant now = clock.instant();
        for (Job job : jobs.findEnabled(properties.scope())) {
            try {
                fireIfDue(job, now, grace);
            } catch (RuntimeException e) {
                log.error("job {}: tick at {} KST failed: {}", job.jobId(), JobRepository.kst(now), e.toString());
            }
        }
    }

    private void fireIfDue(Job job, Instant now, Duration grace) {
        CronExpression cron;
        try {
            cron = CronSchedule.parse(job.spec().cronExpr());
        } catch (InvalidCronException e) {
            if (badCronLogged.add(job.jobId() + job.spec().cronExpr())) {
                log.error("job {} is never fired: {}", job.jobId(), e.getMessage());
            }
            return;
        }
        boolean tradingDays = job.spec().tradingDaysOnly();
        Instant cursor = job.firedThrough();
        if (cursor == null) {
            // Adopted (Python-created) job: start counting now, never fire on adoption.
            jobs.advanceCursor(job.jobId(), now, nextDue(cron, tradingDays, now));
            return;
        }
        if (!now.isAfter(cursor)) {
            return;
        }
        CronSchedule.FirePlan plan = schedule.plan(cron, tradingDays, cursor, now, grace, properties.catchUpWindow());
        if (plan.isEmpty()) {
            return;
        }
        Instant fireAt = null;
        String trigger = null;
        if (plan.onTime() != null) {
            fireAt = plan.onTime();
            trigger = JobPublisher.TRIGGER_SCHEDULER;
        } else if (job.spec().missedFirePolicy() == MissedFirePolicy.RUN_ONCE) {
            fireAt = plan.missed().get(plan.missed().size() - 1);
            trigger = JobPublisher.TRIGGER_MISSED;
            log.warn("job {}: {} fire(s) missed while no scheduler ran (last {} KST); running once (RUN_ONCE)",
                    job.jobId(), plan.missed().size(), JobRepository.kst(fireAt));
        } else {
            log.warn("job {}: {} fire(s) missed while no scheduler ran (last {} KST); skipped (SKIP)", job.jobId(),
                    plan.missed().size(), JobRepository.kst(plan.missed().get(plan.missed().size() - 1)));
        }
        if (fireAt != null && claims.claim(job.jobId(), fireAt)) {
            try {
                publisher.publish(job, trigger, Map.of(), fireAt, Duration.ZERO);
            } catch (PublishException e) {
                // Not published: the cursor stays and, unless the entry may have been written, the claim is given
                // back, so the next tick tries again while the fire is within the grace (then the policy decides).
                if (!e.maybeWritten()) {
                    claims.release(job.jobId(), fireAt);
                }
                throw e;
            }
        }
        jobs.advanceCursor(job.jobId(), now, nextDue(cron, tradingDays, now));
    }

    private java.time.LocalDateTime nextDue(CronExpression cron, boolean tradingDays, Instant now) {
        return schedule.next(cron, tradingDays, now).map(JobRepository::kst).orElse(null);
    }

    /** Creates the default jobs that are absent (once per process, after the schema exists). */
    public void ensureDefaultJobs() {
        if (defaultsEnsured || !properties.defaultJobs()) {
            return;
        }
        createMissingDefaultJobs();
        defaultsEnsured = true;
    }

    /** Creates every default job that is absent now (by id, in any scope). */
    public void createMissingDefaultJobs() {
        for (JobSpec spec : DefaultJobs.forScope(properties.scope())) {
            var existing = jobs.find(spec.jobId());
            if (existing.isPresent()) {
                if (!properties.scope().equals(existing.get().scope())) {
                    log.warn("default job {} exists under scope '{}', not '{}'; left as it is", spec.jobId(),
                            existing.get().scope(), properties.scope());
                }
                continue;
            }
            try {
                service.create(spec);
            } catch (RuntimeException e) {
                // Another instance may have created it in between; anything else is logged and retried next start.
                if (jobs.find(spec.jobId()).isEmpty()) {
                    log.error("default job {} could not be created: {}", spec.jobId(), e.getMessage());
                }
            }
        }
    }
}
