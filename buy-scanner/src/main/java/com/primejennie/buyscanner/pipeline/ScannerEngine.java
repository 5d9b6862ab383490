package com.primejennie.buyscanner.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.bars.BarKeys;
import com.primejennie.buyscanner.bars.MinuteBarReader;
import com.primejennie.buyscanner.bars.StockBars;
import com.primejennie.buyscanner.config.ScannerProperties;
import com.primejennie.buyscanner.evaluation.Evaluation;
import com.primejennie.buyscanner.evaluation.StockEvaluator;
import com.primejennie.buyscanner.flags.TradingFlagsCache;
import com.primejennie.buyscanner.signal.DetectedSignal;
import com.primejennie.buyscanner.signal.MomentumConfirmation;
import com.primejennie.buyscanner.signal.SignalCooldown;
import com.primejennie.buyscanner.signal.SignalOutbox;
import com.primejennie.buyscanner.watchlist.Watchlist;
import com.primejennie.buyscanner.watchlist.WatchlistHolder;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.messaging.PriceTick;
import com.primejennie.shared.messaging.ReceivedMessage;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;

/**
 * The scanner's pipeline from one tick to at most one buy signal (spec §2.3 with the decisions):
 * <ol>
 * <li>ticks of codes not on the hot watchlist are ignored; a tick without {@code vol} counts as volume 0;</li>
 * <li>the tick goes to its stock's lane (per-stock serialized, stocks in parallel) and into its bars, keyed by the
 * exchange time it carries; a bar also closes on a timer ({@link #closeQuietBars}) when the stock goes quiet;</li>
 * <li>on a completed bar, a signal may come out only when the tick is fresh (its stream entry younger than
 * {@code max-tick-age} — an overnight backlog only builds bars), the KRX market is open (shared calendar and clock)
 * and the trading flags read RUNNING (fail closed);</li>
 * <li>a pending momentum signal is settled first (published once if confirmed); otherwise the stock is evaluated,
 * the cooldown is taken with {@code SET NX EX}, and the signal is held for confirmation or published.</li>
 * </ol>
 */
