package com.primejennie.commandhandler.diagnose;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.Reconciliation;

/**
 * The self-diagnosis of {@code /diagnose} and {@code GET /api/diagnose}: Redis (ping time), the database, the shared
 * KIS token, every service's {@code /actuator/health} over HTTP (no Docker socket, unlike the Python bot), the trading
 * streams (length, per-group pending and lag, dead letters), open halts and reconciliation mismatches. Each part
 * reports its own failure; the report is always produced.
 */
public class Diagnosis {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The streams whose backlog matters to trading. */
    static final List<String> STREAMS = List.of(Streams.BUY_SIGNALS, Streams.SELL_ORDERS, Streams.JOBS_SCOUT,
            Streams.NEWS_RAW);

    private final StringRedisTemplate redis;
    private final DataSource dataSource;
    private final KisComponents kis;
    private final OrderSafetyView safety;
    private final Map<String, URI> services;
    private final MarketClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param kis null when KIS is disabled in this app */
    public Diagnosis(StringRedisTemplate redis, DataSource dataSource, KisComponents kis, OrderSafetyView safety,
                     Map<String, URI> services, MarketClock clock) {
        this.redis = redis;
        this.dataSource = dataSource;
        this.kis = kis;
        this.safety = safety;
        this.services = new LinkedHashMap<>(services);
        this.clock = clock;
    }

    /** The Korean text report. */
    public String report() {
        StringBuilder sb = new StringBuilder("🩺 *시스템 진단* (" + clock.now().format(TIME) + " KST)\n\n");
        sb.append("*인프라*\n").append(redisLine()).append('\n').append(databaseLine()).append('\n')
                .append(kisLine()).append("\n\n");
        sb.append("*서비스 상태*\n");
        healths().forEach((name, status) -> sb.append(status).append('\n'));
        sb.append("\n*스트림*\n");
        for (String stream : STREAMS) {
            sb.append(streamLine(stream)).append('\n');
        }
        sb.append("\n*주문 안전*\n").append(haltsLine()).append('\n').append(reconciliationLine());
        return sb.toString();
    }

    String redisLine() {
        try {
            long start = System.nanoTime();
            redis.execute((RedisCallback<String>) c -> c.ping());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return "✅ Redis: 정상 (" + ms + " ms)";
        } catch (RuntimeException e) {
            return "❌ Redis: 연결 실패 - " + e.getMessage();
        }
    }

    String databaseLine() {
        try {
            JdbcClient.create(dataSource).sql("SELECT 1").query(Integer.class).single();
            return "✅ DB: 정상";
        } catch (RuntimeException e) {
            return "❌ DB: 연결 실패 - " + e.getMessage();
        }
    }

    String kisLine() {
        if (kis == null) {
            return "➖ KIS: 이 서비스에서 비활성";
        }
        try {
            String key = kis.tokens().tokenKey();
            Long ttl = redis.getExpire(key, TimeUnit.SECONDS);
            if (ttl == null || ttl == -2) {
                return "⚠️ KIS 토큰: 없음 (다음 KIS 호출 때 발급) - " + kis.mode();
            }
            return "✅ KIS 토큰: 있음 (" + kis.mode() + (ttl > 0 ? ", " + ttl / 3600 + "시간 남음" : "") + ")";
        } catch (RuntimeException e) {
            return "❌ KIS 토큰: 확인 실패 - " + e.getMessage();
        }
    }

    /** name → line, each {@code GET <url>/actuator/health} in parallel with a 3 s limit. */
    Map<String, String> healths() {
        Map<String, CompletableFuture<String>> calls = new LinkedHashMap<>();
        services.forEach((name, url) -> {
            String base = url.toString().endsWith("/") ? url.toString() : url + "/";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            calls.put(name, http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> healthLine(name, r.statusCode(), r.body()))
                    .exceptionally(e -> "❌ " + name + ": 응답 없음 (" + rootMessage(e) + ")"));
        });
        Map<String, String> lines = new LinkedHashMap<>();
        calls.forEach((name, future) -> {
            try {
                lines.put(name, future.get(5, TimeUnit.SECONDS));
            } catch (Exception e) {
                lines.put(name, "❌ " + name + ": 응답 없음 (" + rootMessage(e) + ")");
            }
        });
        return lines;
    }

    static String healthLine(String name, int status, String body) {
        String state;
        try {
            state = WireJson.mapper().readTree(body).path("status").asString("UNKNOWN");
        } catch (RuntimeException e) {
            state = "HTTP " + status;
        }
        return ("UP".equals(state) ? "✅ " : "❌ ") + name + ": " + state;
    }

    String streamLine(String stream) {
        try {
            Long length = redis.opsForStream().size(stream);
            Long dead = redis.opsForStream().size(Streams.deadLetter(stream));
            List<String> groups = new ArrayList<>();
            if (length != null && length > 0) {
                for (StreamInfo.XInfoGroup g : redis.opsForStream().groups(stream)) {
                    Object lag = g.getRaw().get("lag");
                    groups.add(g.groupName() + " 대기 " + g.pendingCount() + (lag == null ? "" : ", 지연 " + lag));
                }
            }
            boolean bad = dead != null && dead > 0;
            return (bad ? "⚠️ " : "• ") + stream + ": " + (length == null ? 0 : length) + "건"
                    + (groups.isEmpty() ? "" : " [" + String.join("; ", groups) + "]")
                    + (bad ? ", 데드레터 " + dead + "건" : "");
        } catch (RuntimeException e) {
            return "❌ " + stream + ": 확인 실패 - " + e.getMessage();
        }
    }

    String haltsLine() {
        try {
            List<Halt> halts = safety.halts();
            return halts.isEmpty() ? "✅ 매수 중단: 없음"
                    : "⛔ 매수 중단: " + halts.size() + "개 (" + String.join(", ", halts.stream().map(Halt::code)
                    .toList()) + ") - /halts";
        } catch (RuntimeException e) {
            return "❌ 매수 중단: 확인 실패 - " + e.getMessage();
        }
    }

    String reconciliationLine() {
        try {
            Reconciliation r = safety.reconciliation().orElse(null);
            if (r == null) {
                return "➖ 잔고 대사: 결과 없음";
            }
            String at = r.checkedAt() == null ? "" : " (" + r.checkedAt().atZone(MarketClock.KST).format(TIME) + ")";
            return r.clean() ? "✅ 잔고 대사: 일치" + at
                    : "⚠️ 잔고 대사: 불일치 " + r.mismatches().size() + "건" + at + " - /sync";
        } catch (RuntimeException e) {
            return "❌ 잔고 대사: 확인 실패 - " + e.getMessage();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
