package com.primejennie.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.scheduler.SchedulerTestSupport;
import com.primejennie.shared.domain.JobIds;

/** The Python {@code jobs} table keeps its shape, and a job the Python scheduler left in it is adopted safely. */
class PythonJobsTableTest extends SchedulerTestSupport {

    @Test
    void jobsHasExactlyThePythonColumnsAndJavasAdditionsLiveInSideTables() {
        var columns = JdbcClient.create(dataSource).sql("""
                SELECT COLUMN_NAME FROM information_schema.COLUMNS
                 WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'jobs' ORDER BY ORDINAL_POSITION""")
                .query(String.class).list();

        assertThat(columns).containsExactly("job_id", "scope", "reschedule_mode", "interval_seconds", "description",
                "queue", "cron_expr", "enabled", "max_parallel", "default_params", "timeout_sec", "retry_limit",
                "telemetry_label", "created_at", "updated_at", "next_due_at", "last_run_at", "last_status",
                "last_error");
    }

    @Test
    void aJobThePythonSchedulerCreatedIsAdoptedWithoutFiringThenFiresAtItsCron() {
        // As the Python scheduler left it: naive KST timestamps, never run, no Java options row.
        JdbcClient.create(dataSource).sql("""
                INSERT INTO jobs (job_id, scope, reschedule_mode, queue, cron_expr, enabled, max_parallel,
                                  default_params, timeout_sec, retry_limit, created_at, updated_at)
                VALUES ('scout-daily', 'real', 'scheduler', 'real.jobs.scout', '0 9 * * 1-5', 1, 1,
                        '{"source": "python"}', 7200, 3, '2026-02-01 10:00:00', '2026-02-01 10:00:00')""").update();

        tickAt(LocalDateTime.parse("2026-03-09T08:55:00"));
        tickAt(LocalDateTime.parse("2026-03-09T09:00:00"));
        JsonView job = new JsonView(ok("GET", "/jobs/scout-daily", null));

        var published = published(JobIds.SCOUT_STREAM, "scout-daily");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("params").path("source").asString()).isEqualTo("python");
        assertThat(published.get(0).path("timeout_sec").asInt()).isEqualTo(7200);
        assertThat(job.text("last_status")).isEqualTo("queued");
        assertThat(job.text("last_run_at")).isEqualTo("2026-03-09T09:00:00");
        assertThat(job.text("next_due_at")).isEqualTo("2026-03-10T09:00:00");
        assertThat(job.text("missed_fire_policy")).isEqualTo("SKIP");
    }

    private record JsonView(tools.jackson.databind.JsonNode node) {
        String text(String field) {
            return node.path(field).asString();
        }
    }
}
