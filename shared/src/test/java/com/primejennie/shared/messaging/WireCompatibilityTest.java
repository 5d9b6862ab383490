package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import tools.jackson.databind.JsonNode;

/**
 * The Python suite keeps running beside the Java one during a migration. These tests speak to Redis exactly as
 * redis-py does in {@code shared/messaging/trading_signals.py}: {@code xadd(stream, {"payload": json.dumps(p,
 * ensure_ascii=False)})} and {@code xreadgroup(group, consumer, {stream: ">"}, count=1, block=1000)} followed by
 * {@code json.loads(fields["payload"])}, with raw bytes so no client-side decoding hides a difference.
 */
class WireCompatibilityTest extends StreamTestSupport {

    private final List<ReceivedMessage<JsonNode>> received = new CopyOnWriteArrayList<>();

    @Test
    void theJavaWorkerConsumesWhatThePythonPublisherWrites() {
        jsonWorker(Streams.BUY_SIGNALS, Streams.GROUP_BUY_EXECUTOR, "buy-executor-host", received::add,
                fast(Streams.BUY_SIGNALS)).start();
        byte[] pythonPayload = BUY_SIGNAL.getBytes(StandardCharsets.UTF_8); // json.dumps(..., ensure_ascii=False)

        String id;
        try (StatefulRedisConnection<byte[], byte[]> bytes = rawClient.connect(ByteArrayCodec.INSTANCE)) {
            id = bytes.sync().xadd(bytes(Streams.BUY_SIGNALS), Map.of(bytes("payload"), pythonPayload));
        }

        await("handled", () -> received.size() == 1);
        ReceivedMessage<JsonNode> message = received.get(0);
        assertThat(message.id()).isEqualTo(id);
        assertThat(message.payload().path("candidates").get(0).path("stock_name").asString()).isEqualTo("삼성전자");
        assertThat(message.payload().path("candidates").get(0).path("current_price").asDouble()).isEqualTo(71200.0);
        assertThat(message.payload().path("source").asString()).isEqualTo("buy_scanner_websocket");
    }

    @Test
    void aPythonWorkerReadsWhatTheJavaPublisherWrites() {
        // The Python worker's group already exists (created at 0 with MKSTREAM, as it does at startup).
        raw.xgroupCreate(StreamOffset.from(Streams.SELL_ORDERS, "0"), Streams.GROUP_SELL_EXECUTOR,
                XGroupCreateArgs.Builder.mkstream());
        Map<String, Object> sellOrder = Map.of("stock_code", "005930", "stock_name", "삼성전자", "quantity", 10,
                "sell_reason", "손절");
        String id = publisher(Streams.SELL_ORDERS).publish(sellOrder);

        try (StatefulRedisConnection<byte[], byte[]> bytes = rawClient.connect(ByteArrayCodec.INSTANCE)) {
            List<StreamMessage<byte[], byte[]>> read = bytes.sync().xreadgroup(
                    Consumer.from(bytes(Streams.GROUP_SELL_EXECUTOR), bytes("sell-executor-4242")),
                    XReadArgs.Builder.count(1).block(1000), StreamOffset.lastConsumed(bytes(Streams.SELL_ORDERS)));
            assertThat(read).hasSize(1);
            assertThat(read.get(0).getId()).isEqualTo(id);
            Map<byte[], byte[]> fields = read.get(0).getBody();
            assertThat(fields).hasSize(1);
            byte[] key = fields.keySet().iterator().next();
            assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("payload");
            String json = new String(fields.get(key), StandardCharsets.UTF_8);
            assertThat(json).contains("\"stock_name\":\"삼성전자\"", "\"sell_reason\":\"손절\"").doesNotContain("\\u");
            JsonNode parsed = mapper.readTree(json); // json.loads
            assertThat(parsed.path("quantity").asInt()).isEqualTo(10);
            assertThat(parsed.path("stock_code").asString()).isEqualTo("005930");
        }
        // And XRANGE (the dashboard, inject scripts) sees the same single field.
        assertThat(raw.xrange(Streams.SELL_ORDERS, Range.create("-", "+")).get(0).getBody())
                .containsOnlyKeys("payload");
    }

    @Test
    void theFieldMapCodecReadsTicksAsThePythonGatewayWritesThem() {
        List<PriceTick> ticks = new CopyOnWriteArrayList<>();
        worker(Streams.KIS_PRICES, "buy-scanner-group", "buy-scanner-host", FieldMapCodec.kisPrices(),
                m -> ticks.add(m.payload()), fast(Streams.KIS_PRICES)).start();

        // XADD kis:prices MAXLEN ~10000 * code 005930 price "71200.0" high "1.25" (gateway: str(float))
        raw.xadd(Streams.KIS_PRICES, new io.lettuce.core.XAddArgs().maxlen(10_000).approximateTrimming(),
                Map.of("code", "005930", "price", "71200.0", "high", "1.25"));

        await("tick handled", () -> ticks.size() == 1);
        assertThat(ticks.get(0)).isEqualTo(new PriceTick("005930", 71200.0, 1.25, null, null));
    }

    @Test
    void theFieldMapCodecReadsNewsAsTheCollectorWritesIt() {
        List<NewsItem> news = new CopyOnWriteArrayList<>();
        worker(Streams.NEWS_RAW, "group_archiver", "news-archiver-host", FieldMapCodec.newsRaw(),
                m -> news.add(m.payload()), fast(Streams.NEWS_RAW)).start();
        String metadata = "{\"stock_code\":\"005930\",\"stock_name\":\"삼성전자\",\"source\":\"Naver Finance\","
                + "\"source_url\":\"https://n.news/1\",\"created_at_utc\":1739240000}";

        raw.xadd(Streams.NEWS_RAW, Map.of("page_content",
                "[삼성전자(005930)] 실적 발표 | 출처: Naver Finance | 날짜: 2026-02-11", "metadata", metadata,
                "published_at", "2026-02-11T01:00:00+00:00"));

        await("news handled", () -> news.size() == 1);
        assertThat(news.get(0).pageContent()).startsWith("[삼성전자(005930)]");
        assertThat(news.get(0).metadataJson()).isEqualTo(metadata);
    }

    @Test
    void aTickWithoutPriceIsUnparseableAndDeadLettered() {
        List<PriceTick> ticks = new CopyOnWriteArrayList<>();
        worker(Streams.KIS_PRICES, "buy-scanner-group", "buy-scanner-host", FieldMapCodec.kisPrices(),
                m -> ticks.add(m.payload()), fast(Streams.KIS_PRICES)).start();

        String bad = raw.xadd(Streams.KIS_PRICES, Map.of("code", "005930", "price", "abc"));
        raw.xadd(Streams.KIS_PRICES, Map.of("code", "000660", "price", "180000.0"));

        await("the good tick is handled", () -> ticks.size() == 1);
        assertThat(ticks.get(0).code()).isEqualTo("000660");
        StreamMessage<String, String> dead = raw.xrange(Streams.deadLetter(Streams.KIS_PRICES),
                Range.create("-", "+")).get(0);
        assertThat(dead.getBody()).containsEntry("original_id", bad).containsEntry("reason", "unparseable");
        assertThat(dead.getBody().get("payload")).contains("\"price\":\"abc\"");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
