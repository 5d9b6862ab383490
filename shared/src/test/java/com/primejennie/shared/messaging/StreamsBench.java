package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the messaging layer against the local Redis, run by {@code scripts/bench-streams.sh}. It leases a
 * Redis logical db (1-15) the way the test harness does, uses stream names of its own and deletes them at the end,
 * so production streams (db 0) and parallel test runs are never touched.
 * <ol>
 * <li>publish: sequential publishes from one thread, each waiting for its id, of a realistic BuySignal;</li>
 * <li>end-to-end: one thread publishes in pipelined batches of 100 while one worker with the buy-signal defaults
 * (one entry per read; {@code BENCH_BATCH=n} for batches of n) handles them;</li>
 * <li>drain: a backlog (20 000 messages, 100 000 with {@code BENCH_BATCH}) through one worker (buy-signal defaults,
 * no max age), trivial handler.</li>
 * </ol>
 * Prints {@code streams: publish <n> msg/s, end-to-end <n> msg/s, drain <n> msg/s} last.
 */
public final class StreamsBench {

    private static final String LEASE_PREFIX = "jennie:test:lease:db:";

    private StreamsBench() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        String base = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        int publishCount = intArg(args, 0, 10_000);
        // The money streams read one entry per XREADGROUP: a smaller default that fits the 60 s wait at batch 1.
        boolean batched = System.getenv("BENCH_BATCH") != null && Integer.parseInt(System.getenv("BENCH_BATCH")) > 1;
        int e2eCount = intArg(args, 1, batched ? 100_000 : 20_000);
        int drainCount = intArg(args, 2, batched ? 100_000 : 20_000);
        RedisURI control = RedisURI.create(base);
        control.setDatabase(0);
        String owner = "bench-" + ProcessHandle.current().pid();
        try (RedisClient controlClient = RedisClient.create(control);
             StatefulRedisConnection<String, String> controlConnection = controlClient.connect()) {
            int db = lease(controlConnection, owner);
            try {
                RedisURI uri = RedisURI.create(base);
                uri.setDatabase(db);
                run(uri, publishCount, e2eCount, drainCount);
            } finally {
                if (owner.equals(controlConnection.sync().get(LEASE_PREFIX + db))) {
                    controlConnection.sync().del(LEASE_PREFIX + db);
                }
            }
        }
    }

    private static void run(RedisURI uri, int publishCount, int e2eCount, int drainCount) throws Exception {
        String prefix = "bench:" + UUID.randomUUID() + ":";
        String publishStream = prefix + "publish";
        String e2eStream = prefix + "e2e";
        String drainStream = prefix + "drain";
        JsonMapper mapper = JsonPayloadCodec.defaultMapper();
        MessagingMetrics metrics = MessagingMetrics.inMemory();
        StreamSettings buyDefaults = StreamSettings.builtIn(Streams.BUY_SIGNALS);
        if (System.getenv("BENCH_BATCH") != null) {
            buyDefaults = buyDefaults.with(StreamOverrides.NONE.withBatchSize(Integer.parseInt(System.getenv("BENCH_BATCH"))));
        }
        StreamSettings unbounded = buyDefaults.with(StreamOverrides.NONE.withMaxLen(0L));
        String payload = StreamTestSupport.BUY_SIGNAL;
        System.out.printf(Locale.ROOT, "bench: Redis db %d, BuySignal payload %d bytes, worker batch %d, ack %s%n",
                uri.getDatabase(), payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                buyDefaults.batchSize(), buyDefaults.ackMode());
        try (StreamConnections connections = new StreamConnections(uri, Duration.ofSeconds(5));
             RedisClient rawClient = RedisClient.create(uri);
             StatefulRedisConnection<String, String> raw = rawClient.connect()) {
            try {
                // 1. publish, sequential and synchronous.
                TradingSignalPublisher<Object> publisher = new TradingSignalPublisher<>(connections, publishStream,
                        new JsonPayloadCodec<>(mapper, Object.class), buyDefaults, metrics);
                for (int i = 0; i < 2_000; i++) {
                    publisher.publish(payload); // warm-up
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < publishCount; i++) {
                    publisher.publish(payload);
                }
                double publishRate = rate(publishCount, t0);
                System.out.printf(Locale.ROOT, "publish: %d sequential publishes, %.0f msg/s%n", publishCount,
                        publishRate);

                // 2. end-to-end through one worker with the buy-signal defaults (ACK before handler, max age on).
                endToEnd(connections, mapper, metrics, e2eStream + ":warm", buyDefaults, unbounded, payload,
                        Math.min(20_000, e2eCount));
                double e2eRate = endToEnd(connections, mapper, metrics, e2eStream, buyDefaults, unbounded, payload,
                        e2eCount);
                System.out.printf(Locale.ROOT, "end-to-end: %d messages publish (batches of 100) -> handler, one worker, %.0f msg/s%n",
                        e2eCount, e2eRate);

                // 3. drain a backlog.
                TradingSignalPublisher<Object> filler = new TradingSignalPublisher<>(connections, drainStream,
                        new JsonPayloadCodec<>(mapper, Object.class), unbounded, metrics);
                long tf = System.nanoTime();
                fill(filler, payload, drainCount);
                System.out.printf(Locale.ROOT, "backlog: %d published in batches of 100 by one thread, %.0f msg/s%n",
                        drainCount, rate(drainCount, tf));
                AtomicLong drained = new AtomicLong();
                StreamSettings drainSettings = buyDefaults
                        .with(StreamOverrides.NONE.withStartId("0").withMaxLen(0L).withMaxAge(Duration.ZERO));
                TradingSignalWorker<JsonNode> drainer = new TradingSignalWorker<>(connections, drainStream,
                        "bench-group", "bench-drain", JsonPayloadCodec.tree(mapper), m -> drained.incrementAndGet(),
                        drainSettings, mapper, metrics);
                long t2 = System.nanoTime();
                drainer.start();
                waitFor(drained, drainCount);
                double drainRate = rate(drainCount, t2);
                drainer.stop();
                System.out.printf(Locale.ROOT, "drain: %d-message backlog, one worker (batch %d), %.0f msg/s%n",
                        drainCount, drainSettings.batchSize(), drainRate);

                // Reference, measured now on the same (shared, loaded) machine: the Python worker's algorithm.
                double baseline = pythonStyleEndToEnd(uri, prefix + "python", payload, pythonCount());
                System.out.printf(Locale.ROOT, "baseline: Python algorithm (XADD each; XREADGROUP COUNT 1 + XACK +"
                        + " json per message) end-to-end %.0f msg/s; ours is %.1fx%n", baseline, e2eRate / baseline);

                System.out.printf(Locale.ROOT, "streams: publish %.0f msg/s, end-to-end %.0f msg/s, drain %.0f msg/s%n",
                        publishRate, e2eRate, drainRate);
            } finally {
                List<String> keys = raw.sync().keys(prefix + "*");
                if (!keys.isEmpty()) {
                    raw.sync().del(keys.toArray(String[]::new));
                }
            }
        }
    }

    private static int pythonCount() {
        return Integer.parseInt(System.getenv().getOrDefault("BENCH_BASELINE_COUNT", "5000"));
    }

    /** What trading_signals.py does, message by message, on plain connections: the yardstick for the ratio. */
    private static double pythonStyleEndToEnd(RedisURI uri, String stream, String payload, int count)
            throws Exception {
        JsonMapper mapper = JsonPayloadCodec.defaultMapper();
        try (RedisClient client = RedisClient.create(uri);
             StatefulRedisConnection<String, String> producer = client.connect();
             StatefulRedisConnection<String, String> consumer = client.connect()) {
            consumer.sync().xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(stream, "$"), "g",
                    io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
            AtomicLong handled = new AtomicLong();
            Thread worker = new Thread(() -> {
                var args = io.lettuce.core.XReadArgs.Builder.count(1).block(1000);
                var offset = io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(stream);
                var self = io.lettuce.core.Consumer.from("g", "python-like");
                while (handled.get() < count) {
                    for (var m : consumer.sync().xreadgroup(self, args, offset)) {
                        consumer.sync().xack(stream, "g", m.getId());
                        mapper.readTree(m.getBody().get("payload"));
                        handled.incrementAndGet();
                    }
                }
            });
            worker.start();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.sync().xadd(stream, java.util.Map.of("payload", payload));
            }
            waitFor(handled, count);
            worker.join();
            return rate(count, t0);
        }
    }

    private static double endToEnd(StreamConnections connections, JsonMapper mapper, MessagingMetrics metrics,
                                   String stream, StreamSettings workerSettings, StreamSettings publishSettings,
                                   String payload, int count) throws Exception {
        AtomicLong handled = new AtomicLong();
        TradingSignalWorker<JsonNode> worker = new TradingSignalWorker<>(connections, stream, "bench-group",
                "bench-e2e", JsonPayloadCodec.tree(mapper), m -> handled.incrementAndGet(), workerSettings, mapper,
                metrics);
        worker.start();
        TradingSignalPublisher<Object> publisher = new TradingSignalPublisher<>(connections, stream,
                new JsonPayloadCodec<>(mapper, Object.class), publishSettings, metrics);
        long t0 = System.nanoTime();
        fill(publisher, payload, count);
        waitFor(handled, count);
        double rate = rate(count, t0);
        worker.stop();
        return rate;
    }

    /** Publishes {@code count} messages from one thread in pipelined batches of 100, each waiting for its ids. */
    private static void fill(TradingSignalPublisher<Object> publisher, String payload, int count) {
        List<Object> batch = java.util.Collections.nCopies(100, payload);
        int sent = 0;
        while (sent < count) {
            int n = Math.min(100, count - sent);
            publisher.publishBatch(n == 100 ? batch : batch.subList(0, n));
            sent += n;
        }
    }

    private static void waitFor(AtomicLong counter, long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + counter.get() + " of " + target + " handled in 60 s");
            }
            Thread.sleep(1);
        }
    }

    private static double rate(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static int lease(StatefulRedisConnection<String, String> control, String owner) {
        for (int db = 15; db >= 1; db--) {
            if ("OK".equals(control.sync().set(LEASE_PREFIX + db, owner, SetArgs.Builder.nx().ex(600)))) {
                return db;
            }
        }
        throw new IllegalStateException("every Redis test db 1-15 is leased; try again later");
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
