package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.models.stream.PendingMessage;
import tools.jackson.databind.JsonNode;

/**
 * The worker's delivery guarantees fixed by issue 11: the claim race judged from the read, atomic removal of gone
 * consumers, {@link Error}s in handlers, one entry per read on the money streams, bounded retries after the handler.
 */
class WorkerDeliveryGuaranteesTest extends StreamTestSupport {

    private static final String SELL = Streams.SELL_ORDERS;
    private static final String GROUP = Streams.GROUP_SELL_EXECUTOR;

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    // ------------------------------------------------------------------------------------- 1. the claim race

    @Test
    @DisplayName("[DEFECT] delivery time stamped at ACK, not at XREADGROUP: an ACK lost after the claim idle time "
            + "dead-letters the entry instead of handling it a second time")
    void aLostAckAfterTheClaimIdleSinceTheReadDeadLettersTheEntryInsteadOfHandlingItTwice() {
        Duration claimIdle = Duration.ofSeconds(3);
        StreamSettings settings = fast(SELL).with(StreamOverrides.NONE.withClaimIdle(claimIdle));
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "sell-executor-host",
                m -> handled.add(m.id()), settings);
        AtomicInteger calls = new AtomicInteger();
        // The entry was read; before its XACK went out it sat idle past the claim idle time, another sell-executor
        // claimed it, handled it and acknowledged it, and then this worker's connection broke during the XACK.
        worker.beforeAck(ids -> {
            if (calls.getAndIncrement() > 0) {
                return;
            }
            String id = ids.get(0);
            await("the entry is idle past the claim idle time", () -> idleMillis(id) >= claimIdle.toMillis());
            assertThat(raw.xclaim(SELL, Consumer.from(GROUP, "sell-executor-other"),
                    XClaimArgs.Builder.minIdleTime(claimIdle.toMillis()), id)).hasSize(1);
            raw.xack(SELL, GROUP, id);
            killClient(worker.clientName());
        });
        worker.start();
        String id = raw.xadd(SELL, Map.of("payload", buySignalJson(1)));

        await("settled one way or the other", () -> handled.contains(id) || raw.xlen(Streams.deadLetter(SELL)) > 0);
        await("reconnected", () -> worker.state() == WorkerState.RUNNING);

