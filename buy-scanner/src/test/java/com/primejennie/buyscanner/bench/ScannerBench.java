package com.primejennie.buyscanner.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.buyscanner.pipeline.SignalObserver;
import com.primejennie.buyscanner.testing.EngineHarness;
import com.primejennie.shared.market.TickSize;
import com.primejennie.shared.messaging.FieldMapCodec;
import com.primejennie.shared.messaging.JsonPayloadCodec;
import com.primejennie.shared.messaging.MessagingMetrics;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.StreamCodec;
import com.primejennie.shared.messaging.StreamOverrides;
import com.primejennie.shared.messaging.StreamSettings;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.messaging.UnparseableMessageException;
import com.primejennie.shared.testing.RealServices;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The scanner's real pipeline (kis:prices worker → lanes → bars → gates → strategies → cooldown → stream:buy-signals,
 * snapshots, history, dashboard event) against the local Redis, run by {@code scripts/bench-scanner.sh}. A generated
 * trading day of 41 codes (seeded random walks with trending stretches, per-trade volume, exchange times
 * 09:00–15:30 on Wed 2026-02-11) is replayed; the market clock follows the tick times as the worker reads them.
 * <ol>
 * <li>throughput: the whole day is written to {@code kis:prices} first, then drained (ticks/s, signals);</li>
 * <li>latency: the first two hours are replayed on a fresh database paced at {@code rate} ticks/s; each signal's
 * latency runs from just before its tick's {@code XADD} to the end of its signal's {@code XADD}.</li>
 * </ol>
 * {@code SIGNAL_COOLDOWN_SECONDS=1} (a replayed day is ~60× real time, so 1 s of cooldown is about the 10 minutes of
 * a live day). Prints {@code scanner: ticks N/s, tick->signal p50 X ms p99 Y ms, signals S}.
 */
