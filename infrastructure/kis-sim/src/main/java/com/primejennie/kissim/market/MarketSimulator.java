package com.primejennie.kissim.market;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.config.KisSimProperties;

/**
 * The simulated exchange's price side: one {@link Tape} per stock for the current trading day, completed days kept
 * as daily bars, history before the first day generated. The market is a pure function of the seed, the universe,
 * the replay file, the scripted prices and the market clock: it is caught up to the clock lazily, on every REST call
 * ({@link #sync()}) and by the WebSocket pump, so two runs with the same inputs see the same prices whatever the
 * wall-clock timing.
 *
 * <p>This object's monitor is the one lock of the simulator: orders and accounts are changed only while holding it,
 * so a trade and the fills it causes are atomic.
 */
public class MarketSimulator {

    private final SimClock clock;
    private final SimCalendar calendar;
    private final List<MarketListener> listeners = new CopyOnWriteArrayList<>();

    private KisSimProperties.Market settings;
    private Universe universe;
    private ReplayBook replay;
    private LocalDate firstDay;
    private LocalDate currentDay;
    private final Map<String, Tape> tapes = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, DailyBar>> completed = new HashMap<>();
    private final Map<String, List<DailyBar>> history = new HashMap<>();

    public MarketSimulator(SimClock clock, SimCalendar calendar, KisSimProperties.Market settings,
                           Universe universe, ReplayBook replay) {
        this.clock = clock;
        this.calendar = calendar;
        this.settings = settings;
        this.universe = universe;
        this.replay = replay;
    }

    public void addListener(MarketListener listener) {
        listeners.add(listener);
    }

    public SimCalendar calendar() {
        return calendar;
    }

    public SimClock clock() {
        return clock;
    }

    public synchronized Universe universe() {
        return universe;
    }

    public synchronized long seed() {
        return settings.seed();
    }

    public synchronized KisSimProperties.Market settings() {
        return settings;
    }

    /** Rebuilds the market from scratch with a new universe, replay book and/or seed (null keeps the current one). */
    public synchronized void reset(Universe newUniverse, ReplayBook newReplay, Long newSeed) {
        if (newUniverse != null) {
            universe = newUniverse;
        }
        if (newReplay != null) {
            replay = newReplay;
        }
        if (newSeed != null) {
            settings = new KisSimProperties.Market(newSeed, settings.universe(), settings.replay(),
                    settings.tradeInterval(), settings.dailyVolatility(), settings.open(), settings.close(),
                    settings.historyDays());
        }
        tapes.clear();
        completed.clear();
        history.clear();
        firstDay = null;
        currentDay = null;
        listeners.forEach(MarketListener::onReset);
    }

    /** Whether the regular session is running at market time now. */
    public synchronized boolean sessionOpen() {
        ZonedDateTime now = clock.now();
        LocalTime t = now.toLocalTime();
        LocalDate d = now.toLocalDate();
        return calendar.isTradingDay(d) && !t.isBefore(calendar.open(d)) && t.isBefore(calendar.close(d));
    }

    /** Catches the market up to the clock: runs every trade due, closing and opening days on the way. */
    public synchronized void sync() {
        ZonedDateTime now = clock.now();
        LocalDate today = now.toLocalDate();
        LocalDate sessionDay = calendar.onOrBefore(today);
        if (currentDay == null) {
            firstDay = sessionDay;
            openDay(sessionDay);
        }
        while (currentDay.isBefore(sessionDay)) {
            closeDay();
            openDay(calendar.next(currentDay));
        }
        if (currentDay.equals(today)) {
            for (Tape tape : tapes.values()) {
                tape.advanceTo(now.toLocalTime(), this::publish);
            }
        } else if (currentDay.isBefore(today)) {
            for (Tape tape : tapes.values()) {
                tape.finish(this::publish);
            }
        }
    }

