package com.primejennie.buyexecutor.consume;

import com.primejennie.buyexecutor.sizing.AtrCalculator;
import com.primejennie.shared.domain.BuyCandidate;
import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.RiskSetting;
import com.primejennie.shared.domain.SectorBudget;
import com.primejennie.shared.domain.StrategyPreset;
import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.orders.OpenExposure;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.OrderTicket;
import com.primejennie.shared.orders.OrderType;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingsRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline on fakes of its ports (flags, portfolio, locks, market) and an in-memory order service. */
abstract class PipelineFixture {

    final ManualMarketClock clock = ManualMarketClock.atKst(LocalDateTime.of(2026, 2, 11, 10, 23));
    final Map<String, String> db = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    final FakeOrderService orders = new FakeOrderService();
    final List<Position> holdings = new ArrayList<>();
    final Set<String> boughtRecently = new HashSet<>();
    final Set<String> soldRecently = new HashSet<>();
    final Set<String> locked = new HashSet<>();
    final List<String> telegram = new ArrayList<>();
    final Map<String, List<AtrCalculator.Bar>> daily = new HashMap<>();
    final Map<String, StockMasterEntry> masters = new HashMap<>();
    boolean stop;
    boolean pause;
    boolean flagsFail;
    boolean lockFails;
    boolean telegramFails;
    int tradelogBuysToday;
    long cash = 10_000_000;
    Optional<SectorBudget> budget = Optional.empty();
    BuyPipeline pipeline;
    /** The settings cache lifetime; 0 = every read goes to {@link #db}. Call {@link #setUp()} again after changing. */
    Duration settingsCacheTtl = Duration.ZERO;

    @BeforeEach
    void setUp() {
        env.put("USE_INTRADAY_ATR", "false");
        env.put("MOMENTUM_LIMIT_ORDER_ENABLED", "true");
        RuntimeSettings settings = new RuntimeSettings(SettingsRegistry.standard(),
                k -> Optional.ofNullable(db.get(k)), env::get, clock, settingsCacheTtl);
        BuyPorts.Flags flags = new BuyPorts.Flags() {
            public boolean stopActive() {
                if (flagsFail) {
                    throw new IllegalStateException("redis down");
                }
                return stop;
            }

            public boolean pauseActive() {
                return pause;
            }
        };
        BuyPorts.Portfolio portfolio = new BuyPorts.Portfolio() {
            public List<Position> holdings() {
                return holdings;
            }

            public int distinctBuysSince(LocalDateTime fromUtc) {
                assertThat(fromUtc).isEqualTo(LocalDateTime.of(2026, 2, 10, 15, 0)); // 00:00 KST of the day
                return tradelogBuysToday;
            }

            public boolean boughtSince(String code, LocalDateTime sinceUtc) {
                return boughtRecently.contains(code);
            }

            public boolean soldSince(String code, LocalDateTime sinceUtc) {
                return soldRecently.contains(code);
            }
        };
        BuyPorts.Locks locks = new BuyPorts.Locks() {
            public boolean tryStockLock(String code) {
                if (lockFails) {
                    throw new IllegalStateException("SET failed");
                }
                return locked.add(code);
            }

            public <T> T serialised(Supplier<T> decision) {
                return decision.get();
            }
        };
        BuyPorts.Market market = new BuyPorts.Market() {
            public long orderableCash() {
                return cash;
            }

            public OptionalLong currentPrice(String code) {
                return OptionalLong.empty();
            }

            public List<AtrCalculator.Bar> minuteBars(String code) {
                return List.of();
            }

            public List<AtrCalculator.Bar> dailyBars(String code, int count) {
                return daily.getOrDefault(code, List.of());
            }

            public Optional<StockMasterEntry> master(String code) {
                return Optional.ofNullable(masters.get(code));
            }

            public Optional<SectorBudget> sectorBudget() {
                return budget;
            }
        };
        pipeline = new BuyPipeline(flags, portfolio, locks, market, code -> { }, orders, settings, () -> false,
                text -> {
                    if (telegramFails) {
                        throw new IllegalStateException("telegram down");
                    }
                    return telegram.add(text);
                }, clock, KrxCalendar.bundled(KrxSessionRules.defaults()), false);
    }

    static BuyCandidate candidate(String code, String name, String type, double price, double score) {
        return new BuyCandidate(code, name, code, name, type, null, price, score, true, null, false, 500.0,
                new RiskSetting(1.0, 1.0, 0, "normal", -0.05, "daily_insight", null), null, null, null, null);
    }

    static BuySignal signal(String regime, BuyCandidate... c) {
        return new BuySignal(List.of(c), regime, "2026-02-11T01:23:00+00:00", BuySignal.SOURCE_SCANNER, null, null,
                null, null, null, null, null, null);
    }

    BuyOutcome run(BuySignal s) {
        return pipeline.process(new BuyRequest(s, "1770772980000-0", null));
    }

    BuySignal dipBuy() {
        return signal("SIDEWAYS", candidate("035420", "NAVER", "DIP_BUY", 50_000, 72));
    }

    /** ATR 1,500 on 50,000 from flat daily bars with a 1,500 range. */
    void atr1500(String code) {
        atr(code, 1_500);
    }

    /** ATR {@code range} on 50,000 from flat daily bars with that range. */
    void atr(String code, int range) {
        List<AtrCalculator.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bars.add(new AtrCalculator.Bar(50_000 + range / 2.0, 50_000 - range / 2.0, 50_000));
        }
        daily.put(code, bars);
    }

}
