package com.primejennie.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.scheduler.cron.CronFirer;
import com.primejennie.shared.domain.JobIds;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.schema.SchemaMigrator;
import com.primejennie.shared.testing.RealServicesTest;

import tools.jackson.databind.JsonNode;

/**
 * One Spring context for the scheduler's integration tests: real Redis and MariaDB, a {@link ManualMarketClock},
 * and no clock loops (each test ticks the {@link CronFirer} itself). Every test starts with no jobs but the defaults,
 * created at the clock's time, and empty job streams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jennie.scheduler.loop-enabled=false",
        "jennie.scheduler.scope=real",
        "jennie.scheduler.watchman.services.price-monitor=http://127.0.0.1:1",
        "jennie.scheduler.watchman.services.sell-executor=http://127.0.0.1:1"})
@RealServicesTest
@Import(SchedulerTestSupport.ClockConfiguration.class)
public abstract class SchedulerTestSupport {

    /** A trading Monday. */
    protected static final LocalDateTime MONDAY_0800 = LocalDateTime.parse("2026-03-09T08:00:00");

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {
        @Bean
        ManualMarketClock marketClock() {
            return ManualMarketClock.atKst(MONDAY_0800);
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ManualMarketClock clock;
    @Autowired
    protected CronFirer firer;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected DataSource dataSource;
    @Autowired
    SchemaMigrator schema;

    protected final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void cleanSlate() throws InterruptedException {
        assertThat(schema.awaitMigrated(Duration.ofSeconds(60))).as("schema migrated").isTrue();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM jobs").update();
        jdbc.sql("DELETE FROM SCHEDULER_JOB_OPTIONS").update();
        jdbc.sql("DELETE FROM SCHEDULER_JOB_RUNS").update();
        List<String> keys = new ArrayList<>(List.of(JobIds.SCOUT_STREAM, JobIds.DATA_STREAM, "stream:jobs:test",
                "scheduler:delayed"));
        for (String pattern : List.of("scheduler:fire:*", "jobs:running:*", "scheduler:watchman*")) {
            var found = redis.keys(pattern);
            if (found != null) {
                keys.addAll(found);
            }
        }
        redis.delete(keys);
        clock.setKst(startAt());
        firer.createMissingDefaultJobs();
    }

    /** When each test starts (the defaults are created then, so they never fire before it). */
    protected LocalDateTime startAt() {
        return MONDAY_0800;
    }

    /** Moves the clock to {@code kst} and ticks. */
    protected void tickAt(LocalDateTime kst) {
        clock.setKst(kst);
        firer.tick();
    }

    /** The payloads on {@code stream} whose job_id is {@code jobId}, oldest first. */
    protected List<JsonNode> published(String stream, String jobId) {
        var entries = redis.opsForStream().range(stream, org.springframework.data.domain.Range.unbounded());
        List<JsonNode> found = new ArrayList<>();
        if (entries == null) {
            return found;
        }
        for (var entry : entries) {
            Object payload = entry.getValue().get("payload");
            JsonNode node = WireJson.mapper().readTree(payload.toString());
            if (jobId == null || jobId.equals(node.path("job_id").asString())) {
                found.add(node);
            }
        }
        return found;
    }

    protected HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    protected JsonNode json(HttpResponse<String> response) {
        return WireJson.mapper().readTree(response.body());
    }

    protected JsonNode ok(String method, String path, String body) {
        HttpResponse<String> r = call(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isBetween(200, 201);
        return json(r);
    }

    protected static Map<String, Object> map(JsonNode node) {
        return WireJson.mapper().convertValue(node, Map.class);
    }
}
