package com.primejennie.scoutjob.scout.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.market.MarketClock;

/**
 * The scout job handler: the run guard, then coalescing (a trigger queued before the last run started is served by
 * it), then the one-run lock, then the {@link ScoutPipeline}. Its {@link JobOutcome} carries the run report, which
 * the shared job runner publishes on {@code stream:jobs:results}; a refused or coalesced trigger is SKIPPED with the
 * reason.
 */
public final class ScoutRunner implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ScoutRunner.class);

    private final ScoutPipeline pipeline;
    private final RunGuard guard;
    private final RunLock lock;
    private final MarketClock clock;

    public ScoutRunner(ScoutPipeline pipeline, RunGuard guard, RunLock lock, MarketClock clock) {
        this.pipeline = pipeline;
        this.guard = guard;
        this.lock = lock;
        this.clock = clock;
    }

    @Override
    public JobOutcome run(JobMessage message) throws Exception {
        Optional<String> refused = guard.refuse(clock.now());
        if (refused.isPresent()) {
            log.info("scout trigger {} skipped: {}", message.runId(), refused.get());
            return JobOutcome.skipped(refused.get());
        }
        Instant queuedAt = queuedAt(message);
        if (lock.coveredByLastRun(queuedAt)) {
            String why = "coalesced: a scout run started after this trigger was queued (" + message.queuedAt() + ")";
            log.info("scout trigger {} {}", message.runId(), why);
            return JobOutcome.skipped(why);
        }
        String runId = message.runId() == null ? UUID.randomUUID().toString() : message.runId();
        if (!lock.acquire(runId, clock.instant())) {
            String why = "another scout run is in progress (" + lock.holder().orElse("?") + ")";
            log.info("scout trigger {} skipped: {}", runId, why);
            return JobOutcome.skipped(why);
        }
        try {
            RunReport report = pipeline.run(runId);
            Map<String, Object> stats = new LinkedHashMap<>(report.stats());
            String summary = String.format("scout run %s: %s candidates, %s final, %d LLM calls, %d KIS calls, %d ms",
                    runId, report.candidates("universe"), report.candidates("final"), report.llmCalls(),
                    report.kisCalls(), (Long) stats.get("wall_ms"));
            log.info(summary);
            return JobOutcome.done(summary, stats);
        } finally {
            lock.release(runId, clock.instant());
        }
    }

    private static Instant queuedAt(JobMessage message) {
        if (message.queuedAt() == null || message.queuedAt().isBlank()) {
            return null;
        }
        try {
            return WireTime.parse(message.queuedAt(), MarketClock.KST);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
