package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.shared.persistence.DailyPrice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily bars for the indicators, read once per stock per KST day (Python read 30 rows on every tick). Only completed
 * sessions are used (today's row, if present, is dropped so the tick is not counted twice). A failed read keeps the
 * last known bars, so an outage of MariaDB does not switch the ATR stop off.
 */
public final class DailyBarSource {

    private static final Logger log = LoggerFactory.getLogger(DailyBarSource.class);

    private record Entry(LocalDate day, List<DailyPrice> bars) {
    }

    private final BiFunction<String, Integer, List<DailyPrice>> loader;
    private final int count;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** {@code loader(code, n)} returns the latest n bars oldest first. */
    public DailyBarSource(BiFunction<String, Integer, List<DailyPrice>> loader, int count) {
        this.loader = loader;
        this.count = count;
    }

    public List<DailyPrice> bars(String code, LocalDate today) {
        Entry e = cache.get(code);
        if (e != null && e.day().equals(today)) {
            return e.bars();
        }
        try {
            List<DailyPrice> bars = loader.apply(code, count + 1).stream()
                    .filter(b -> b.priceDate().isBefore(today)).toList();
            if (bars.size() > count) {
                bars = bars.subList(bars.size() - count, bars.size());
            }
            cache.put(code, new Entry(today, bars));
            return bars;
        } catch (RuntimeException ex) {
            log.warn("daily bars of {} not readable, using the last known ({}): {}", code,
                    e == null ? 0 : e.bars().size(), ex.toString());
            return e == null ? List.of() : e.bars();
        }
    }
}
