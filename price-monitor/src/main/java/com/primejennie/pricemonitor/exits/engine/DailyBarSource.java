package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.shared.persistence.DailyPrice;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily bars for the indicators, read once per stock per KST day (Python read 30 rows on every tick) through the
 * shared daily-price read-through in production (the table, and KIS for what it lacks). Only completed sessions are
 * used (today's row, if present, is dropped so the tick is not counted twice). A failed read keeps the last known
 * bars and is not tried again for {@link #RETRY_AFTER} (real time), so an outage of MariaDB or KIS neither switches
 * the ATR stop off nor makes every tick wait on a dead connection. {@link #warm} loads the bars off the tick path.
 */
public final class DailyBarSource {

    private static final Logger log = LoggerFactory.getLogger(DailyBarSource.class);

    /** How long a failed read is not repeated (machinery time: a connection timeout, not a market duration). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private record Entry(LocalDate day, List<DailyPrice> bars, long retryAtNanos) {
        boolean complete() {
            return retryAtNanos == Long.MIN_VALUE;
        }
    }

    private final BiFunction<String, Integer, List<DailyPrice>> loader;
    private final int count;
    private final LongSupplier nanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** {@code loader(code, n)} returns the latest n bars oldest first. */
    public DailyBarSource(BiFunction<String, Integer, List<DailyPrice>> loader, int count) {
        this(loader, count, System::nanoTime);
    }

    DailyBarSource(BiFunction<String, Integer, List<DailyPrice>> loader, int count, LongSupplier nanos) {
        this.loader = loader;
        this.count = count;
        this.nanos = nanos;
    }

    public List<DailyPrice> bars(String code, LocalDate today) {
        Entry e = cache.get(code);
        if (e != null && e.day().equals(today) && (e.complete() || nanos.getAsLong() - e.retryAtNanos() < 0)) {
            return e.bars();
        }
        try {
            List<DailyPrice> bars = loader.apply(code, count + 1).stream()
                    .filter(b -> b.priceDate().isBefore(today)).toList();
            if (bars.size() > count) {
                bars = bars.subList(bars.size() - count, bars.size());
            }
            cache.put(code, new Entry(today, bars, Long.MIN_VALUE));
            return bars;
        } catch (RuntimeException ex) {
            List<DailyPrice> last = e == null ? List.of() : e.bars();
            log.warn("daily bars of {} not readable, using the last known ({}) for {}: {}", code, last.size(),
                    RETRY_AFTER, ex.toString());
            cache.put(code, new Entry(today, last, nanos.getAsLong() + RETRY_AFTER.toNanos()));
            return last;
        }
    }

    /** Loads today's bars of {@code codes} (run by the housekeeping thread, so the first tick does not wait). */
    public void warm(Collection<String> codes, LocalDate today) {
        for (String code : codes) {
            bars(code, today);
        }
    }
}
