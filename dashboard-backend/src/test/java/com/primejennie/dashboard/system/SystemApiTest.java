package com.primejennie.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;

import com.primejennie.dashboard.support.Api;
import com.primejennie.dashboard.support.DashboardTestBase;

import tools.jackson.databind.JsonNode;

/** {@code /api/system/*}: streams and their groups, service health over HTTP, heartbeats, the jobs table. */
class SystemApiTest extends DashboardTestBase {

    @Test
    void streamsReportLengthGroupsPendingLagAndDeadLetters() {
        for (int i = 0; i < 5; i++) {
            redis.opsForStream().add("stream:buy-signals", Map.of("payload", "{\"n\":" + i + "}"));
        }
        redis.opsForStream().createGroup("stream:buy-signals", ReadOffset.from("0"), "group_buy_executor");
        // one consumer reads 2 and acknowledges none: 2 pending, 3 not yet delivered (lag)
        redis.opsForStream().read(Consumer.from("group_buy_executor", "buy-executor-1"),
                StreamReadOptions.empty().count(2), StreamOffset.create("stream:buy-signals", ReadOffset.lastConsumed()));
        redis.opsForStream().add("stream:buy-signals:dead", Map.of("payload", "not json"));

        Api api = operator();
        JsonNode stream = find(api.get("/api/system/streams").json().get("streams"), "stream", "stream:buy-signals");
        assertThat(stream.get("length").asLong()).isEqualTo(5);
        assertThat(stream.get("dead_letter_count").asLong()).isEqualTo(1);
        JsonNode group = stream.get("groups").get(0);
        assertThat(group.get("name").asString()).isEqualTo("group_buy_executor");
        assertThat(group.get("consumers").asLong()).isEqualTo(1);
        assertThat(group.get("pending").asLong()).isEqualTo(2);
        assertThat(group.get("lag").asLong()).isEqualTo(3);

        JsonNode queue = find(api.get("/api/system/rabbitmq").json().get("queues"), "name",
                "stream:buy-signals/group_buy_executor");
        assertThat(queue.get("messages").asLong()).isEqualTo(2);
        assertThat(queue.get("messages_ready").asLong()).isEqualTo(3);
        assertThat(queue.get("messages_unacknowledged").asLong()).isEqualTo(2);
        assertThat(queue.get("consumers").asLong()).isEqualTo(1);
        assertThat(queue.get("state").asString()).isEqualTo("running");
    }

    @Test
    void servicesReportHealthOverHttpAndFillTheOldDockerCard() {
        Api api = operator();
        JsonNode services = api.get("/api/system/services").json();
        JsonNode fake = find(services.get("services"), "name", "fake-service");
        assertThat(fake.get("status").asString()).isEqualTo("UP");
        assertThat(fake.get("http_status").asInt()).isEqualTo(200);
        JsonNode dead = find(services.get("services"), "name", "dead-service");
        assertThat(dead.get("status").asString()).isEqualTo("DOWN");
        assertThat(dead.get("error").asString()).isNotBlank();

        JsonNode docker = api.get("/api/system/docker").json();
        JsonNode container = find(docker.get("containers"), "Names", "fake-service");
        assertThat(container.get("State").asString()).isEqualTo("running");
        assertThat(container.has("ID")).isTrue();
        assertThat(container.has("Image")).isTrue();
        assertThat(container.has("Status")).isTrue();
        assertThat(StreamSupport.stream(docker.get("containers").spliterator(), false)
                .noneMatch(c -> c.get("Names").asString().equals("dead-service"))).isTrue();
    }

    @Test
    void realtimeMonitorMergesTheHeartbeatsTheServicesWrite() {
        redis.opsForValue().set("monitoring:price_monitor", "{\"status\":\"online\",\"service\":\"price-monitor\","
                + "\"metrics\":{\"watching_count\":7,\"updated_at\":\"10:01:02\",\"pid\":42}}");
        redis.opsForValue().set("monitoring:buy_scanner_websocket", "{\"tick_count\":1200,\"signal_count\":3,"
                + "\"hot_watchlist_size\":15,\"market_regime\":\"BULL\"}");
        JsonNode m = operator().get("/api/system/realtime-monitor").json();
        assertThat(m.get("status").asString()).isEqualTo("online");
        assertThat(m.get("metrics").get("watching_count").asInt()).isEqualTo(7);
        assertThat(m.get("metrics").get("tick_count").asInt()).isEqualTo(1200);
        assertThat(m.get("metrics").get("hot_watchlist_size").asInt()).isEqualTo(15);
        assertThat(m.get("metrics").get("market_regime").asString()).isEqualTo("BULL");
    }

    @Test
    void statusAndSchedulerReadTheJobsTable() {
        jdbc.sql("INSERT INTO jobs (job_id, scope, reschedule_mode, interval_seconds, description, queue, cron_expr, "
                + "enabled, max_parallel, default_params, timeout_sec, retry_limit, last_status) VALUES "
                + "('scout-daily', 'real', 'scheduler', 7200, 'Scout', 'scout', '', 1, 1, '{}', 120, 3, 'SUCCESS')")
                .update();
        Api api = operator();
        JsonNode status = api.get("/api/system/status").json().get(0);
        assertThat(status.get("service_name").asString()).isEqualTo("scout-daily");
        assertThat(status.get("status").asString()).isEqualTo("active");
        assertThat(status.get("message").asString()).isEqualTo("Queue: scout");
        JsonNode scheduler = api.get("/api/system/scheduler").json();
        assertThat(scheduler.get("count").asInt()).isEqualTo(1);
        JsonNode job = scheduler.get("jobs").get(0);
        assertThat(job.get("name").asString()).isEqualTo("scout-daily");
        assertThat(job.get("interval").asString()).isEqualTo("2시간");
        assertThat(job.get("is_active").asBoolean()).isTrue();
        assertThat(job.get("last_status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void logEndpointsAnswer502WithTheReasonWhenLokiIsAbsent() {
        Api api = operator();
        Api.Answer stream = api.get("/api/logs/stream?service=buy-scanner");
        assertThat(stream.status()).isEqualTo(502);
        assertThat(stream.json().get("detail").asString()).contains("Loki");
        Api.Answer container = api.get("/api/system/logs/buy-scanner?limit=10&since=30m");
        assertThat(container.status()).isEqualTo(502);
        assertThat(container.json().get("detail").asString()).contains("LOKI_URL");
        assertThat(api.get("/api/logs/stream").status()).isEqualTo(422);
        assertThat(api.get("/api/system/logs/buy-scanner?since=forever").status()).isEqualTo(422);
    }

    static JsonNode find(JsonNode list, String field, String value) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> value.equals(n.path(field).asString()))
                .findFirst().orElseThrow(() -> new AssertionError(value + " not in " + list));
    }
}
