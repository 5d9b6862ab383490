package com.primejennie.buyscanner.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.shared.macro.TradingContext;
import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.settings.SettingsRegistry;

/**
 * Builds one {@link EvaluationContext} for the table-driven gate and strategy tests: a stock, a regime, bars, a
 * price and a KST time on a trading day (Wed 2026-02-11), with settings given as env values (no database).
 */
public final class Scenario {

    public static final LocalDate DAY = LocalDate.of(2026, 2, 11);

    private final Map<String, String> env = new HashMap<>();
    private String code = "005930";
    private String regime = "SIDEWAYS";
    private Double llm = 70.0;
    private Double hybrid;
    private String tier;
    private List<HotWatchlist.StrategyRef> strategies = List.of();
    private List<Bar> bars = Bars.flat(30, 10_000, 1_000);
    private Double tick;
    private double vwap;
    private double volumeRatio = 1.0;
    private LocalTime time = LocalTime.of(10, 30);
    private TradingContext macro;
    private EntryInfo entry;
    private List<Double> flows = List.of();
    private ScannerProperties.Thresholds thresholds = ScannerProperties.defaults().thresholds();

    public static Scenario of() {
        return new Scenario();
    }

    public Scenario code(String c) {
        code = c;
        return this;
    }

    public Scenario regime(String r) {
        regime = r;
        return this;
    }

    public Scenario llm(Double v) {
        llm = v;
        return this;
    }

    public Scenario hybrid(Double v) {
        hybrid = v;
        return this;
    }

    public Scenario tier(String t) {
        tier = t;
        return this;
    }

    public Scenario strategies(List<HotWatchlist.StrategyRef> s) {
        strategies = s;
        return this;
    }

    public Scenario bars(List<Bar> b) {
        bars = b;
        return this;
    }

    public Scenario tick(double price) {
        tick = price;
        return this;
    }

    public Scenario vwap(double v) {
        vwap = v;
        return this;
    }

    public Scenario volumeRatio(double r) {
        volumeRatio = r;
        return this;
    }

    public Scenario at(String hhmmss) {
        time = LocalTime.parse(hhmmss);
        return this;
    }

    public Scenario macro(TradingContext m) {
        macro = m;
        return this;
    }

    public Scenario entry(EntryInfo e) {
        entry = e;
        return this;
    }

    public Scenario flows(List<Double> f) {
        flows = f;
        return this;
    }

    public Scenario set(String key, Object value) {
        env.put(key, String.valueOf(value));
        return this;
    }

    public ZonedDateTime now() {
        return DAY.atTime(time).atZone(MarketClock.KST);
    }

    public RuntimeSettings settings() {
        return settings(env);
    }

    public static RuntimeSettings settings(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        return new RuntimeSettings(new SettingsRegistry(SettingKeys.all()), key -> Optional.empty(), copy::get,
                new ManualMarketClock(Instant.parse("2026-02-11T01:00:00Z")), Duration.ofSeconds(300));
    }

    public HotWatchlist.Stock stock() {
        return new HotWatchlist.Stock(code, "삼성전자", llm, 1, true, strategies, null, tier, hybrid);
    }

    public EvaluationContext context() {
        double price = tick != null ? tick : bars.isEmpty() ? 10_000 : bars.get(bars.size() - 1).close();
        return new EvaluationContext(code, stock(), regime, price, bars, vwap, volumeRatio, now(), macro, entry,
                flows, settings(), thresholds);
    }

    /** Bar sequences built from the spec's conditions. Bars are 1-minute, ending at 10:29 on {@link #DAY}. */
    public static final class Bars {

        private Bars() {
        }

        public static Bar bar(double open, double high, double low, double close, long volume) {
            return new Bar(LocalDateTime.MIN, open, high, low, close, volume, 1);
        }

        /** Gives the bars consecutive minute starts ending at 10:29. */
        public static List<Bar> timed(List<Bar> bars) {
            List<Bar> out = new ArrayList<>();
            LocalDateTime start = DAY.atTime(10, 29).minusMinutes(bars.size() - 1);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                out.add(new Bar(start.plusMinutes(i), b.open(), b.high(), b.low(), b.close(), b.volume(),
                        b.tickCount()));
            }
            return out;
        }

        public static List<Bar> flat(int n, double price, long volume) {
            List<Bar> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(bar(price, price, price, price, volume));
            }
            return timed(out);
        }

        /** Bars whose closes are {@code closes}; each opens at the previous close, no wicks. */
        public static List<Bar> closes(long volume, double... closes) {
            List<Bar> out = new ArrayList<>();
            double prev = closes[0];
            for (double c : closes) {
                out.add(bar(prev, Math.max(prev, c), Math.min(prev, c), c, volume));
                prev = c;
            }
            return timed(out);
        }

        /** {@code n} closes from {@code start}, +{@code up} then −{@code down} alternately (first move up). */
        public static List<Bar> zigzag(int n, double start, double up, double down, long volume) {
            double[] closes = new double[n];
            closes[0] = start;
            for (int i = 1; i < n; i++) {
                closes[i] = closes[i - 1] + (i % 2 == 1 ? up : -down);
            }
            return closes(volume, closes);
        }

        /** Appends bars. */
        public static List<Bar> concat(List<Bar> a, List<Bar> b) {
            List<Bar> all = new ArrayList<>(a);
            all.addAll(b);
            return timed(all);
        }
    }
}
