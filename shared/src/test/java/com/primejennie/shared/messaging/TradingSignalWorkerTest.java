package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import tools.jackson.databind.JsonNode;

class TradingSignalWorkerTest extends StreamTestSupport {

    private static final String BUY = Streams.BUY_SIGNALS;
    private static final String GROUP = Streams.GROUP_BUY_EXECUTOR;

    private final List<String> handled = new CopyOnWriteArrayList<>();

    private StreamHandler<JsonNode> recording() {
        return m -> handled.add(m.id());
    }

    @Test
    void createsTheGroupWithMkstreamWhenTheStreamIsMissingAndKeepsAnExistingGroup() {
        assertThat(raw.exists(BUY)).isZero();

        jsonWorker(BUY, GROUP, "a", recording(), fast(BUY)).start();
        TradingSignalWorker<JsonNode> second = jsonWorker(BUY, GROUP, "b", recording(), fast(BUY));
        second.start(); // BUSYGROUP is ignored

        assertThat(raw.xinfoGroups(BUY)).hasSize(1);
        assertThat(second.state()).isEqualTo(WorkerState.RUNNING);
    }

    @Test
    void aNewGroupStartsAtDollarAndDoesNotReplayHistoryIntoLiveTrading() {
        // [DEFECT] the Python worker created groups at id 0 and replayed every old buy signal into a new group.
        String old = raw.xadd(BUY, Map.of("payload", buySignalJson(1)));
        jsonWorker(BUY, GROUP, "a", recording(), fast(BUY)).start();

        String fresh = publisher(BUY).publish(buySignalJson(2));

        await("the fresh signal is handled", () -> handled.contains(fresh));
        assertThat(handled).doesNotContain(old).containsExactly(fresh);
    }

    @Test
    void aConfiguredStartIdOfZeroReadsTheHistory() {
        String old = raw.xadd(Streams.JOBS_SCOUT, Map.of("payload", "{\"job_id\":\"scout-daily\"}"));
        StreamSettings fromStart = fast(Streams.JOBS_SCOUT).with(StreamOverrides.NONE.withStartId("0"));

        jsonWorker(Streams.JOBS_SCOUT, Streams.GROUP_SCOUT_WORKER, "a", recording(), fromStart).start();

        await("the old job is handled", () -> handled.contains(old));
    }

    @Test
    void acknowledgesEachMessageBeforeItsHandlerRuns() {
        AtomicBoolean pendingWhileHandling = new AtomicBoolean(true);
        jsonWorker(BUY, GROUP, "a", m -> {
            pendingWhileHandling.set(!raw.xpending(BUY, GROUP, Range.create(m.id(), m.id()), Limit.from(1))
                    .isEmpty());
            handled.add(m.id());
        }, fast(BUY)).start();

        String id = publisher(BUY).publish(buySignalJson(1));

        await("handled", () -> handled.contains(id));
        assertThat(pendingWhileHandling).isFalse();
    }

    @Test
    void afterHandlerModeAcknowledgesOnlyOnceTheHandlerReturned() {
        AtomicBoolean pendingWhileHandling = new AtomicBoolean(false);
        StreamSettings afterHandler = fast(BUY).with(StreamOverrides.NONE.withAckMode(AckMode.AFTER_HANDLER));
        jsonWorker(BUY, GROUP, "a", m -> {
            pendingWhileHandling.set(!raw.xpending(BUY, GROUP, Range.create(m.id(), m.id()), Limit.from(1))
                    .isEmpty());
            handled.add(m.id());
        }, afterHandler).start();

        String id = publisher(BUY).publish(buySignalJson(1));

        await("handled and then acknowledged", () -> handled.contains(id) && pending(BUY, GROUP) == 0);
        assertThat(pendingWhileHandling).isTrue();
    }

    @Test
    void readsInBatchesAndHandlesInStreamOrderWithEveryMessageAcknowledgedBeforeItsHandler() {
        StreamSettings batched = fast(BUY).with(StreamOverrides.NONE.withBatchSize(50));
        AtomicInteger handledWhilePending = new AtomicInteger();
        TradingSignalPublisher<Object> publisher = publisher(BUY);
        List<String> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(publisher.publish(buySignalJson(i)));
        }
        // Group at 0 so the backlog is read in full batches.
        jsonWorker(BUY, GROUP, "a", m -> {
            if (!raw.xpending(BUY, GROUP, Range.create(m.id(), m.id()), Limit.from(1)).isEmpty()) {
                handledWhilePending.incrementAndGet();
            }
            handled.add(m.id());
        }, batched.with(StreamOverrides.NONE.withStartId("0").withMaxAge(Duration.ZERO))).start();

