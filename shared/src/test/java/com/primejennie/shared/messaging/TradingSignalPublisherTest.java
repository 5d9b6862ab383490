package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.testing.DisposableRedis;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;

class TradingSignalPublisherTest extends StreamTestSupport {

    record Signal(String stock_code, String stock_name, double current_price) {
    }

    @Test
    void publishWritesOnePayloadFieldOfUnescapedKoreanJsonAndReturnsTheEntryId() {
        String id = publisher(Streams.BUY_SIGNALS).publish(new Signal("005930", "삼성전자", 71200.0));

        List<StreamMessage<String, String>> entries = raw.xrange(Streams.BUY_SIGNALS, Range.create("-", "+"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getId()).isEqualTo(id);
        assertThat(entries.get(0).getBody()).containsOnlyKeys("payload");
        assertThat(entries.get(0).getBody().get("payload"))
                .isEqualTo("{\"stock_code\":\"005930\",\"stock_name\":\"삼성전자\",\"current_price\":71200.0}");
        assertThat(counter("jennie.messaging.published", "stream", Streams.BUY_SIGNALS)).isEqualTo(1);
    }

    @Test
    void publishKeepsAPreSerialisedJsonObjectStringAsItIs() {
        publisher(Streams.SELL_ORDERS).publish(buySignalJson(1));

        assertThat(raw.xrange(Streams.SELL_ORDERS, Range.create("-", "+")).get(0).getBody().get("payload"))
                .isEqualTo(buySignalJson(1));
    }

    @Test
    void publishRejectsAStringThatIsNotAJsonObjectAndWritesNothing() {
        TradingSignalPublisher<Object> publisher = publisher(Streams.BUY_SIGNALS);

        assertThatThrownBy(() -> publisher.publish("not json {")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> publisher.publish("[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one JSON object");
        assertThat(raw.exists(Streams.BUY_SIGNALS)).isZero();
        assertThat(counter("jennie.messaging.publish.failures", "stream", Streams.BUY_SIGNALS)).isEqualTo(2);
    }

    @Test
    void publishTrimsTheStreamApproximatelyToItsMaxLen() {
        StreamSettings small = StreamSettings.builtIn(Streams.BUY_SIGNALS)
                .with(StreamOverrides.NONE.withMaxLen(100L));
        TradingSignalPublisher<Object> publisher = new TradingSignalPublisher<>(connections, Streams.BUY_SIGNALS,
                new JsonPayloadCodec<>(mapper, Object.class), small, metrics);

        for (int i = 0; i < 1000; i++) {
            publisher.publish(buySignalJson(i));
        }

        // MAXLEN ~ trims whole nodes: the length stays near 100, far below the 1000 written.
        assertThat(raw.xlen(Streams.BUY_SIGNALS)).isBetween(100L, 300L);
    }

    @Test
    void tradingStreamsAreTrimmedByDefaultBecauseThePythonStreamsGrewWithoutBound() {
        // [DEFECT] spec/buy-path.md §1.2: "There is no MAXLEN, so the stream grows without bound."
        assertThat(StreamSettings.builtIn(Streams.BUY_SIGNALS).maxLen()).isEqualTo(10_000);
        assertThat(StreamSettings.builtIn(Streams.SELL_ORDERS).maxLen()).isEqualTo(100_000);
        assertThat(StreamSettings.builtIn(Streams.JOBS_SCOUT).maxLen()).isEqualTo(1_000);
        assertThat(StreamSettings.builtIn(Streams.KIS_PRICES).maxLen()).isEqualTo(10_000);
        assertThat(StreamSettings.builtIn(Streams.NEWS_RAW).maxLen()).isEqualTo(100_000);
    }

    @Test
    void publishAsyncReturnsTheIdsInPublishOrder() {
        TradingSignalPublisher<Object> publisher = publisher(Streams.BUY_SIGNALS);
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(publisher.publishAsync(buySignalJson(i)));
        }

        List<String> ids = futures.stream().map(CompletableFuture::join).toList();

        assertThat(raw.xrange(Streams.BUY_SIGNALS, Range.create("-", "+")).stream().map(StreamMessage::getId))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void publishBatchWritesAllInOrderInOneGoAndEncodesEverythingBeforeSendingAnything() {
        TradingSignalPublisher<Object> publisher = publisher(Streams.BUY_SIGNALS);

        List<String> ids = publisher.publishBatch(List.of(buySignalJson(1), buySignalJson(2), buySignalJson(3)));

        assertThat(raw.xrange(Streams.BUY_SIGNALS, Range.create("-", "+")).stream().map(StreamMessage::getId))
                .containsExactlyElementsOf(ids);
        assertThatThrownBy(() -> publisher.publishBatch(List.of(buySignalJson(4), "{broken")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(raw.xlen(Streams.BUY_SIGNALS)).isEqualTo(3);
    }

    @Test
    void fieldMapCodecPublishesPlainTickFieldsAsThePriceFeedDoes() {
        TradingSignalPublisher<PriceTick> publisher = new TradingSignalPublisher<>(connections, Streams.KIS_PRICES,
                FieldMapCodec.kisPrices(), StreamSettings.builtIn(Streams.KIS_PRICES), metrics);

        publisher.publish(new PriceTick("005930", 71200.0, 72000.0, 15L, "091500"));

        assertThat(raw.xrange(Streams.KIS_PRICES, Range.create("-", "+")).get(0).getBody()).isEqualTo(
                Map.of("code", "005930", "price", "71200.0", "high", "72000.0", "vol", "15", "time", "091500"));
    }

    @Test
    void publishFailureReachesTheCallerAndThePublisherRecoversWhenRedisIsBack() {
        try (DisposableRedis redis = DisposableRedis.start();
             StreamConnections own = StreamConnections.of(redis.url(), Duration.ofSeconds(1))) {
            TradingSignalPublisher<Object> publisher = new TradingSignalPublisher<>(own, Streams.BUY_SIGNALS,
                    new JsonPayloadCodec<>(mapper, Object.class), StreamSettings.builtIn(Streams.BUY_SIGNALS),
                    metrics);
            assertThat(publisher.publish(buySignalJson(1))).isNotBlank();

            redis.stop();
            assertThatThrownBy(() -> publisher.publish(buySignalJson(2))).isInstanceOf(PublishException.class);
            // Once the broken connection is gone, a publish that cannot connect certainly wrote nothing.
            assertThatThrownBy(() -> publisher.publish(buySignalJson(3))).isInstanceOfSatisfying(
                    PublishException.class, e -> assertThat(e.maybeWritten()).isFalse());
            assertThat(counter("jennie.messaging.publish.failures", "stream", Streams.BUY_SIGNALS)).isEqualTo(2);

            redis.startAgain();
            assertThat(publisher.publish(buySignalJson(4))).isNotBlank();
        }
    }
}
