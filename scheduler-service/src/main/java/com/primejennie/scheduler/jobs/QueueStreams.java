package com.primejennie.scheduler.jobs;

import java.util.regex.Pattern;

import com.primejennie.shared.domain.JobIds;

/**
 * Maps a job's logical queue to the stream its consumer really reads. The Python scheduler prefixed the scope and
 * published the scout job to {@code stream:jobs:real.jobs.scout}, which nothing consumed (spec §2.4 [DEFECT]); here
 * {@code real.jobs.scout}, {@code mock.jobs.scout}, {@code jobs.scout}, {@code scout} and
 * {@code stream:jobs:real.jobs.scout} all reach {@link JobIds#SCOUT_STREAM}, {@code *.jobs.data} and
 * {@code *.jobs.data.<anything>} (the Python worker's intraday/trading/dart queues) reach {@link JobIds#DATA_STREAM},
 * and any other queue {@code q} goes to {@code stream:jobs:q} without the scope prefix.
 */
public final class QueueStreams {

    private static final String JOBS_PREFIX = "stream:jobs:";
    private static final Pattern SCOPED = Pattern.compile("^[A-Za-z0-9_-]+\\.jobs\\..+");

    private QueueStreams() {
    }

    /** The stream for {@code queue}; fails on a blank queue. */
    public static String streamFor(String queue) {
        if (queue == null || queue.isBlank()) {
            throw new InvalidJobException("queue가 비어 있습니다");
        }
        String q = queue.strip();
        if (q.startsWith(JOBS_PREFIX)) {
            q = q.substring(JOBS_PREFIX.length());
        } else if (q.startsWith("stream:")) {
            return q;
        }
        if (SCOPED.matcher(q).matches()) {
            q = q.substring(q.indexOf('.') + 1);
        }
        if (q.startsWith("jobs.")) {
            q = q.substring("jobs.".length());
        }
        if (q.equals("scout")) {
            return JobIds.SCOUT_STREAM;
        }
        if (q.equals("data") || q.startsWith("data.")) {
            return JobIds.DATA_STREAM;
        }
        if (q.isBlank() || q.endsWith(".")) {
            throw new InvalidJobException("queue '" + queue + "'에 큐 이름이 없습니다");
        }
        return JOBS_PREFIX + q;
    }
}
