package com.primejennie.buyexecutor;

import com.primejennie.shared.messaging.AckMode;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.testing.RealServicesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumption decisions of issue 14 and the internal token, on the running app (real Redis and MariaDB). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jennie.internal-token=t0k3n", "jennie.orders.settler-enabled=false"})
@RealServicesTest
class BuyExecutorConsumptionTest {

    @LocalServerPort
    int port;

    @Autowired
    TradingSignalWorker<?> worker;

    @Autowired
    StringRedisTemplate redis;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void workerReadsBuySignalsInGroupBuyExecutorOneEntryAtATimeAckingBeforeHandlingWithSixtySecondMaxAge() {
        assertThat(worker.stream()).isEqualTo("stream:buy-signals");
        assertThat(worker.group()).isEqualTo("group_buy_executor");
        assertThat(worker.settings().batchSize()).isEqualTo(1);
        assertThat(worker.settings().ackMode()).isEqualTo(AckMode.BEFORE_HANDLER);
        assertThat(worker.settings().maxAge()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSignalOlderThanTheMaxAgeIsSkippedWithReasonStaleNeverExecuted() throws Exception {
        long old = System.currentTimeMillis() - 120_000;
        var last = redis.opsForStream().info(Streams.BUY_SIGNALS);
        assertThat(last.lastGeneratedId()).as("the stream must be fresh for an old id").satisfiesAnyOf(
                id -> assertThat(id).isEqualTo("0-0"),
                id -> assertThat(Long.parseLong(id.split("-")[0])).isLessThan(old));
        MapRecord<String, String, String> entry = StreamRecords.newRecord().in(Streams.BUY_SIGNALS)
                .ofMap(Map.of("payload", "{\"candidates\":[{\"code\":\"005930\",\"llm_score\":90,"
                        + "\"current_price\":70000}],\"market_regime\":\"BULL\"}"))
                .withId(RecordId.of(old, 0));
        String id = redis.opsForStream().add(entry).getValue();
        List<MapRecord<String, Object, Object>> dead = List.of();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            dead = redis.opsForStream().range(Streams.BUY_SIGNALS + ":dead",
                    org.springframework.data.domain.Range.unbounded());
            if (dead != null && dead.stream().anyMatch(r -> id.equals(r.getValue().get("original_id")))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.getValue().get("original_id")).isEqualTo(id);
            assertThat(r.getValue().get("reason")).isEqualTo("stale");
        });
        assertThat(redis.keys("lock:buy:005930")).isEmpty(); // never reached the pipeline
    }

    @Test
    void everyEndpointButHealthNeedsTheInternalToken() throws Exception {
        assertThat(post("/process", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/reconcile/adopt", "{\"code\":\"005930\"}", null).statusCode()).isEqualTo(401);
        assertThat(post("/process", "{}", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);

        HttpResponse<String> malformed = post("/process", "{\"message\":{}}", "t0k3n");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("envelope has no message.data");
        assertThat(post("/reconcile/adopt", "{\"code\":\"bad\"}", "t0k3n").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Internal-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
