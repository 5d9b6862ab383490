package com.primejennie.scoutjob.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.kis.KisException;

/**
 * The loop every per-code data job shares: skips codes already checkpointed for the session (a crashed run resumes,
 * a rerun asks nothing), checkpoints each code once its rows are written, keeps going past one code's KIS failure and
 * names it in the outcome, stops when the runner interrupts it (timeout), and fails the attempt when every code
 * failed (KIS down: the runner retries, and the retry resumes).
 */
final class PerCodeRun {

    private static final Logger log = LoggerFactory.getLogger(PerCodeRun.class);

    /** The work for one code; returns the rows it wrote. */
    @FunctionalInterface
    interface CodeWork {
        int apply(String code);
    }

    private PerCodeRun() {
    }

    static JobOutcome run(String jobId, LocalDate session, List<String> codes, JobCheckpoints checkpoints,
                          CodeWork work, Map<String, Object> extraStats, List<String> notes) {
        int skipped = 0;
        int done = 0;
        long rows = 0;
        List<String> failed = new ArrayList<>();
        String lastError = null;
        for (String code : codes) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException(jobId + " interrupted after " + done + " codes; the next run resumes");
            }
            if (checkpoints.isDone(jobId, session, code)) {
                skipped++;
                continue;
            }
            try {
                rows += work.apply(code);
                checkpoints.markDone(jobId, session, code);
                done++;
            } catch (KisException e) {
                failed.add(code);
                lastError = e.getMessage();
                log.warn("{}: {} failed: {}", jobId, code, e.getMessage());
            }
        }
        if (!failed.isEmpty() && done == 0 && skipped == 0) {
            throw new IllegalStateException(jobId + ": every one of " + failed.size() + " codes failed at KIS ("
                    + lastError + ")");
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("codes", codes.size());
        stats.put("done", done);
        stats.put("resumed_skipped", skipped);
        stats.put("rows", rows);
        stats.put("failed", failed.size());
        stats.putAll(extraStats);
        StringBuilder message = new StringBuilder("%s %s: %d codes, %d fetched, %d already done, %d rows"
                .formatted(jobId, session, codes.size(), done, skipped, rows));
        if (!failed.isEmpty()) {
            message.append("; could not fetch ").append(failed.size()).append(" (")
                    .append(String.join(",", failed.subList(0, Math.min(10, failed.size()))))
                    .append(failed.size() > 10 ? ",…" : "").append("): ").append(lastError);
        }
        notes.forEach(n -> message.append("; ").append(n));
        return JobOutcome.done(message.toString(), stats);
    }
}
