package com.primejennie.buyscanner.pipeline;

import java.time.Clock;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.buyscanner.bars.MinuteBarReader;
import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.shared.macro.MacroContextProvider;
import com.primejennie.buyscanner.evaluation.StockEvaluator;
import com.primejennie.buyscanner.flags.TradingFlagsCache;
import com.primejennie.buyscanner.gates.RiskGateChain;
import com.primejennie.buyscanner.signal.SignalCooldown;
import com.primejennie.buyscanner.signal.SignalOutbox;
import com.primejennie.buyscanner.signal.SnapshotWriter;
import com.primejennie.buyscanner.strategies.StrategyBook;
import com.primejennie.buyscanner.watchlist.WatchlistHolder;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.messaging.TradingSignalPublisher;
import com.primejennie.shared.settings.RuntimeSettings;

/**
 * Builds a {@link ScannerEngine} from its parts and Redis, the same way for the application, the engine tests and
 * the benchmark, so what is measured and tested is what runs.
 */
public final class ScannerAssembly {

    private ScannerAssembly() {
    }

    /**
     * @param history          the warm-start reader; null for none
     * @param strategyFailures counts a contained strategy failure (a metric in the application)
     */
    public static ScannerEngine engine(StringRedisTemplate redis, TradingSignalPublisher<Object> buySignals,
                                       WatchlistHolder watchlist, MacroContextProvider macro,
                                       TradingFlagsCache flags, TradingCalendar calendar, MarketClock clock,
                                       Clock wallClock, RuntimeSettings settings, ScannerProperties properties,
                                       MinuteBarReader history, ScannerStats stats,
                                       StrategyBook.FailureListener strategyFailures, SignalObserver observer) {
        StrategyBook book = new StrategyBook((code, strategy, error) -> {
            stats.strategyFailed();
            strategyFailures.onFailure(code, strategy, error);
        });
        RiskGateChain gates = RiskGateChain.standard(key -> Boolean.TRUE.equals(redis.hasKey(key)));
        SnapshotWriter snapshots = new SnapshotWriter((key, json) -> redis.opsForValue().set(key, json,
                SnapshotWriter.TTL));
        StockEvaluator evaluator = new StockEvaluator(gates, book, snapshots, settings, properties.thresholds(),
                macro::current);
        SignalCooldown cooldown = new SignalCooldown((key, ttl) -> Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent(key, "1", ttl)));
        SignalOutbox outbox = new SignalOutbox(buySignals, redis);
        return new ScannerEngine(watchlist, evaluator, cooldown, outbox, flags, calendar, clock, wallClock, settings,
                properties, history, stats, observer);
    }
}
