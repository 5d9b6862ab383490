package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.pricemonitor.exits.ExitsProperties;
import com.primejennie.pricemonitor.exits.indicators.Indicators;
import com.primejennie.pricemonitor.exits.positions.PositionBook;
import com.primejennie.pricemonitor.exits.rules.ExitChain;
import com.primejennie.pricemonitor.exits.rules.ExitContext;
import com.primejennie.pricemonitor.exits.rules.ExitSignal;
import com.primejennie.pricemonitor.exits.rules.ExitThresholds;
import com.primejennie.pricemonitor.exits.state.ExitStateStore;
import com.primejennie.pricemonitor.exits.state.PositionExitState;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.indicators.ChartPhase;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.DailyPrice;
import com.primejennie.shared.persistence.Position;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one tick of one held stock: watermark update, indicators, the {@link ExitChain}, then — only once the
 * SellOrder is queued — the state the signal moves (ladder level, RSI flag; on a full exit
 * the position parked until the DB shows whether it is closed). If the publish fails, nothing is changed, so the next tick fires again (Python lost the sell).
 */
public final class ExitEngine {

    private static final Logger log = LoggerFactory.getLogger(ExitEngine.class);

    private final PositionBook book;
    private final ExitStateStore states;
    private final DailyBarSource bars;
    private final SellOrderSink sink;
    private final MarketClock clock;
    private final Function<String, ExitThresholds> thresholds;
    private final Supplier<String> regime;
    private final Supplier<Double> macroStopMult;
    private final ExitsProperties properties;
    private final ExitChain chain;
    private final PositionCheck check;

    public ExitEngine(PositionBook book, ExitStateStore states, DailyBarSource bars, SellOrderSink sink,
                      MarketClock clock, Function<String, ExitThresholds> thresholds, Supplier<String> regime,
                      Supplier<Double> macroStopMult, ExitsProperties properties, ExitChain chain) {
        this(book, states, bars, sink, clock, thresholds, regime, macroStopMult, properties, chain, PositionCheck.NONE);
    }

    /** With the §1.9 DB double-check of a fired signal. */
    public ExitEngine(PositionBook book, ExitStateStore states, DailyBarSource bars, SellOrderSink sink,
                      MarketClock clock, Function<String, ExitThresholds> thresholds, Supplier<String> regime,
                      Supplier<Double> macroStopMult, ExitsProperties properties, ExitChain chain,
                      PositionCheck check) {
        this.check = check;

        this.book = book;
        this.states = states;
        this.bars = bars;
        this.sink = sink;
        this.clock = clock;
        this.thresholds = thresholds;
        this.regime = regime;
        this.macroStopMult = macroStopMult;
        this.properties = properties;
        this.chain = chain;
    }

    /**
     * Handles a tick stored at {@code tickTime}. Returns the SellOrder queued, if any. A tick older than the max tick
     * age (market time) is ignored.
     */
    public Optional<SellOrder> onTick(String code, double price, Instant tickTime) {
        return evaluate(code, price, tickTime, false);
    }

