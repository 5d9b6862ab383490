package com.primejennie.pricemonitor.exits.bench;

import com.primejennie.pricemonitor.exits.ExitsProperties;
import com.primejennie.pricemonitor.exits.MacroStopMultiplier;
import com.primejennie.pricemonitor.exits.engine.DailyBarSource;
import com.primejennie.pricemonitor.exits.engine.ExitEngine;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.Position;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * scripts/bench-exits.sh: ticks for 41 held positions through the exit engine (watermark, indicators, chain); every
 * 500th tick falls through the ATR stop and its SellOrder is XADDed to a real Redis (db 15, own stream name, deleted
 * afterwards). Prints {@code exits: ticks N/s, tick->sell-order p50 X ms p99 Y ms}.
 */
public final class ExitsBench {

    public static void main(String[] args) {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        URI uri = URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
        RedisStandaloneConfiguration conf = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        conf.setDatabase(15);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(conf);
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        String stream = "bench:exits:sell-orders";
        redis.delete(stream);

        ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 12, 11, 0));
        ExitsProperties props = ExitsProperties.defaults();
        PositionBook book = new PositionBook(props.rewatchDelay());
        List<Position> rows = new ArrayList<>();
        String[] codes = new String[41];
        for (int i = 0; i < 41; i++) {
            codes[i] = String.format("%06d", 100_000 + i);
            rows.add(new Position(codes[i], "종목" + i, 1000, new BigDecimal("10000"), new BigDecimal("10000000"),
                    null, null, LocalDateTime.of(2026, 2, 1, 0, 0), LocalDateTime.of(2026, 2, 1, 0, 0)));
        }
        book.refresh(rows, clock.instant());
        List<DailyPrice> bars = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long close = 10_000 + (29 - i) * 10L;
            bars.add(new DailyPrice("000000", LocalDate.of(2026, 1, 1).plusDays(i), close, close + 125,
                    close - 125, close, 1000));
        }
        // the production supplier over a neutral macro context (1.0), so its per-tick read is measured too
        MacroStopMultiplier macro = new MacroStopMultiplier(new com.primejennie.shared.macro.MacroContextProvider(
                () -> null, d -> java.util.Optional.empty(), clock, props.macroRefresh()));
        macro.refresh();
        long[] sellStart = new long[1];
        List<Long> sellLatencies = new ArrayList<>();
        ExitEngine engine = new ExitEngine(book, new ExitStateStore(null),
                new DailyBarSource((c, n) -> bars, 30), o -> {
                    redis.opsForStream().add(stream, Map.of("payload", WireJson.mapper().writeValueAsString(o)));
                    sellLatencies.add(System.nanoTime() - sellStart[0]);
                }, clock, c -> ExitThresholds.defaults(), () -> "SIDEWAYS", macro, props, ExitChain.standard());

        SplittableRandom rnd = new SplittableRandom(42);
        int warm = Math.min(200_000, ticks / 5);
        run(engine, book, rows, clock, codes, rnd, warm, sellStart);
        sellLatencies.clear();
        long t0 = System.nanoTime();
        run(engine, book, rows, clock, codes, rnd, ticks, sellStart);
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] lat = sellLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = lat.length == 0 ? 0 : lat[lat.length / 2] / 1e6;
        double p99 = lat.length == 0 ? 0 : lat[Math.min(lat.length - 1, (int) (lat.length * 0.99))] / 1e6;
        redis.delete(stream);
        factory.destroy();
        System.out.printf("exits: ticks %d/s, tick->sell-order p50 %.3f ms p99 %.3f ms (%d sells)%n",
                Math.round(ticks / secs), p50, p99, lat.length);
        System.out.flush();
        System.exit(0);
    }

    private static void run(ExitEngine engine, PositionBook book, List<Position> rows, ManualMarketClock clock,
                            String[] codes, SplittableRandom rnd, int ticks, long[] sellStart) {
        for (int i = 0; i < ticks; i++) {
            String code = codes[i % codes.length];
            boolean fall = i % 500 == 499;
            double price = fall ? 9_400 : 10_000 + rnd.nextInt(-150, 151);
            sellStart[0] = System.nanoTime();
            if (engine.onTick(code, price, clock.instant()).isPresent()) {
                clock.advance(Duration.ofSeconds(61));
                book.refresh(rows, clock.instant());
            }
        }
    }

    private ExitsBench() {
    }

}