        assertThat(handled).doesNotContain(id);
        StreamMessage<String, String> dead = raw.xrange(Streams.deadLetter(SELL), Range.create("-", "+")).get(0);
        assertThat(dead.getBody()).containsEntry("original_id", id).containsEntry("reason", "ack-outcome-unknown");
    }

    @Test
    void aLostAckReplyWithinTheClaimIdleTimeStillHandlesTheEntryExactlyOnce() {
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "sell-executor-host",
                m -> handled.add(m.id()), fast(SELL));
        AtomicInteger calls = new AtomicInteger();
        // This worker's XACK reached Redis, its reply did not: the entry is ours and nobody else may have it.
        worker.beforeAck(ids -> {
            if (calls.getAndIncrement() == 0) {
                raw.xack(SELL, GROUP, ids.get(0));
                killClient(worker.clientName());
            }
        });
        worker.start();
        String id = raw.xadd(SELL, Map.of("payload", buySignalJson(1)));
        String next = raw.xadd(SELL, Map.of("payload", buySignalJson(2)));

        await("both handled", () -> handled.contains(id) && handled.contains(next));
        assertThat(handled).containsExactly(id, next);
        assertThat(raw.exists(Streams.deadLetter(SELL))).isZero();
    }

    // ------------------------------------------------------------------------------ 2. removing gone consumers

    @Test
    @DisplayName("[DEFECT] gone-consumer removal checked and deleted in two steps: a consumer that returns during "
            + "cleanup keeps its pending entries")
    void aConsumerThatReturnsDuringCleanupKeepsItsPendingEntries() {
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        raw.xgroupCreateconsumer(SELL, Consumer.from(GROUP, "sell-executor-111"));
        StreamSettings quickCleanup = fast(SELL).with(StreamOverrides.NONE
                .withConsumerGoneAfter(Duration.ofMillis(50)));
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "sell-executor-host",
                m -> handled.add(m.id()), quickCleanup);
        String[] returned = new String[1];
        CountDownLatch staged = new CountDownLatch(1);
        // Between the worker's check (idle, owns nothing) and its delete, sell-executor-111 comes back and reads.
        worker.beforeConsumerRemoval(names -> {
            if (names.contains("sell-executor-111") && staged.getCount() > 0) {
                returned[0] = raw.xadd(SELL, Map.of("payload", buySignalJson(1)));
                assertThat(raw.xreadgroup(Consumer.from(GROUP, "sell-executor-111"), XReadArgs.Builder.count(1),
                        StreamOffset.lastConsumed(SELL))).hasSize(1);
                staged.countDown();
            }
        });

        worker.start();

        await("the return was staged", () -> staged.getCount() == 0);
        String second = publisher(SELL).publish(buySignalJson(2));
        await("housekeeping ran again", () -> handled.contains(second));
        List<PendingMessage> pending = raw.xpending(SELL, GROUP, Range.create("-", "+"), Limit.from(10));
        assertThat(pending).extracting(PendingMessage::getId).containsExactly(returned[0]);
        assertThat(pending.get(0).getConsumer()).isEqualTo("sell-executor-111");
        assertThat(handled).doesNotContain(returned[0]);
    }

    // --------------------------------------------------------------------------------- 3. Errors in handlers

    @Test
    @DisplayName("[DEFECT] only Exception was caught: a handler throwing an Error is dead-lettered and the loop lives")
    void aHandlerThrowingAnErrorIsDeadLetteredAndTheWorkerKeepsHandlingTheNextMessages() {
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "sell-executor-host", m -> {
            switch (m.payload().path("seq").asInt()) {
                case 1 -> throw new AssertionError("invariant broken");
                case 2 -> throw new StackOverflowError("deep");
                case 3 -> throw new NoSuchMethodError("a jar mismatch");
                default -> handled.add(m.id());
            }
        }, fast(SELL));
        worker.start();
        TradingSignalPublisher<Object> publisher = publisher(SELL);
        String assertion = publisher.publish(buySignalJson(1));
        String overflow = publisher.publish(buySignalJson(2));
        String linkage = publisher.publish(buySignalJson(3));
        String next = publisher.publish(buySignalJson(4));

        await("the next message is handled or the worker died",
                () -> handled.contains(next) || worker.state() == WorkerState.STOPPED);

        assertThat(handled).containsExactly(next);
        assertThat(worker.state()).isEqualTo(WorkerState.RUNNING);
        List<StreamMessage<String, String>> dead = raw.xrange(Streams.deadLetter(SELL), Range.create("-", "+"));
        assertThat(dead).extracting(d -> d.getBody().get("original_id"))
                .containsExactly(assertion, overflow, linkage);
        assertThat(dead).allSatisfy(d -> assertThat(d.getBody()).containsEntry("reason", "handler-failed"));
        assertThat(dead.get(0).getBody().get("error")).contains("AssertionError", "invariant broken");
        assertThat(dead.get(1).getBody().get("error")).contains("StackOverflowError");
        assertThat(dead.get(2).getBody().get("error")).contains("NoSuchMethodError");
        assertThat(pending(SELL, GROUP)).isZero();
    }

    // ------------------------------------------------------------------------ 4. one entry per read, money streams

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stream:buy-signals, group_buy_executor", "stream:sell-orders, group_sell_executor"})
    @DisplayName("[DEFECT] money streams read 100 entries per XREADGROUP: no signal waits pending behind a slow order")
    void theMoneyStreamsReadOneEntryAtATimeSoNothingWaitsPendingBehindASlowHandler(String stream, String group)
            throws Exception {
        raw.xgroupCreate(StreamOffset.from(stream, "$"), group, XGroupCreateArgs.Builder.mkstream());
        for (int i = 0; i < 3; i++) {
            raw.xadd(stream, Map.of("payload", buySignalJson(i)));
        }
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        jsonWorker(stream, group, "executor-host", m -> {
            inHandler.countDown();
            release.await();
            handled.add(m.id());
        }, fast(stream)).start();

        assertThat(inHandler.await(20, TimeUnit.SECONDS)).isTrue();
        // The first order is acknowledged and in hand; the other two were not read: none is pending behind it.
        long pendingWhileSlow = pending(stream, group);
        release.countDown();
        await("all three handled", () -> handled.size() == 3);

        assertThat(pendingWhileSlow).isZero();
        assertThat(StreamSettings.builtIn(stream).batchSize()).isEqualTo(1);
    }

    @Test
    void atOneEntryPerReadAHousekeepingPassStillClaimsEveryOrphanOfACrashedConsumerNotJustTen() {
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        List<String> orphans = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            orphans.add(raw.xadd(SELL, Map.of("payload", buySignalJson(i))));
        }
        raw.xreadgroup(Consumer.from(GROUP, "sell-executor-4242"), XReadArgs.Builder.count(15),
                StreamOffset.lastConsumed(SELL));
        await("the orphans are idle past the claim idle time", () -> idleMillis(orphans.get(14)) >= 200);
        // One housekeeping pass at the start, the next an hour later.
        StreamSettings onePass = fast(SELL).with(new StreamOverrides(null, null, null, null, null, null, null,
                Duration.ofMillis(200), Duration.ofHours(1), null, null, null, null, null));

        jsonWorker(SELL, GROUP, "sell-executor-host", m -> handled.add(m.id()), onePass).start();

        await("every orphan is handled", () -> handled.size() == 15);
        assertThat(handled).containsExactlyElementsOf(orphans);
    }

    // ------------------------------------------------------------------------ 5. bounded retries after handler

    @Test
    @DisplayName("[DEFECT] AFTER_HANDLER dead-lettered at the first failure: it retries max-attempts times with "
            + "backoff, then dead-letters with the attempt count")
    void afterHandlerRetriesAFailingEntryUpToMaxAttemptsThenDeadLettersItWithTheAttemptCount() {
        jsonWorker(SELL, GROUP, "archiver-host", failing(Integer.MAX_VALUE), afterHandler(3)).start();
        TradingSignalPublisher<Object> publisher = publisher(SELL);
        String poison = publisher.publish(buySignalJson(1));
        String next = publisher.publish(buySignalJson(2));

        await("the next message is handled", () -> handled.contains(next));

        assertThat(attempts.get(poison)).hasValue(3);
        assertThat(handled).containsExactly(next);
        StreamMessage<String, String> dead = raw.xrange(Streams.deadLetter(SELL), Range.create("-", "+")).get(0);
        assertThat(dead.getBody()).containsEntry("original_id", poison).containsEntry("reason", "handler-failed");
        assertThat(dead.getBody().get("error")).contains("attempt 3 of 3", "archive down");
        assertThat(pending(SELL, GROUP)).isZero();
    }

    @Test
    void afterHandlerHandlesAnEntryThatSucceedsOnALaterAttemptWithoutDeadLetteringIt() {
        jsonWorker(SELL, GROUP, "archiver-host", failing(2), afterHandler(3)).start();

        String flaky = publisher(SELL).publish(buySignalJson(1));

        await("handled on the third attempt", () -> handled.contains(flaky) && pending(SELL, GROUP) == 0);
        assertThat(attempts.get(flaky)).hasValue(3);
        assertThat(raw.exists(Streams.deadLetter(SELL))).isZero();
    }

    @Test
    @DisplayName("[DEFECT] retries counted only in memory: attempts made before a crash count (Redis delivery count)")
    void aFailedEntryLeftPendingByACrashGetsOnlyItsRemainingAttemptsAfterTheRestart() {
        raw.xgroupCreate(StreamOffset.from(SELL, "$"), GROUP, XGroupCreateArgs.Builder.mkstream());
        String twice = raw.xadd(SELL, Map.of("payload", buySignalJson(1)));
        String crashLoop = raw.xadd(SELL, Map.of("payload", buySignalJson(2)));
        Consumer<String> previousRun = Consumer.from(GROUP, "archiver-host");
        raw.xreadgroup(previousRun, XReadArgs.Builder.count(2), StreamOffset.lastConsumed(SELL));
        // The previous run tried `twice` two times and `crashLoop` three times (it crashed the process each time).
        raw.xclaim(SELL, previousRun, XClaimArgs.Builder.minIdleTime(0), twice);
        raw.xclaim(SELL, previousRun, XClaimArgs.Builder.minIdleTime(0), crashLoop);
        raw.xclaim(SELL, previousRun, XClaimArgs.Builder.minIdleTime(0), crashLoop);
        String fresh = raw.xadd(SELL, Map.of("payload", buySignalJson(3)));

        jsonWorker(SELL, GROUP, "archiver-host", m -> {
            attempts.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
            if (!m.id().equals(fresh)) {
                throw new IllegalStateException("archive down");
            }
            handled.add(m.id());
        }, afterHandler(3)).start();

        await("the fresh entry is handled", () -> handled.contains(fresh) && pending(SELL, GROUP) == 0);
        assertThat(attempts.get(twice)).hasValue(1);
        assertThat(attempts).doesNotContainKey(crashLoop);
        List<StreamMessage<String, String>> dead = raw.xrange(Streams.deadLetter(SELL), Range.create("-", "+"));
        assertThat(dead).extracting(d -> d.getBody().get("original_id")).containsExactly(twice, crashLoop);
        assertThat(dead.get(0).getBody().get("error")).contains("attempt 3 of 3", "archive down");
        assertThat(dead.get(1).getBody()).containsEntry("reason", "handler-failed");
        assertThat(dead.get(1).getBody().get("error")).contains("delivered 4 times", "max attempts 3");
    }

    @Test
    void aStopDuringTheRetryBackoffLeavesTheEntryPendingForTheNextStart() {
        StreamSettings slowRetry = afterHandler(3).with(StreamOverrides.NONE.withRetryBackoff(Duration.ofSeconds(30)));
        TradingSignalWorker<JsonNode> worker = jsonWorker(SELL, GROUP, "archiver-host", failing(Integer.MAX_VALUE),
                slowRetry);
        worker.start();
        String id = publisher(SELL).publish(buySignalJson(1));
        await("the first attempt failed", () -> attempts.containsKey(id));

        worker.stop();

        assertThat(worker.state()).isEqualTo(WorkerState.STOPPED);
        assertThat(pending(SELL, GROUP)).isEqualTo(1);
        assertThat(raw.exists(Streams.deadLetter(SELL))).isZero();
    }

    @Test
    void beforeHandlerModeIgnoresMaxAttemptsAndTriesAFailingEntryOnce() {
        StreamSettings ackFirst = fast(SELL).with(StreamOverrides.NONE.withMaxAttempts(5)
                .withRetryBackoff(Duration.ofMillis(10)));
        jsonWorker(SELL, GROUP, "sell-executor-host", failing(Integer.MAX_VALUE), ackFirst).start();

        String id = publisher(SELL).publish(buySignalJson(1));

        await("dead-lettered", () -> raw.xlen(Streams.deadLetter(SELL)) == 1);
        assertThat(attempts.get(id)).hasValue(1);
        assertThat(raw.xrange(Streams.deadLetter(SELL), Range.create("-", "+")).get(0).getBody())
                .containsEntry("reason", "handler-failed");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A handler failing the first {@code failures} attempts of every message except those with seq 2. */
    private StreamHandler<JsonNode> failing(int failures) {
        return m -> {
            int attempt = attempts.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
            if (m.payload().path("seq").asInt() != 2 && attempt <= failures) {
                throw new IllegalStateException("archive down");
            }
            handled.add(m.id());
        };
    }

    private static StreamSettings afterHandler(int maxAttempts) {
        return fast(SELL).with(StreamOverrides.NONE.withAckMode(AckMode.AFTER_HANDLER).withMaxAttempts(maxAttempts)
                .withRetryBackoff(Duration.ofMillis(20)));
    }

    private long idleMillis(String id) {
        List<PendingMessage> p = raw.xpending(SELL, GROUP, Range.create(id, id), Limit.from(1));
        return p.isEmpty() ? -1 : p.get(0).getMsSinceLastDelivery();
    }

    /** CLIENT KILL of the worker's own connection only (found by its client name). */
    private void killClient(String clientName) {
        for (String line : raw.clientList().split("\n")) {
            if (line.contains(" name=" + clientName + " ")) {
                String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                raw.clientKill(io.lettuce.core.KillArgs.Builder.id(Long.parseLong(id)));
                return;
            }
        }
        throw new AssertionError("no client named " + clientName + " in CLIENT LIST");
    }
}
