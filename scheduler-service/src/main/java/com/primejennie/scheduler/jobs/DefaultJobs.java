package com.primejennie.scheduler.jobs;

import java.util.List;
import java.util.Map;

import com.primejennie.shared.domain.JobIds;

/**
 * The jobs every scheduler creates at start when absent (spec §2.2 defaults, replaced by what Airflow really ran for
 * the Python suite, and the data jobs): all on KRX trading days only, in Korea time.
 * <ul>
 *   <li>{@code scout-job}: {@code 30 8-14 * * 1-5} (Airflow's DAG: hourly at :30, 08:30–14:30), timeout 3600 s so a
 *       run ends before the next slot, one retry;</li>
 *   <li>{@code analyst-feedback-update}: {@code 0 18 * * 1-5} (Airflow → job-worker at 18:00);</li>
 *   <li>{@code data-stock-master} before the open (08:00), the price, index, flow, financial and asset jobs after
 *       the close (15:45–16:30, in the order of {@link JobIds#DATA_JOBS}); {@code data-cleanup} Sunday 03:00 (the
 *       Python retention script ran weekly), the one job not tied to trading days.</li>
 * </ul>
 * The Python default {@code price-monitor-pulse} is not created: no Java service consumes it.
 */
public final class DefaultJobs {

    private DefaultJobs() {
    }

    /** The default job specs for {@code scope} (queues in the Python form {@code <scope>.jobs.<name>}). */
    public static List<JobSpec> forScope(String scope) {
        String scout = scope + ".jobs.scout";
        String data = scope + ".jobs.data";
        return List.of(
                job(JobIds.SCOUT, scout, "30 8-14 * * 1-5", 3600, 1, true, MissedFirePolicy.SKIP,
                        "AI 종목 발굴 (매시 30분, 08:30-14:30)"),
                job(JobIds.ANALYST_FEEDBACK, scout, "0 18 * * 1-5", 1800, 1, true, MissedFirePolicy.RUN_ONCE,
                        "분석가 피드백 갱신 (18:00)"),
                job(JobIds.DATA_STOCK_MASTER, data, "0 8 * * 1-5", 1800, 1, true, MissedFirePolicy.RUN_ONCE,
                        "종목 마스터 갱신 (장 시작 전)"),
                job(JobIds.DATA_DAILY_PRICES, data, "45 15 * * 1-5", 3600, 1, true, MissedFirePolicy.RUN_ONCE,
                        "일봉 수집 (장 마감 후)"),
                job(JobIds.DATA_INDEX_PRICES, data, "50 15 * * 1-5", 900, 1, true, MissedFirePolicy.RUN_ONCE,
                        "지수 수집 (장 마감 후)"),
                job(JobIds.DATA_INVESTOR_FLOWS, data, "0 16 * * 1-5", 1800, 1, true, MissedFirePolicy.RUN_ONCE,
                        "투자자별 수급 수집 (장 마감 후)"),
                job(JobIds.DATA_FINANCIALS, data, "15 16 * * 1-5", 3600, 1, true, MissedFirePolicy.RUN_ONCE,
                        "재무 지표 수집 (장 마감 후)"),
                job(JobIds.DATA_ASSET_SNAPSHOT, data, "30 16 * * 1-5", 600, 1, true, MissedFirePolicy.RUN_ONCE,
                        "일일 자산 스냅샷 (장 마감 후)"),
                job(JobIds.DATA_CLEANUP, data, "0 3 * * 0", 3600, 0, false, MissedFirePolicy.SKIP,
                        "보관 기간 지난 데이터 정리 (일요일 03:00)"));
    }

    private static JobSpec job(String id, String queue, String cron, int timeout, int retries, boolean tradingDays,
                               MissedFirePolicy policy, String description) {
        return new JobSpec(id, "scheduler", null, description, queue, cron, true, 1, Map.of(), timeout, retries, null,
                tradingDays, policy);
    }
}
