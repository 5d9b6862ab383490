package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.primejennie.shared.testing.RealServices;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Redis (this JVM's leased logical db) for the messaging tests: a raw Lettuce connection that plays the Python
 * client, a {@link StreamConnections} for the code under test, fast settings, and workers stopped after each test.
 */
abstract class StreamTestSupport {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    protected final JsonMapper mapper = JsonPayloadCodec.defaultMapper();
    protected MessagingMetrics metrics;
    protected StreamConnections connections;
    protected RedisClient rawClient;
    protected StatefulRedisConnection<String, String> rawConnection;
    protected RedisCommands<String, String> raw;
    private final List<TradingSignalWorker<?>> workers = new ArrayList<>();

    @BeforeEach
    void connectToRealRedis() {
        RealServices.flushRedis();
        metrics = MessagingMetrics.inMemory();
        connections = StreamConnections.of(RealServices.redis().url(), Duration.ofSeconds(2));
        rawClient = RedisClient.create(RealServices.redis().uri());
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    @AfterEach
    void stopWorkersAndDisconnect() {
        workers.forEach(TradingSignalWorker::stop);
        workers.clear();
        connections.close();
        rawConnection.close();
        rawClient.shutdown();
    }

    /** Stops the workers started so far (each returns within its stop timeout); the connections stay. */
    void stopWorkersOnly() {
        workers.forEach(TradingSignalWorker::stop);
    }

    /** Settings of {@code stream} made fast for tests: short blocks, backoffs and housekeeping. */
    static StreamSettings fast(String stream) {
        return fast(StreamSettings.builtIn(stream));
    }

    static StreamSettings fast(StreamSettings s) {
        return new StreamSettings(s.maxLen(), s.deadLetterMaxLen(), s.startId(), s.maxAge(), s.batchSize(),
                Duration.ofMillis(100), s.ackMode(), Duration.ofSeconds(60), Duration.ofMillis(100),
                Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofSeconds(5));
    }

    TradingSignalPublisher<Object> publisher(String stream) {
        return new TradingSignalPublisher<>(connections, stream, new JsonPayloadCodec<>(mapper, Object.class),
                StreamSettings.builtIn(stream), metrics);
    }

    <T> TradingSignalWorker<T> worker(String stream, String group, String consumer, StreamCodec<T> codec,
                                      StreamHandler<T> handler, StreamSettings settings) {
        TradingSignalWorker<T> worker = new TradingSignalWorker<>(connections, stream, group, consumer, codec,
                handler, settings, mapper, metrics);
        workers.add(worker);
        return worker;
    }

    TradingSignalWorker<JsonNode> jsonWorker(String stream, String group, String consumer,
                                             StreamHandler<JsonNode> handler, StreamSettings settings) {
        return worker(stream, group, consumer, JsonPayloadCodec.tree(mapper), handler, settings);
    }

    /** Waits until {@code condition} holds, failing after the deadline (never a fixed sleep). */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    long pending(String stream, String group) {
        return raw.xpending(stream, group).getCount();
    }

    double counter(String name, String... tags) {
        var c = metrics.registry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** A BuySignal exactly as buy-scanner writes it (spec/buy-path.md §1.3), with a sequence number added. */
    static String buySignalJson(int n) {
        return BUY_SIGNAL.replace("\"source\":\"buy_scanner_websocket\",", "\"source\":\"buy_scanner_websocket\",\"seq\":" + n + ",");
    }

    static final String BUY_SIGNAL = "{\"candidates\":[{\"code\":\"005930\",\"name\":\"삼성전자\",\"stock_code\":\"005930\","
            + "\"stock_name\":\"삼성전자\",\"buy_signal_type\":\"MOMENTUM\",\"key_metrics_dict\":{\"signal\":\"MOMENTUM\","
            + "\"reason\":\"Momentum=1.8% >= 1.5%\",\"source\":\"realtime_websocket\"},\"current_price\":71200.0,"
            + "\"llm_score\":72.5,\"is_tradable\":true,\"trade_tier\":null,\"is_super_prime\":false,"
            + "\"factor_score\":500.0,\"risk_setting\":{\"position_size_ratio\":1.0,\"stop_loss_multiplier\":1.0,"
            + "\"risk_off_level\":0,\"vix_regime\":\"normal\",\"stop_loss_pct\":-0.05,\"macro_source\":\"daily_insight\"}}],"
            + "\"market_regime\":\"BULL\",\"scan_timestamp\":\"2026-02-11T01:23:00.412345+00:00\","
            + "\"source\":\"buy_scanner_websocket\",\"risk_setting\":{\"position_size_ratio\":1.0,"
            + "\"stop_loss_multiplier\":1.0,\"risk_off_level\":0,\"vix_regime\":\"normal\",\"stop_loss_pct\":-0.05,"
            + "\"macro_source\":\"daily_insight\"}}";
}
