package com.primejennie.dashboard.console.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.primejennie.dashboard.console.Kst;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.TableNames;

/**
 * What the stock page shows: candles (1m and 5m from STOCK_MINUTE_PRICE over the last 3 days, 1d the last 60 rows of
 * STOCK_DAILY_PRICES_3Y, as the Python logic chart), buy/sell markers from TRADELOG placed on the candle that contains
 * them, the scanner's {@code buy_logic:snapshot:{code}} and {@code logic:signals:{code}}.
 */
@Component
public class StockReader {

    public static final List<String> TIMEFRAMES = List.of("1m", "5m", "1d");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** open, close, low, high in ECharts' candlestick order. */
    public record Candle(String time, long open, long close, long low, long high, long volume) {
    }

    public record Marker(String time, String side, long price, int quantity) {
    }

    public record Stock(String code, String name, String timeframe, List<Candle> candles, List<Marker> markers,
                        String snapshot, String signals) {
    }

    private final JdbcClient jdbc;
    private final TableNames tables;
    private final StringRedisTemplate redis;
    private final MarketClock clock;

    public StockReader(DataSource dataSource, TableNames tables, StringRedisTemplate redis, MarketClock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tables = tables;
        this.redis = redis;
        this.clock = clock;
    }

    public Stock read(String code, String timeframe) {
        if (!code.matches("[0-9A-Za-z]{1,20}")) {
            throw new IllegalArgumentException("stock code '" + code + "' is not a code (digits/letters, up to 20)");
        }
        if (!TIMEFRAMES.contains(timeframe)) {
            throw new IllegalArgumentException("timeframe '" + timeframe + "' is not one of " + TIMEFRAMES);
        }
        String name = jdbc.sql("SELECT STOCK_NAME FROM STOCK_MASTER WHERE STOCK_CODE = ?").param(code)
                .query(String.class).optional().orElse(code);
        List<Candle> candles = timeframe.equals("1d") ? daily(code) : minutes(code, timeframe.equals("5m") ? 5 : 1);
        List<Marker> markers = markers(code, timeframe, candles);
        return new Stock(code, name, timeframe, candles, markers, redisText("buy_logic:snapshot:" + code),
                redisText("logic:signals:" + code));
    }

    private String redisText(String key) {
        try {
            return redis.opsForValue().get(key);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<Candle> daily(String code) {
        List<Candle> rows = jdbc.sql("SELECT PRICE_DATE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, CLOSE_PRICE, VOLUME FROM "
                        + "STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? ORDER BY PRICE_DATE DESC LIMIT 60").param(code)
                .query((rs, i) -> candle(rs.getObject(1, LocalDate.class).format(DAY), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6))).list();
        List<Candle> out = new ArrayList<>(rows.stream().filter(c -> c != null).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    private List<Candle> minutes(String code, int bucket) {
        LocalDateTime since = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(3);
        List<Object[]> rows = jdbc.sql("SELECT PRICE_TIME, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, CLOSE_PRICE, VOLUME FROM "
                        + "STOCK_MINUTE_PRICE WHERE STOCK_CODE = ? AND PRICE_TIME >= ? ORDER BY PRICE_TIME")
                .params(code, since).query((rs, i) -> new Object[] {rs.getObject(1, LocalDateTime.class),
                        rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getLong(6)}).list();
        TreeMap<String, Candle> byTime = new TreeMap<>();
        for (Object[] r : rows) {
            LocalDateTime t = (LocalDateTime) r[0];
            LocalDateTime b = t.withMinute(t.getMinute() / bucket * bucket).withSecond(0).withNano(0);
            Candle c = candle(b.format(MINUTE), (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                    (BigDecimal) r[4], (Long) r[5]);
            if (c == null) {
                continue;
            }
            Candle prev = byTime.get(c.time());
            byTime.put(c.time(), prev == null ? c : new Candle(c.time(), prev.open(), c.close(),
                    Math.min(prev.low(), c.low()), Math.max(prev.high(), c.high()), prev.volume() + c.volume()));
        }
        return new ArrayList<>(byTime.values());
    }

    private static Candle candle(String time, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, long v) {
        if (o == null || h == null || l == null || c == null || o.signum() <= 0 || h.signum() <= 0
                || l.signum() <= 0 || c.signum() <= 0) {
            return null;
        }
        return new Candle(time, o.longValue(), c.longValue(), l.longValue(), h.longValue(), v);
    }

    private List<Marker> markers(String code, String timeframe, List<Candle> candles) {
        if (candles.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT TRADE_TYPE, QUANTITY, PRICE, TRADE_TIMESTAMP FROM "
                        + tables.tradeLog() + " WHERE STOCK_CODE = ? ORDER BY TRADE_TIMESTAMP DESC LIMIT 200")
                .param(code).query().listOfRows();
        List<Marker> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            LocalDateTime at = Kst.time(r.get("TRADE_TIMESTAMP"));
            if (at == null) {
                continue;
            }
            String key = switch (timeframe) {
                case "1d" -> at.plusHours(9).toLocalDate().format(DAY);
                case "5m" -> at.withMinute(at.getMinute() / 5 * 5).format(MINUTE);
                default -> at.format(MINUTE);
            };
            if (candles.stream().anyMatch(c -> c.time().equals(key))) {
                out.add(new Marker(key, String.valueOf(r.get("TRADE_TYPE")),
                        Math.round(((Number) r.get("PRICE")).doubleValue()), ((Number) r.get("QUANTITY")).intValue()));
            }
        }
        return out;
    }
}
