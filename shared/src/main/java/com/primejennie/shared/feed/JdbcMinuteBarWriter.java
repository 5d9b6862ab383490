package com.primejennie.shared.feed;

import java.util.List;
import java.util.function.Supplier;

import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts minute bars into {@code STOCK_MINUTE_PRICE} (PK {@code PRICE_TIME, STOCK_CODE}).
 *
 * <p>The aggregator hands each piece of a bar out once, so a second write for the same key is a <em>disjoint</em> part
 * of the same minute (the feed restarted inside it): the upsert merges — keeps the first open, widens high/low, takes
 * the new close, adds the volume — instead of overwriting the earlier trades. {@code CREATED_AT} is naive UTC like every
 * other timestamp the suite writes.
 */
public final class JdbcMinuteBarWriter implements MinuteBarWriter {

    static final String UPSERT = "INSERT INTO STOCK_MINUTE_PRICE (PRICE_TIME, STOCK_CODE, OPEN_PRICE, HIGH_PRICE, "
            + "LOW_PRICE, CLOSE_PRICE, VOLUME, ACCUM_VOLUME, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE HIGH_PRICE = GREATEST(HIGH_PRICE, VALUES(HIGH_PRICE)), "
            + "LOW_PRICE = LEAST(LOW_PRICE, VALUES(LOW_PRICE)), CLOSE_PRICE = VALUES(CLOSE_PRICE), "
            + "VOLUME = VOLUME + VALUES(VOLUME), ACCUM_VOLUME = GREATEST(ACCUM_VOLUME, VALUES(ACCUM_VOLUME))";

    private final JdbcTemplate jdbc;
    private final Supplier<LocalDateTime> nowUtcNaive;

    public JdbcMinuteBarWriter(JdbcTemplate jdbc, Supplier<LocalDateTime> nowUtcNaive) {
        this.jdbc = jdbc;
        this.nowUtcNaive = nowUtcNaive;
    }

    @Override
    public void write(List<MinuteBar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        LocalDateTime created = nowUtcNaive.get();
        jdbc.batchUpdate(UPSERT, bars, bars.size(), (ps, bar) -> {
            ps.setObject(1, bar.minute());
            ps.setString(2, bar.code());
            ps.setLong(3, bar.open());
            ps.setLong(4, bar.high());
            ps.setLong(5, bar.low());
            ps.setLong(6, bar.close());
            ps.setLong(7, bar.volume());
            ps.setLong(8, bar.accumVolume());
            ps.setObject(9, created);
        });
    }
}