    private Optional<SellOrder> evaluate(String code, double price, Instant tickTime, boolean recheck) {
        if (!(price > 0)) {
            return Optional.empty();
        }
        PositionBook.Watched w = book.get(code);
        if (w == null || w.quantity() <= 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (tickTime.isBefore(now.minus(properties.maxTickAge()))) {
            return Optional.empty();
        }
        Position p = w.position();
        double buy = p.averageBuyPrice().doubleValue();
        if (!(buy > 0)) {
            throw new IllegalStateException("position " + code + " has no average buy price: exits cannot run");
        }
        ZonedDateTime kst = clock.now();
        PositionExitState before = states.get(code, buy);
        PositionExitState state = before.withTick(buy, price);
        List<DailyPrice> daily = bars.bars(code, kst.toLocalDate());
        double[] closes = new double[daily.size() + 1];
        for (int i = 0; i < daily.size(); i++) {
            closes[i] = daily.get(i).closePrice();
        }
        closes[daily.size()] = price;
        int n = daily.size();
        double[] rsiWindow = n > 30 ? java.util.Arrays.copyOfRange(closes, n - 30, n + 1) : closes;
        List<DailyPrice> atrWindow = n > 30 ? daily.subList(n - 30, n) : daily;
        boolean macd = properties.macdDivergenceEnabled() && Indicators.macdBearishDivergence(closes);
        // the phase of the completed sessions (the tick is not a daily close); false with fewer than 125 rows
        boolean chartPhase = properties.chartPhaseEnabled() && n >= ChartPhase.MIN_ROWS
                && ChartPhase.warning(java.util.Arrays.copyOf(closes, n));
        ExitContext context = new ExitContext(code, p.stockName(), buy, price, w.quantity(), state.highPrice(),
                Indicators.atr14(atrWindow), n >= 15 ? Indicators.rsi14(rsiWindow) : Double.NaN,
                n >= 20 ? java.util.Arrays.copyOfRange(closes, Math.max(0, n - 30), n + 1) : null,
                state.scaleOutLevel(), state.rsiSold(), regime.get(), kst, macroStopMult.get(), macd, chartPhase,
                holdingDays(p, kst.toLocalDate()), thresholds.apply(code));
        Optional<ExitSignal> signal = chain.evaluate(context);
        if (signal.isEmpty()) {
            states.put(code, before, state);
            return Optional.empty();
        }
        if (!recheck && check != PositionCheck.NONE) {
            Optional<Optional<SellOrder>> outcome = doubleCheck(code, price, tickTime, buy);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        ExitSignal s = signal.get();
        long qty = s.quantityOf(w.quantity());
        SellOrder order = SellOrder.fromMonitor(code, p.stockName(), (int) qty, price, s.reason(),
                WireTime.format(now));
        sink.publish(order);
        log.info("exit {} {}: {} shares at {} ({})", code, s.kind(), qty, price, s.reason());
        if (s.isFullExit()) {
            // state is cleared when the DB shows the position closed (ExitsRuntime), not here: a sell that does not
            // go through is evaluated again with the same watermark and ladder
            states.put(code, before, state);
            book.park(code, now);
        } else {
            PositionExitState after = state;
            if (s.scaleOutLevel() > 0) {
                after = after.withScaleOutLevel(s.scaleOutLevel());
            }
            if (s.marksRsiSold()) {
                after = after.withRsiSold();
            }
            states.put(code, before, after);
            book.reduce(code, qty);
        }
        return Optional.of(order);
    }

    /**
     * §1.9: the DB's row decides before a sell goes out. Gone → dropped from the book, no signal. Average price off by
     * more than 1 KRW → the book takes the DB's row and the whole evaluation runs once more on it (Python had already
     * moved the ladder, RSI flag and watermark on the first pass; here nothing has moved yet). DB unreadable → the
     * cached position is sold (empty: carry on).
     */
    private Optional<Optional<SellOrder>> doubleCheck(String code, double price, Instant tickTime, double cachedBuy) {
        Optional<Position> row;
        try {
            row = check.reload(code);
        } catch (RuntimeException e) {
            log.warn("DB double-check of {} failed, selling on the cached position: {}", code, e.toString());
            return Optional.empty();
        }
        if (row.isEmpty() || row.get().quantity() <= 0) {
            log.info("exit of {} dropped: no longer in ACTIVE_PORTFOLIO", code);
            book.drop(code);
            return Optional.of(Optional.empty());
        }
        double dbBuy = row.get().averageBuyPrice() == null ? 0 : row.get().averageBuyPrice().doubleValue();
        if (Math.abs(dbBuy - cachedBuy) > 1.0) {
            log.info("average buy price of {} changed in the DB ({} -> {}): evaluating again", code, cachedBuy, dbBuy);
            book.replace(row.get());
            return Optional.of(evaluate(code, price, tickTime, true));
        }
        return Optional.empty();
    }

    private static int holdingDays(Position p, LocalDate todayKst) {
        if (p.createdAt() == null) {
            return -1;
        }
        LocalDate bought = p.createdAt().atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(MarketClock.KST)
                .toLocalDate();
        return (int) ChronoUnit.DAYS.between(bought, todayKst);
    }
}
