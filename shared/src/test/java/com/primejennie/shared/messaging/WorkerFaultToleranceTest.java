package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.testing.DisposableRedis;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import tools.jackson.databind.JsonNode;

class WorkerFaultToleranceTest extends StreamTestSupport {

    private static final String BUY = Streams.BUY_SIGNALS;
    private static final String SELL = Streams.SELL_ORDERS;
    private static final String GROUP = Streams.GROUP_SELL_EXECUTOR;

    private final List<String> handled = new CopyOnWriteArrayList<>();

    @Test
    void reconnectsAfterItsConnectionIsKilledMidLoopWithoutLosingOrDuplicatingUnreadMessages() throws Exception {
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "sell-executor-host",
                m -> handled.add(m.id()), fast(SELL));
        worker.start();
        TradingSignalPublisher<Object> publisher = publisher(SELL);
        List<String> published = new CopyOnWriteArrayList<>();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 2000; i++) {
                published.add(publisher.publish(buySignalJson(i)));
            }
        });
        producer.start();
        await("the worker is mid-stream", () -> handled.size() > 200);

        long killed = killClient(worker.clientName());
        producer.join();

        assertThat(killed).isEqualTo(1);
        await("every message is handled", () -> handled.size() >= 2000);
        assertThat(new HashSet<>(handled)).hasSize(handled.size()); // no duplicates
        assertThat(handled).containsExactlyInAnyOrderElementsOf(published);
        await("connected again", () -> worker.state() == WorkerState.RUNNING);
        assertThat(pending(SELL, GROUP)).isZero();
    }

    @Test
    void aConnectionKilledBetweenReadingAndAcknowledgingLosesAndDuplicatesNothing() {
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "sell-executor-host",
                m -> handled.add(m.id()), fast(SELL));
        AtomicInteger kills = new AtomicInteger();
        // The batch has been read (it is in this consumer's pending list); the connection dies before the XACKs.
        worker.beforeAck(ids -> {
            if (kills.getAndIncrement() == 0) {
                killClient(worker.clientName());
            }
        });
        worker.start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(raw.xadd(SELL, Map.of("payload", buySignalJson(i))));
        }

        await("all five handled after the reconnect", () -> handled.size() >= 5);
        assertThat(handled).containsExactlyElementsOf(ids);
        assertThat(pending(SELL, GROUP)).isZero();
        assertThat(raw.exists(Streams.deadLetter(SELL))).isZero();
    }

    @Test
    void pendingAndLagAreReportedAsGauges() {
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        for (int i = 0; i < 3; i++) {
            raw.xadd(SELL, Map.of("payload", buySignalJson(i)));
        }
        raw.xreadgroup(Consumer.from(GROUP, "sell-executor-4242"), XReadArgs.Builder.count(2),
                StreamOffset.lastConsumed(SELL));
        // Two entries sit with a crashed consumer (claim idle is 60 s, so they stay there).
        jsonWorker(SELL, GROUP, "sell-executor-host", m -> handled.add(m.id()), fast(SELL)).start();

        await("gauges updated", () -> gauge("jennie.messaging.pending") == 2);
        // The worker reads the undelivered third entry itself, so lag ends at 0 and handled counts 1.
        await("lag reported", () -> gauge("jennie.messaging.lag") == 0 && handled.size() == 1);
        assertThat(counter("jennie.messaging.handled", "stream", SELL, "group", GROUP)).isEqualTo(1);
    }

    @Test
    void entriesOfAConsumerThatCrashedAfterReadingAreClaimedAndHandledByAnotherWorker() {
        // [DEFECT] spec/control-and-intelligence.md §4: other consumers' pending entries were never claimed.
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(raw.xadd(SELL, Map.of("payload", buySignalJson(i))));
        }
        // A Python sell-executor read them (XREADGROUP >) and died before acknowledging.
        raw.xreadgroup(Consumer.from(GROUP, "sell-executor-4242"), XReadArgs.Builder.count(10),
                StreamOffset.lastConsumed(SELL));
        assertThat(pending(SELL, GROUP)).isEqualTo(3);
        StreamSettings quickClaim = fast(SELL).with(StreamOverrides.NONE)
                .with(new StreamOverrides(null, null, null, null, null, null, null, Duration.ofMillis(200), null,
                        null, null, null, null, null));

        jsonWorker(SELL, GROUP, "sell-executor-host", m -> handled.add(m.id()), quickClaim).start();

        await("the orphans are handled", () -> handled.containsAll(ids));
        assertThat(handled).containsExactlyElementsOf(ids);
        assertThat(pending(SELL, GROUP)).isZero();
        assertThat(counter("jennie.messaging.claimed", "stream", SELL)).isEqualTo(3);
    }

    @Test
    void aRestartWithTheSameNameRecoversItsOwnPendingEntriesFirst() {
        // The previous run of this consumer read two messages and died before acknowledging them.
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        String first = raw.xadd(SELL, Map.of("payload", buySignalJson(1)));
        String second = raw.xadd(SELL, Map.of("payload", buySignalJson(2)));
        raw.xreadgroup(Consumer.from(GROUP, "sell-executor-host"), XReadArgs.Builder.count(10),
                StreamOffset.lastConsumed(SELL));
        String third = raw.xadd(SELL, Map.of("payload", buySignalJson(3)));

        // Claiming would wait 60 s; recovery of its own entries needs no wait.
        jsonWorker(SELL, GROUP, "sell-executor-host", m -> handled.add(m.id()), fast(SELL)).start();

        await("all three are handled", () -> handled.size() == 3);
        assertThat(handled).containsExactly(first, second, third);
        assertThat(pending(SELL, GROUP)).isZero();
    }

    @Test
    void twoWorkersInOneGroupShareTheLoadAndHandleEachMessageExactlyOnce() {
        Map<String, Integer> times = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        // A short claim idle time makes the workers also race for each other's entries.
        StreamSettings racing = fast(SELL).with(new StreamOverrides(null, null, null, null, null, null, null,
                Duration.ofMillis(5), Duration.ofMillis(10), null, null, null, null, null));
        Set<String> byA = ConcurrentHashMap.newKeySet();
        Set<String> byB = ConcurrentHashMap.newKeySet();
        jsonWorker(SELL, GROUP, "a", m -> {
            times.merge(m.id(), 1, Integer::sum);
            byA.add(m.id());
            total.incrementAndGet();
        }, racing).start();
        jsonWorker(SELL, GROUP, "b", m -> {
            times.merge(m.id(), 1, Integer::sum);
            byB.add(m.id());
            total.incrementAndGet();
        }, racing).start();

        TradingSignalPublisher<Object> publisher = publisher(SELL);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ids.add(publisher.publish(buySignalJson(i)));
        }

        await("all handled", () -> times.size() == 3000 && pending(SELL, GROUP) == 0);
        assertThat(total).hasValue(3000);
        assertThat(times.values()).allMatch(n -> n == 1);
        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(byA).doesNotContainAnyElementsOf(byB);
    }

    @Test
    void consumersThatAreGoneAndOwnNothingAreRemovedButOwnersAreKept() {
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        raw.xgroupCreateconsumer(SELL, Consumer.from(GROUP, "sell-executor-111"));
        raw.xadd(SELL, Map.of("payload", buySignalJson(1)));
        raw.xreadgroup(Consumer.from(GROUP, "sell-executor-222"), XReadArgs.Builder.count(1),
                StreamOffset.lastConsumed(SELL));
        StreamSettings quickCleanup = fast(SELL).with(new StreamOverrides(null, null, null, null, null, null, null,
                null, null, Duration.ofMillis(50), null, null, null, null));

        jsonWorker(SELL, GROUP, "sell-executor-host", m -> handled.add(m.id()), quickCleanup).start();

        await("the empty gone consumer is removed", () -> !consumerNames().contains("sell-executor-111"));
        // The one that still owns an entry stays until its entry is claimed (claim idle 60 s here).
        assertThat(consumerNames()).contains("sell-executor-222", "sell-executor-host");
    }

    @Test
    void healthIsDownWhileReconnectingLongerThanTheThresholdAndTheWorkerResumesWhenRedisIsBack() {
        try (DisposableRedis redis = DisposableRedis.start();
             StreamConnections own = StreamConnections.of(redis.url(), Duration.ofMillis(500))) {
            StreamMessaging messaging = new StreamMessaging(own, MessagingProperties.defaultsOnly(), mapper,
                    metrics, new ConsumerNames("sell-executor-host"));
            StreamWorkersHealthIndicator health = new StreamWorkersHealthIndicator(messaging);
            TradingSignalWorker<JsonNode> worker = messaging.worker(SELL, GROUP, "sell-executor-host",
                    JsonPayloadCodec.tree(mapper), m -> handled.add(m.id()), fast(SELL));
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN"); // not started
            worker.start();
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

            redis.stop();
            await("reconnecting", () -> worker.state() == WorkerState.RECONNECTING);
            await("health DOWN after the threshold", () -> "DOWN".equals(health.health().getStatus().getCode()));
            assertThat(health.health().getDetails().toString()).contains("RECONNECTING", "lastError");

            redis.startAgain();
            await("running again", () -> worker.state() == WorkerState.RUNNING);
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            TradingSignalPublisher<Object> publisher = messaging.publisher(SELL);
            String id = publisher.publish(buySignalJson(1));
            await("a message after the outage is handled", () -> handled.contains(id));

            worker.stop();
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        }
    }

    @Test
    void reconnectBackoffIsBaseTimesAttemptUpToTheMaximum() {
        StreamSettings defaults = StreamSettings.builtIn(SELL);
        assertThat(defaults.reconnectDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.reconnectDelay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.reconnectDelay(12)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.reconnectDelay(100)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aWorkerWhoseRedisIsDownAtStartKeepsTryingAndStopsPromptly() {
        try (DisposableRedis redis = DisposableRedis.start();
             StreamConnections own = StreamConnections.of(redis.url(), Duration.ofMillis(300))) {
            redis.stop();
            TradingSignalWorker<JsonNode> worker = new TradingSignalWorker<>(own, BUY, Streams.GROUP_BUY_EXECUTOR,
                    "a", JsonPayloadCodec.tree(mapper), m -> handled.add(m.id()), fast(BUY), mapper, metrics);
            worker.start();
            await("reconnecting", () -> worker.state() == WorkerState.RECONNECTING);

            worker.stop();

            assertThat(worker.state()).isEqualTo(WorkerState.STOPPED);
        }
    }

    private double gauge(String name) {
        var g = metrics.registry().find(name).tags("stream", SELL, "group", GROUP).gauge();
        return g == null ? -99 : g.value();
    }

    private Set<String> consumerNames() {
        Set<String> names = new HashSet<>();
        for (Object info : raw.xinfoConsumers(SELL, GROUP)) {
            List<?> kv = (List<?>) info;
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                if ("name".equals(String.valueOf(kv.get(i)))) {
                    names.add(String.valueOf(kv.get(i + 1)));
                }
            }
        }
        return names;
    }

    /** CLIENT KILL of the worker's own connection only (found by its client name). */
    private long killClient(String clientName) {
        for (String line : raw.clientList().split("\n")) {
            if (line.contains(" name=" + clientName + " ")) {
                String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                return raw.clientKill(io.lettuce.core.KillArgs.Builder.id(Long.parseLong(id)));
            }
        }
        throw new AssertionError("no client named " + clientName + " in CLIENT LIST");
    }
}