    private void openDay(LocalDate day) {
        currentDay = day;
        tapes.clear();
        for (Stock stock : universe.all()) {
            DailyBar before = previousBar(stock, day);
            tapes.put(stock.code(), new Tape(stock, day, before == null ? stock.basePrice() : before.close(),
                    before == null ? 0 : before.volume(), calendar.open(day), calendar.close(day), settings.tradeInterval(),
                    settings.dailyVolatility(), settings.seed(), replay));
        }
    }

    private void closeDay() {
        for (Tape tape : tapes.values()) {
            tape.finish(this::publish);
            completed.computeIfAbsent(tape.stock().code(), c -> new TreeMap<>()).put(tape.date(), tape.dailyBar());
        }
        LocalDate closed = currentDay;
        listeners.forEach(l -> l.onSessionClosed(closed));
    }

    private DailyBar previousBar(Stock stock, LocalDate day) {
        TreeMap<LocalDate, DailyBar> done = completed.get(stock.code());
        if (done != null && !done.isEmpty() && done.lowerEntry(day) != null) {
            return done.lowerEntry(day).getValue();
        }
        List<DailyBar> past = historyOf(stock);
        return past.isEmpty() ? null : past.get(past.size() - 1);
    }

    private List<DailyBar> historyOf(Stock stock) {
        return history.computeIfAbsent(stock.code(), c -> HistoryGenerator.generate(stock, firstDay,
                settings.historyDays(), settings.dailyVolatility(), settings.seed(), calendar));
    }

    private void publish(Trade trade) {
        for (MarketListener l : listeners) {
            l.onTrade(trade);
        }
    }

    private Tape tape(String code) {
        sync();
        Tape tape = tapes.get(code);
        if (tape == null) {
            throw new NoSuchElementException("unknown stock code " + code);
        }
        return tape;
    }

    public synchronized Optional<Stock> stock(String code) {
        return universe.find(code);
    }

    /** The stock's state now. */
    public synchronized Quote quote(String code) {
        Tape tape = tape(code);
        DailyBar day = tape.dailyBar();
        return new Quote(tape.stock(), tape.date(), tape.price(), tape.prevClose(), day.open(), day.high(), day.low(),
                day.volume(), day.value(), tape.prevDayVolume(), tape.last());
    }

    /** Daily bars between {@code from} and {@code to} inclusive, oldest first, today's running bar included. */
    public synchronized List<DailyBar> dailyBars(String code, LocalDate from, LocalDate to) {
        Tape tape = tape(code);
        List<DailyBar> out = new ArrayList<>();
        for (DailyBar b : historyOf(tape.stock())) {
            if (!b.date().isBefore(from) && !b.date().isAfter(to)) out.add(b);
        }
        TreeMap<LocalDate, DailyBar> done = completed.getOrDefault(code, new TreeMap<>());
        out.addAll(done.subMap(from, true, to, true).values());
        if (!tape.date().isBefore(from) && !tape.date().isAfter(to) && tape.last() != null) {
            out.add(tape.dailyBar());
        }
        return out;
    }

    /** Today's minute bars up to and including {@code until}, oldest first. */
    public synchronized List<MinuteBar> minuteBars(String code, LocalTime until) {
        return tape(code).minuteBars(until);
    }

    /** The trading day the market is on (today, or the last one when today does not trade). */
    public synchronized LocalDate currentDay() {
        sync();
        return currentDay;
    }

    /** The next trades of {@code code} will have these prices, one per trade (tick-snapped, within daily limits). */
    public synchronized void script(String code, List<Long> prices, boolean replaceQueued) {
        Tape tape = tape(code);
        if (replaceQueued) {
            tape.clearScript();
        }
        tape.script(prices);
    }

    public synchronized List<Long> pendingScript(String code) {
        return tape(code).pendingScript();
    }

    /** Trades {@code code} now at {@code price}: the price a test wants, with fills of crossing orders at once. */
    public synchronized Trade tradeNow(String code, long price, long volume) {
        Tape tape = tape(code);
        Trade trade = tape.tradeNow(clock.now().toLocalTime(), price, volume);
        publish(trade);
        return trade;
    }
}
