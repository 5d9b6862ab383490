package com.primejennie.buyscanner.watchlist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.TradingCalendar;

/**
 * The database side of a watchlist load (spec §2.2): each stock's watchlist entry from {@code WATCHLIST_HISTORY}
 * (earliest snapshot within the look-back) with its close from {@code STOCK_DAILY_PRICES_3Y}, and the latest 30 rows
 * of foreign net buying from {@code STOCK_INVESTOR_TRADING}. Days since entry are counted in KRX trading days
 * (spec/upstream-2026-02-18.md), not calendar days or weekdays.
 */
public class WatchlistDbCaches {

    private final JdbcClient jdbc;
    private final TradingCalendar calendar;

    public WatchlistDbCaches(JdbcClient jdbc, TradingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Entries of {@code codes} whose first snapshot is within {@code lookbackDays} calendar days of {@code today}. */
    public Map<String, EntryInfo> entries(Collection<String> codes, LocalDate today, int lookbackDays) {
        Map<String, EntryInfo> out = new HashMap<>();
        for (String code : codes) {
            List<LocalDate> first = jdbc.sql("SELECT MIN(SNAPSHOT_DATE) FROM WATCHLIST_HISTORY WHERE STOCK_CODE = ? "
                            + "AND SNAPSHOT_DATE >= ?")
                    .params(code, today.minusDays(lookbackDays))
                    .query((rs, i) -> rs.getObject(1, LocalDate.class)).list();
            LocalDate entryDate = first.isEmpty() ? null : first.get(0);
            if (entryDate == null) {
                continue;
            }
            List<BigDecimal> close = jdbc.sql("SELECT CLOSE_PRICE FROM STOCK_DAILY_PRICES_3Y WHERE STOCK_CODE = ? "
                            + "AND PRICE_DATE = ?")
                    .params(code, entryDate).query((rs, i) -> rs.getBigDecimal(1)).list();
            Double price = close.isEmpty() || close.get(0) == null || close.get(0).signum() <= 0 ? null
                    : close.get(0).doubleValue();
            out.put(code, new EntryInfo(entryDate, price, tradingDaysBetween(entryDate, today)));
        }
        return out;
    }

    /** Foreign net buying of each code, latest 30 rows, oldest first. */
    public Map<String, List<Double>> foreignNetBuys(Collection<String> codes) {
        Map<String, List<Double>> out = new HashMap<>();
        for (String code : codes) {
            List<Double> rows = new ArrayList<>(jdbc.sql("SELECT FOREIGN_NET_BUY FROM STOCK_INVESTOR_TRADING "
                            + "WHERE STOCK_CODE = ? ORDER BY TRADE_DATE DESC LIMIT 30")
                    .param(code)
                    .query((rs, i) -> {
                        BigDecimal v = rs.getBigDecimal(1);
                        return v == null ? 0.0 : v.doubleValue();
                    }).list());
            Collections.reverse(rows);
            if (!rows.isEmpty()) {
                out.put(code, List.copyOf(rows));
            }
        }
        return out;
    }

    /** Trading days after {@code from} up to and including {@code to}; 0 when equal or {@code from} is later. */
    int tradingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        LocalDate d = from;
        while (d.isBefore(to)) {
            d = calendar.nextTradingDay(d);
            if (!d.isAfter(to)) {
                days++;
            }
        }
        return days;
    }
}