public final class ScannerEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScannerEngine.class);

    private final WatchlistHolder watchlist;
    private final StockEvaluator evaluator;
    private final SignalCooldown cooldown;
    private final MomentumConfirmation confirmation = new MomentumConfirmation();
    private final SignalOutbox outbox;
    private final TradingFlagsCache flags;
    private final TradingCalendar calendar;
    private final MarketClock clock;
    private final Clock wallClock;
    private final RuntimeSettings settings;
    private final ScannerProperties properties;
    private final MinuteBarReader history;
    private final ScannerStats stats;
    private final SignalObserver observer;
    private final StockLanes lanes;
    private volatile Integer confirmationBars;
    private volatile int intervalSeconds = SettingKeys.BAR_INTERVAL_SECONDS.defaultValue();
    private volatile long intervalReadAt;
    private final Map<String, StockBars> bars = new ConcurrentHashMap<>();

    public ScannerEngine(WatchlistHolder watchlist, StockEvaluator evaluator, SignalCooldown cooldown,
                         SignalOutbox outbox, TradingFlagsCache flags, TradingCalendar calendar, MarketClock clock,
                         Clock wallClock, RuntimeSettings settings, ScannerProperties properties,
                         MinuteBarReader history, ScannerStats stats, SignalObserver observer) {
        this.watchlist = watchlist;
        this.evaluator = evaluator;
        this.cooldown = cooldown;
        this.outbox = outbox;
        this.flags = flags;
        this.calendar = calendar;
        this.clock = clock;
        this.wallClock = wallClock;
        this.settings = settings;
        this.properties = properties;
        this.history = history;
        this.stats = stats;
        this.observer = observer == null ? SignalObserver.NONE : observer;
        this.lanes = new StockLanes(properties.lanes(), properties.laneQueueCapacity());
        watchlist.onCodesJoined(this::warmStart);
    }

    /** The stream handler: one {@code kis:prices} entry. Runs on the worker thread; the work runs on a lane. */
    public void onTick(ReceivedMessage<PriceTick> message) {
        PriceTick tick = message.payload();
        stats.ticks.incrementAndGet();
        if (tick.price() <= 0 || !watchlist.current().contains(tick.code())) {
            return;
        }
        stats.lastTick = clock.instant();
        lanes.submit(tick.code(), () -> process(tick, message.storedAt(), message));
    }

    private void process(PriceTick tick, Instant storedAt, ReceivedMessage<?> origin) {
        String code = tick.code();
        ZonedDateTime now = clock.now();
        boolean stale = Duration.between(storedAt, wallClock.instant()).compareTo(properties.maxTickAge()) > 0;
        LocalDate day = stale ? storedAt.atZone(MarketClock.KST).toLocalDate() : now.toLocalDate();
        LocalDateTime at = tick.time() != null ? BarKeys.exchangeTime(day, tick.time())
                : stale ? LocalDateTime.ofInstant(storedAt, MarketClock.KST) : now.toLocalDateTime();
        LocalDateTime key = BarKeys.keyOf(at, interval());
        long volume = tick.volume() == null ? 0 : Math.max(0, tick.volume());
        StockBars stock = bars.computeIfAbsent(code, c -> new StockBars());
        if (stale) {
            stats.staleTicks.incrementAndGet();
        }
        synchronized (stock) {
            Optional<Bar> done = stock.onTick(key, day, tick.price(), volume);
            done.ifPresent(bar -> onBarCompleted(code, stock, bar, tick.price(), !stale, origin));
        }
    }

    /** Closes the bars of stocks that went quiet (their interval ended {@code quiet-close-grace} ago). */
    public void closeQuietBars() {
        LocalDateTime key = BarKeys.keyOf(clock.now().minus(properties.quietCloseGrace()), interval());
        for (Map.Entry<String, StockBars> e : bars.entrySet()) {
            String code = e.getKey();
            lanes.submit(code, () -> {
                StockBars stock = e.getValue();
                synchronized (stock) {
                    stock.closeIfEndedBefore(key)
                            .ifPresent(bar -> onBarCompleted(code, stock, bar, bar.close(), true, null));
                }
            });
        }
    }

    private void onBarCompleted(String code, StockBars stock, Bar bar, double tickPrice, boolean fresh,
                                ReceivedMessage<?> origin) {
        stats.bars.incrementAndGet();
        boolean allowed = fresh && marketOpen() && flags.state().allowsSignals();
        if (confirmation.isPending(code)) {
            Optional<DetectedSignal> confirmed = confirmation.settle(code, bar);
            if (allowed && confirmed.isPresent()) {
                publish(confirmed.get(), origin);
                return;
            }
        }
        if (!allowed) {
            return;
        }
        Watchlist list = watchlist.current();
        Optional<HotWatchlist.Stock> entry = list.stock(code);
        if (entry.isEmpty()) {
            return;
        }
        Evaluation evaluation = evaluator.evaluate(code, entry.get(), list, stock, tickPrice, clock.now());
        if ("Macro Risk".equals(evaluation.failedGate())) {
            stats.macroRiskBlocked.incrementAndGet();
        } else if ("Cooldown".equals(evaluation.failedGate())) {
            stats.cooldownBlocked.incrementAndGet();
        }
        if (evaluation.signal().isEmpty()) {
            return;
        }
        DetectedSignal signal = evaluation.signal().get();
        Duration ttl = Duration.ofSeconds(settings.get(SettingKeys.SIGNAL_COOLDOWN_SECONDS));
        boolean acquired;
        try {
            acquired = cooldown.tryAcquire(code, ttl);
        } catch (RuntimeException e) {
            log.error("cooldown of {} not taken ({}): signal {} dropped", code, e.getMessage(), signal.signalType());
            return;
        }
        if (!acquired) {
            stats.cooldownBlocked.incrementAndGet();
            return;
        }
        if (MomentumConfirmation.needsConfirmation(signal.signalType(), confirmationBars())) {
            confirmation.hold(signal);
            log.info("{} {} @ {} held for confirmation by the next bar", code, signal.signalType(), signal.price());
            return;
        }
        publish(signal, origin);
    }

    private void publish(DetectedSignal signal, ReceivedMessage<?> origin) {
        String id = outbox.publish(signal);
        if (id != null) {
            stats.signals.incrementAndGet();
            stats.lastSignal = clock.instant();
            observer.published(signal, id, origin);
        }
    }

    /**
     * {@code MOMENTUM_CONFIRMATION_BARS}, read once (Python read it at start; a change needs a restart) — at the first
     * signal rather than at construction, so a database still migrating does not stop the start.
     */
    private int confirmationBars() {
        Integer bars = confirmationBars;
        if (bars == null) {
            bars = settings.get(SettingKeys.MOMENTUM_CONFIRMATION_BARS);
            confirmationBars = bars;
        }
        return bars;
    }

    private boolean marketOpen() {
        try {
            return calendar.isMarketOpen(clock.instant());
        } catch (IllegalArgumentException e) {
            log.error("KRX calendar cannot answer for {}: {} - treating the market as closed", clock.instant(),
                    e.getMessage());
            return false;
        }
    }

    /** {@code BAR_INTERVAL_SECONDS}, re-read at most every 5 s (it is needed on every tick); the last value on error. */
    private int interval() {
        long now = System.nanoTime();
        if (intervalReadAt == 0 || now - intervalReadAt > 5_000_000_000L) {
            try {
                intervalSeconds = settings.get(SettingKeys.BAR_INTERVAL_SECONDS);
            } catch (RuntimeException e) {
                log.warn("BAR_INTERVAL_SECONDS unreadable ({}); keeping {} s", e.getMessage(), intervalSeconds);
            }
            intervalReadAt = now;
        }
        return intervalSeconds;
    }

    /**
     * Loads the last bars of each code from {@code STOCK_MINUTE_PRICE} (on the code's lane, before its next tick),
     * so a stock that joins or a restarted scanner can signal at once.
     */
    public void warmStart(Set<String> codes) {
        if (history == null) {
            return;
        }
        LocalDateTime before = BarKeys.keyOf(clock.now(), 60);
        for (String code : codes) {
            lanes.submit(code, () -> {
                try {
                    List<Bar> loaded = history.lastBars(code, before, properties.warmStartBars());
                    StockBars stock = bars.computeIfAbsent(code, c -> new StockBars());
                    synchronized (stock) {
                        stock.seed(loaded);
                    }
                    log.info("warm start {}: {} bars from STOCK_MINUTE_PRICE (last {})", code, loaded.size(),
                            loaded.isEmpty() ? "-" : loaded.get(loaded.size() - 1).start());
                } catch (RuntimeException e) {
                    log.warn("warm start {} failed ({}): its bars build from live ticks", code, e.getMessage());
                }
            });
        }
    }

    /** Completed bars held for {@code code} (observability and tests). */
    public int completedBars(String code) {
        StockBars stock = bars.get(code);
        return stock == null ? 0 : stock.completedCount();
    }

    public StockLanes lanes() {
        return lanes;
    }

    public ScannerStats stats() {
        return stats;
    }

    @Override
    public void close() {
        lanes.close();
    }
}
