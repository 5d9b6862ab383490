package com.primejennie.scheduler.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.primejennie.scheduler.schedule.CronSchedule;
import com.primejennie.scheduler.schedule.InvalidCronException;
import com.primejennie.shared.domain.JobIds;

/**
 * What an operator defines about a job: the Python {@code JobCreate} fields (spec §2.2) plus the two Java options.
 * {@link #validate()} checks every rule and fails with a reason naming the field, so a bad request is a 400 that
 * says what was wrong.
 */
public record JobSpec(
        String jobId,
        String rescheduleMode,
        Integer intervalSeconds,
        String description,
        String queue,
        String cronExpr,
        boolean enabled,
        int maxParallel,
        Map<String, Object> defaultParams,
        int timeoutSec,
        int retryLimit,
        String telemetryLabel,
        boolean tradingDaysOnly,
        MissedFirePolicy missedFirePolicy) {

    private static final Set<String> MODES = Set.of("scheduler", "queue");

    public JobSpec {
        defaultParams = defaultParams == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(defaultParams));
        missedFirePolicy = missedFirePolicy == null ? MissedFirePolicy.SKIP : missedFirePolicy;
        rescheduleMode = rescheduleMode == null ? "scheduler" : rescheduleMode;
    }

    /** A job with the Python defaults (enabled, max_parallel 1, timeout 120, retry 3) and trading days only. */
    public static JobSpec of(String jobId, String queue, String cronExpr) {
        return new JobSpec(jobId, "scheduler", null, null, queue, cronExpr, true, 1, Map.of(), 120, 3, null, true,
                MissedFirePolicy.SKIP);
    }

    /** The stream this job is published to. */
    public String stream() {
        return QueueStreams.streamFor(queue);
    }

    /** Checks every field; throws {@link InvalidJobException} naming the first bad one. */
    public JobSpec validate() {
        if (jobId == null || jobId.strip().length() < 3 || jobId.length() > 100) {
            throw new InvalidJobException("job_id는 3~100자여야 합니다 (받은 값: '" + jobId + "')");
        }
        if (!MODES.contains(rescheduleMode)) {
            throw new InvalidJobException("reschedule_mode는 scheduler 또는 queue여야 합니다 (받은 값: '"
                    + rescheduleMode + "')");
        }
        if (intervalSeconds != null && intervalSeconds < 5) {
            throw new InvalidJobException("interval_seconds는 5 이상이어야 합니다 (받은 값: " + intervalSeconds + ")");
        }
        if ("queue".equals(rescheduleMode) && (intervalSeconds == null || intervalSeconds <= 0)) {
            throw new InvalidJobException("reschedule_mode=queue에는 0보다 큰 interval_seconds가 필요합니다");
        }
        if (queue == null || queue.isBlank() || queue.length() > 200) {
            throw new InvalidJobException("queue는 1~200자여야 합니다 (받은 값: '" + queue + "')");
        }
        if (cronExpr == null || cronExpr.strip().length() < 3 || cronExpr.length() > 100) {
            throw new InvalidJobException("cron_expr는 3~100자여야 합니다 (받은 값: '" + cronExpr + "')");
        }
        try {
            CronSchedule.parse(cronExpr);
        } catch (InvalidCronException e) {
            throw new InvalidJobException(e.getMessage());
        }
        if (maxParallel < 1) {
            throw new InvalidJobException("max_parallel은 1 이상이어야 합니다 (받은 값: " + maxParallel + ")");
        }
        if (timeoutSec < 10) {
            throw new InvalidJobException("timeout_sec은 10 이상이어야 합니다 (받은 값: " + timeoutSec + ")");
        }
        if (retryLimit < 0) {
            throw new InvalidJobException("retry_limit은 0 이상이어야 합니다 (받은 값: " + retryLimit + ")");
        }
        if (telemetryLabel != null && telemetryLabel.length() > 100) {
            throw new InvalidJobException("telemetry_label은 100자 이하여야 합니다");
        }
        String stream = stream();
        String consumerStream = JobIds.streamOf(jobId).orElse(null);
        if (consumerStream != null && !consumerStream.equals(stream)) {
            throw new InvalidJobException("job '" + jobId + "'의 소비자는 " + consumerStream + "를 읽지만 queue '"
                    + queue + "'는 " + stream + "로 갑니다");
        }
        if (JobIds.DATA_STREAM.equals(stream) && !JobIds.DATA_JOBS.contains(jobId)) {
            throw new InvalidJobException("알 수 없는 데이터 작업입니다: '" + jobId + "' (가능한 값: "
                    + String.join(", ", JobIds.DATA_JOBS) + ")");
        }
        return this;
    }
}