        await("all 300 handled", () -> handled.size() == 300);
        assertThat(handled).containsExactlyElementsOf(ids);
        assertThat(handledWhilePending).hasValue(0);
    }

    @Test
    void entriesWithoutDataAreOnlyAcknowledged() {
        // A consumer read two entries and died; the stream was trimmed meanwhile, so their data is gone.
        jsonWorker(BUY, GROUP, "svc-host", recording(), fast(BUY)).start();
        stopAll();
        String first = raw.xadd(BUY, Map.of("payload", buySignalJson(1)));
        String second = raw.xadd(BUY, Map.of("payload", buySignalJson(2)));
        raw.xreadgroup(Consumer.from(GROUP, "svc-host"), XReadArgs.Builder.count(10),
                StreamOffset.lastConsumed(BUY));
        raw.xdel(BUY, first, second);

        jsonWorker(BUY, GROUP, "svc-host", recording(), fast(BUY)).start();

        await("the dangling entries are acknowledged", () -> pending(BUY, GROUP) == 0);
        assertThat(handled).isEmpty();
        assertThat(counter("jennie.messaging.trimmed", "stream", BUY)).isEqualTo(2);
        assertThat(raw.exists(Streams.deadLetter(BUY))).isZero();
    }

    @Test
    void aStaleBuySignalIsDeadLetteredNotHandledMeasuredFromTheEntryIdAgainstRedisTime() {
        // [DEFECT] the Python executor acted on buy signals of any age (e.g. a backlog after an outage).
        jsonWorker(BUY, GROUP, "a", recording(), fast(BUY)).start();
        long redisNowMs = Long.parseLong(raw.time().get(0)) * 1000;
        // The payload claims to be fresh; only the entry id's time counts.
        String stale = raw.xadd(BUY, new XAddArgs().id((redisNowMs - 120_000) + "-0"),
                Map.of("payload", buySignalJson(1)));
        String fresh = publisher(BUY).publish(buySignalJson(2));

        await("the fresh signal is handled", () -> handled.contains(fresh));
        assertThat(handled).containsExactly(fresh);
        StreamMessage<String, String> dead = raw.xrange(Streams.deadLetter(BUY), Range.create("-", "+")).get(0);
        assertThat(dead.getBody()).containsEntry("original_id", stale).containsEntry("reason", "stale")
                .containsEntry("payload", buySignalJson(1));
        assertThat(dead.getBody().get("error")).contains("exceeds the max age of 60000 ms");
    }

    @Test
    void anOldSellOrderIsStillHandledBecauseAnExitMustNeverBeDropped() {
        String sell = Streams.SELL_ORDERS;
        jsonWorker(sell, Streams.GROUP_SELL_EXECUTOR, "a", recording(), fast(sell)).start();
        long redisNowMs = Long.parseLong(raw.time().get(0)) * 1000;

        String hourOld = raw.xadd(sell, new XAddArgs().id((redisNowMs - 3_600_000) + "-0"),
                Map.of("payload", "{\"stock_code\":\"005930\",\"sell_reason\":\"STOP_LOSS\"}"));

        await("the hour-old exit is handled", () -> handled.contains(hourOld));
    }

    @Test
    void deadLettersAnUnparseablePayloadAndHandlesTheNextMessage() {
        // [DEFECT] ARCHITECTURE.md §4: an unparseable message went into the void (logged and ACKed).
        jsonWorker(BUY, GROUP, "a", recording(), fast(BUY)).start();
        String poison = raw.xadd(BUY, Map.of("payload", "{not json"));
        String noPayload = raw.xadd(BUY, Map.of("something", "else"));
        String next = publisher(BUY).publish(buySignalJson(3));

        await("the next message is handled", () -> handled.contains(next));
        assertThat(handled).containsExactly(next);
        List<StreamMessage<String, String>> dead = raw.xrange(Streams.deadLetter(BUY), Range.create("-", "+"));
        assertThat(dead).extracting(d -> d.getBody().get("original_id")).containsExactly(poison, noPayload);
        assertThat(dead).allSatisfy(d -> assertThat(d.getBody()).containsEntry("reason", "unparseable")
                .containsEntry("group", GROUP).containsEntry("consumer", "a").containsKey("error"));
        assertThat(dead.get(0).getBody()).containsEntry("payload", "{not json");
        assertThat(dead.get(1).getBody().get("payload")).isEqualTo("{\"something\":\"else\"}");
        assertThat(counter("jennie.messaging.dead.lettered", "reason", "unparseable")).isEqualTo(2);
    }

    @Test
    void deadLettersAHandlerFailureAndGoesOnWithTheNextMessage() {
        // [DEFECT] spec/llm-dashboard-infra.md §7: with ACK before handling, a handler failure lost the message silently.
        jsonWorker(BUY, GROUP, "a", m -> {
            if (m.payload().path("seq").asInt() == 1) {
                throw new IllegalStateException("KIS said no");
            }
            handled.add(m.id());
        }, fast(BUY)).start();
        String failing = publisher(BUY).publish(buySignalJson(1));
        String next = publisher(BUY).publish(buySignalJson(2));

        await("the next message is handled", () -> handled.contains(next));
        StreamMessage<String, String> dead = raw.xrange(Streams.deadLetter(BUY), Range.create("-", "+")).get(0);
        assertThat(dead.getBody()).containsEntry("original_id", failing).containsEntry("reason", "handler-failed")
                .containsEntry("payload", buySignalJson(1));
        assertThat(dead.getBody().get("error")).contains("KIS said no");
        assertThat(counter("jennie.messaging.handler.failures", "stream", BUY)).isEqualTo(1);
        assertThat(pending(BUY, GROUP)).isZero();
    }

    @Test
    void theDeadLetterStreamIsTrimmedToo() {
        StreamSettings smallDead = new StreamSettings(10_000, 100, "$", Duration.ZERO, 50, Duration.ofMillis(100),
                AckMode.BEFORE_HANDLER, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(5));
        AtomicInteger failures = new AtomicInteger();
        jsonWorker(BUY, GROUP, "a", m -> {
            failures.incrementAndGet();
            throw new IllegalStateException("always");
        }, smallDead).start();
        for (int i = 0; i < 300; i++) {
            raw.xadd(BUY, Map.of("payload", buySignalJson(i)));
        }

        await("all failed", () -> failures.get() == 300);
        await("all dead-lettered", () -> counter("jennie.messaging.dead.lettered", "reason", "handler-failed")
                == 300);
        assertThat(raw.xlen(Streams.deadLetter(BUY))).isBetween(100L, 299L);
    }

    @Test
    void aMessageIsHandledOnlyByTheWorkerWhoseAckReturnedOne() {
        raw.xgroupCreate(StreamOffset.from(BUY, "0"), GROUP, io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
        String taken = raw.xadd(BUY, Map.of("payload", buySignalJson(1)));
        String ours = raw.xadd(BUY, Map.of("payload", buySignalJson(2)));
        TradingSignalWorker<JsonNode> worker = jsonWorker(BUY, GROUP, "a", recording(), fast(BUY));
        // Stage the race: another worker claimed and acknowledged the first entry after this one read it.
        worker.beforeAck(ids -> {
            if (ids.contains(taken)) {
                raw.xack(BUY, GROUP, taken);
            }
        });

        worker.start();

        await("ours is handled", () -> handled.contains(ours));
        assertThat(handled).containsExactly(ours).doesNotContain(taken);
        assertThat(counter("jennie.messaging.not.owned", "stream", BUY)).isEqualTo(1);
    }

    @Test
    void stopLetsTheAcknowledgedMessageInHandFinishAndReturns() throws Exception {
        java.util.concurrent.CountDownLatch inHandler = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        TradingSignalWorker<JsonNode> worker = jsonWorker(BUY, GROUP, "a", m -> {
            inHandler.countDown();
            release.await();
            finished.set(true);
            handled.add(m.id());
        }, fast(BUY));
        worker.start();
        String id = publisher(BUY).publish(buySignalJson(1));
        assertThat(inHandler.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(worker::stop);
        stopper.start();
        await("stop was requested", () -> worker.state() == WorkerState.STOPPING);
        release.countDown();
        stopper.join(10_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(finished).isTrue();
        assertThat(handled).containsExactly(id);
        assertThat(worker.state()).isEqualTo(WorkerState.STOPPED);
        String afterStop = publisher(BUY).publish(buySignalJson(2));
        assertThat(handled).doesNotContain(afterStop);
    }

    @Test
    void stopDeadLettersAcknowledgedMessagesThatCouldNotBeHandledBeforeTheStopTimeout() throws Exception {
        StreamSettings shortStop = new StreamSettings(10_000, 10_000, "0", Duration.ZERO, 10, Duration.ofMillis(100),
                AckMode.BEFORE_HANDLER, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500));
        java.util.concurrent.CountDownLatch inSlowHandler = new java.util.concurrent.CountDownLatch(1);
        AtomicBoolean stopRequested = new AtomicBoolean();
        for (int i = 0; i < 6; i++) {
            raw.xadd(BUY, Map.of("payload", buySignalJson(i)));
        }
        // Message 0 is fast, so the next five are acknowledged together; message 1 then outlasts the stop budget.
        TradingSignalWorker<JsonNode> worker = jsonWorker(BUY, GROUP, "a", m -> {
            if (m.payload().path("seq").asInt() == 1) {
                inSlowHandler.countDown();
                while (!stopRequested.get()) {
                    Thread.onSpinWait();
                }
                Thread.sleep(600); // a slow broker call outlasting the stop budget (stages the situation)
            }
            handled.add(m.id());
        }, shortStop);
        worker.start();
        assertThat(inSlowHandler.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(worker::stop);
        stopper.start();
        await("stop was requested", () -> worker.state() == WorkerState.STOPPING);
        stopRequested.set(true);
        stopper.join(10_000);
        await("the worker finished", () -> worker.state() == WorkerState.STOPPED);

        assertThat(handled).hasSize(2);
        List<StreamMessage<String, String>> dead = raw.xrange(Streams.deadLetter(BUY), Range.create("-", "+"));
        assertThat(dead).hasSize(4).allSatisfy(d -> assertThat(d.getBody()).containsEntry("reason", "shutdown"));
        assertThat(pending(BUY, GROUP)).isZero();
    }

    @Test
    void aSlowHandlerGetsOneAcknowledgedMessageAtATimeSoAStopLeavesTheRestPendingForTheNextStart()
            throws Exception {
        StreamSettings shortStop = new StreamSettings(10_000, 10_000, "0", Duration.ZERO, 10, Duration.ofMillis(100),
                AckMode.BEFORE_HANDLER, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500));
        java.util.concurrent.CountDownLatch inHandler = new java.util.concurrent.CountDownLatch(1);
        AtomicBoolean stopRequested = new AtomicBoolean();
        for (int i = 0; i < 5; i++) {
            raw.xadd(BUY, Map.of("payload", buySignalJson(i)));
        }
        TradingSignalWorker<JsonNode> worker = jsonWorker(BUY, GROUP, "buy-executor-host", m -> {
            inHandler.countDown();
            while (!stopRequested.get()) {
                Thread.onSpinWait();
            }
            handled.add(m.id());
        }, shortStop);
        worker.start();
        assertThat(inHandler.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(worker::stop);
        stopper.start();
        await("stop was requested", () -> worker.state() == WorkerState.STOPPING);
        stopRequested.set(true);
        stopper.join(10_000);
        await("the worker finished", () -> worker.state() == WorkerState.STOPPED);

        assertThat(handled).hasSize(1);
        assertThat(raw.exists(Streams.deadLetter(BUY))).isZero();
        assertThat(pending(BUY, GROUP)).isEqualTo(4); // read, never acknowledged: nothing lost

        jsonWorker(BUY, GROUP, "buy-executor-host", recording(), shortStop).start();
        await("the restart handles the other four", () -> handled.size() == 5);
        assertThat(pending(BUY, GROUP)).isZero();
    }

    private void stopAll() {
        stopWorkersOnly();
    }
}