public final class ScannerBench {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 11);

    record Tick(String code, long price, long volume, LocalTime time) {
    }

    public static void main(String[] args) throws Exception {
        int codes = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        int ticksPerMinute = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        List<Tick> day = generate(codes, ticksPerMinute, LocalTime.of(15, 30));
        System.out.printf(Locale.ROOT, "bench: %d codes, %d ticks (%d per code-minute), Redis db %d, %d cores, "
                + "lanes %s, load average %.1f%n", codes, day.size(), ticksPerMinute, RealServices.redis().database(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("lanes", ScannerProperties.defaults().lanes() + " (default)"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        RealServices.flushRedis();
        Result flood = run(day, 0, Duration.ofHours(24));
        System.out.printf(Locale.ROOT, "throughput: %d ticks drained in %.2f s = %.0f ticks/s, %d signals%n",
                day.size(), flood.seconds, day.size() / flood.seconds, flood.signals);

        RealServices.flushRedis();
        List<Tick> morning = day.stream().filter(t -> t.time().isBefore(LocalTime.of(11, 0))).toList();
        Result paced = run(morning, rate, Duration.ofSeconds(5));
        long[] lat = paced.latenciesNanos;
        Arrays.sort(lat);
        double p50 = lat.length == 0 ? Double.NaN : lat[(int) Math.floor(0.50 * (lat.length - 1))] / 1e6;
        double p99 = lat.length == 0 ? Double.NaN : lat[(int) Math.floor(0.99 * (lat.length - 1))] / 1e6;
        System.out.printf(Locale.ROOT, "latency: %d ticks paced at %d/s, %d signals, tick->signal p50 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms%n", morning.size(), rate, lat.length, p50, p99,
                lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6);
        RealServices.flushRedis();
        System.out.printf(Locale.ROOT, "scanner: ticks %.0f/s, tick->signal p50 %.2f ms p99 %.2f ms, signals %d%n",
                day.size() / flood.seconds, p50, p99, flood.signals);
        System.exit(0);
    }

    record Result(double seconds, long signals, long[] latenciesNanos) {
    }

    /** Replays {@code ticks}: all written before the worker starts when {@code rate} is 0, else paced. */
    private static Result run(List<Tick> ticks, int rate, Duration maxTickAge) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        SignalObserver observer = (signal, id, origin) -> {
            if (origin != null && origin.fields().get("sent_ns") != null) {
                latencies.add(System.nanoTime() - Long.parseLong(origin.fields().get("sent_ns")));
            }
        };
        Map<String, Object> props = new HashMap<>();
        props.put("jennie.scanner.max-tick-age", maxTickAge.toString());
        if (System.getProperty("lanes") != null) {
            props.put("jennie.scanner.lanes", System.getProperty("lanes"));
        }
        ScannerProperties properties = ScannerProperties.bind(new MapConfigurationPropertySource(props));
        Map<String, String> env = Map.of("SIGNAL_COOLDOWN_SECONDS", "1");
        var uri = RealServices.redis().uri();
        try (EngineHarness h = new EngineHarness(uri, DAY.atTime(9, 0), env, properties, Clock.systemUTC(),
                observer);
             RedisClient client = RedisClient.create(uri);
             StatefulRedisConnection<String, String> producer = client.connect()) {
            h.watch("SIDEWAYS", ticks.stream().map(Tick::code).distinct().toList());
            AtomicLong handled = new AtomicLong();
            StreamCodec<PriceTick> inner = FieldMapCodec.kisPrices();
            StreamCodec<PriceTick> replayClock = new StreamCodec<>() {
                @Override
                public Map<String, String> encode(PriceTick value) {
                    return inner.encode(value);
                }

                @Override
                public PriceTick decode(Map<String, String> fields) throws UnparseableMessageException {
                    PriceTick tick = inner.decode(fields);
                    String t = tick.time();
                    h.clock.setKst(DAY.atTime(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)),
                            Integer.parseInt(t.substring(4, 6))));
                    return tick;
                }
            };
            StreamSettings settings = StreamSettings.builtIn(Streams.KIS_PRICES).with(StreamOverrides.NONE
                    .withStartId("0").withMaxAge(Duration.ZERO).withMaxLen(0L));
            TradingSignalWorker<PriceTick> worker = new TradingSignalWorker<>(h.connections, Streams.KIS_PRICES,
                    "buy-scanner-group", "bench", replayClock, m -> {
                        h.engine.onTick(m);
                        handled.incrementAndGet();
                    }, settings, JsonPayloadCodec.defaultMapper(), MessagingMetrics.inMemory());
            RedisAsyncCommands<String, String> async = producer.async();
            long start;
            if (rate == 0) {
                publish(producer, async, ticks, 0, ticks.size());
                start = System.nanoTime();
                worker.start();
            } else {
                worker.start();
                start = System.nanoTime();
                int batch = Math.max(1, rate / 100);
                long interval = TimeUnit.SECONDS.toNanos(1) * batch / rate;
                long next = System.nanoTime();
                for (int i = 0; i < ticks.size(); i += batch) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    publish(producer, async, ticks, i, Math.min(ticks.size(), i + batch));
                    next += interval;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (handled.get() < ticks.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            h.engine.lanes().drain(Duration.ofMinutes(2));
            double seconds = (System.nanoTime() - start) / 1e9;
            worker.stop();
            long signals = h.engine.stats().signals();
            return new Result(seconds, signals, latencies.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private static void publish(StatefulRedisConnection<String, String> connection,
                                RedisAsyncCommands<String, String> async, List<Tick> ticks, int from, int to) {
        for (int start = from; start < to; start += 1000) {
            int end = Math.min(to, start + 1000);
            List<RedisFuture<String>> futures = new ArrayList<>(end - start);
            connection.setAutoFlushCommands(false);
            long sent = System.nanoTime();
            for (int i = start; i < end; i++) {
                Tick t = ticks.get(i);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("code", t.code());
                fields.put("price", String.valueOf((double) t.price()));
                fields.put("high", String.valueOf((double) t.price()));
                fields.put("vol", String.valueOf(t.volume()));
                fields.put("time", String.format("%02d%02d%02d", t.time().getHour(), t.time().getMinute(),
                        t.time().getSecond()));
                fields.put("sent_ns", String.valueOf(sent));
                futures.add(async.xadd(Streams.KIS_PRICES, fields));
            }
            connection.flushCommands();
            connection.setAutoFlushCommands(true);
            LettuceFutures.awaitAll(Duration.ofSeconds(30), futures.toArray(new RedisFuture[0]));
        }
    }

    /** Seeded random walks, tick-aligned, with trending half hours, in exchange-time order across codes. */
    static List<Tick> generate(int codes, int ticksPerMinute, LocalTime until) {
        Random random = new Random(20260211L);
        double[] price = new double[codes];
        double[] drift = new double[codes];
        String[] code = new String[codes];
        for (int c = 0; c < codes; c++) {
            code[c] = String.format("%06d", 100_000 + c * 1_373);
            price[c] = 5_000 + random.nextInt(195_000);
        }
        List<Tick> out = new ArrayList<>();
        int step = 60 / ticksPerMinute;
        for (LocalTime t = LocalTime.of(9, 0); t.isBefore(until); ) {
            if (t.getMinute() % 30 == 0 && t.getSecond() == 0) {
                for (int c = 0; c < codes; c++) {
                    double r = random.nextDouble();
                    drift[c] = r < 0.3 ? 0.0004 : r < 0.5 ? -0.0003 : 0.0;
                }
            }
            for (int c = 0; c < codes; c++) {
                price[c] = price[c] * (1 + drift[c] / ticksPerMinute * 2 + random.nextGaussian() * 0.0012);
                long p = Math.max(100, TickSize.roundDown((long) price[c]));
                out.add(new Tick(code[c], p, 1 + random.nextInt(400), t));
            }
            t = t.plusSeconds(Math.max(1, step));
        }
        return out;
    }
}
