package com.primejennie.kissim.websocket;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;

import com.primejennie.kissim.market.PriceMath;
import com.primejennie.kissim.market.Ticks;
import com.primejennie.kissim.market.Trade;
import com.primejennie.kissim.orders.OrderEvent;
import com.primejennie.kissim.orders.OrderView;
import com.primejennie.kissim.rest.Fields;

/**
 * KIS's real-time record layouts: a trade as the 46 {@code ^}-separated fields of H0STCNT0 (index 2 price, 8 the
 * day's high, 12 this trade's volume, 13 the cumulative volume) and a fill notice as the 26 fields of H0STCNI0, and
 * the data frame {@code flag|tr_id|count|records} carrying several records at once.
 */
public final class TradeRecords {

    public static final int TRADE_FIELDS = 46;
    public static final int NOTICE_FIELDS = 26;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HHmmss");

    private TradeRecords() {
    }

    /** {@code 0|tr_id|NNN|r1^r2^...}: all records' fields joined by {@code ^}. */
    public static String frame(boolean encrypted, String trId, List<String> records) {
        return (encrypted ? "1" : "0") + "|" + trId + "|" + String.format("%03d", records.size()) + "|"
                + String.join("^", records);
    }

    public static String trade(Trade t) {
        long tick = Ticks.tickFor(t.price());
        long ask = t.buyInitiated() ? t.price() : t.price() + tick;
        long bid = t.buyInitiated() ? t.price() - tick : t.price();
        double strength = t.sellVolume() == 0 ? 100.0 * Math.max(1, t.buyVolume()) / 1
                : t.buyVolume() * 100.0 / t.sellVolume();
        StringJoiner j = new StringJoiner("^");
        j.add(t.code()).add(hour(t.time())).add(str(t.price())).add(t.changeSign()).add(str(t.change()))
                .add(PriceMath.fmt2(t.changeRate()))
                .add(Fields.dec(t.cumVolume() == 0 ? t.price() : (double) t.cumValue() / t.cumVolume(), 2))
                .add(str(t.open())).add(str(t.high())).add(str(t.low())).add(str(ask)).add(str(bid))
                .add(str(t.volume())).add(str(t.cumVolume())).add(str(t.cumValue()))
                .add(str(t.sellCount())).add(str(t.buyCount())).add(str(t.buyCount() - t.sellCount()))
                .add(Fields.dec(Math.min(strength, 9999.99), 2))
                .add(str(t.sellVolume())).add(str(t.buyVolume())).add(t.buyInitiated() ? "1" : "5")
                .add(Fields.dec(t.cumVolume() == 0 ? 0 : t.buyVolume() * 100.0 / t.cumVolume(), 2))
                .add(Fields.dec(t.prevDayVolume() == 0 ? 0 : t.cumVolume() * 100.0 / t.prevDayVolume(), 2))
                .add(hour(t.openTime())).add(PriceMath.sign(t.price(), t.open()).replace('1', '2').replace('4', '5'))
                .add(str(t.price() - t.open()))
                .add(hour(t.highTime())).add(PriceMath.sign(t.price(), t.high()).replace('1', '2').replace('4', '5'))
                .add(str(t.price() - t.high()))
                .add(hour(t.lowTime())).add(PriceMath.sign(t.price(), t.low()).replace('1', '2').replace('4', '5'))
                .add(str(t.price() - t.low()))
                .add(Fields.date(t.date())).add("20").add("N")
                .add(str(1000 + t.volume() % 997)).add(str(1000 + t.cumVolume() % 991))
                .add(str(100_000 + t.cumVolume() % 99_991)).add(str(100_000 + t.cumValue() % 99_989))
                .add(Fields.dec(0, 2)).add(str(t.prevDayVolume() / 2)).add(Fields.dec(0, 2))
                .add("0").add("").add(str(t.open()));
        return j.toString();
    }

    /** A fill notice: accepted (CNTG_YN 1), filled (CNTG_YN 2) or cancelled (RCTF_CLS 2). */
    public static String notice(OrderEvent e, String htsId, String productCode) {
        OrderView o = e.order();
        boolean fill = e.kind() == OrderEvent.Kind.FILLED;
        boolean cancel = e.kind() == OrderEvent.Kind.CANCELLED;
        long qty = fill || cancel ? e.quantity() : o.quantity();
        long price = fill ? e.price() : o.price();
        StringJoiner j = new StringJoiner("^");
        j.add(htsId).add(o.cano() + productCode).add(o.odno()).add(o.originalOdno()).add(o.side().code())
                .add(cancel ? "2" : "0").add(o.type().code()).add("0").add(o.code()).add(str(qty)).add(str(price))
                .add(hour(e.time())).add(e.kind() == OrderEvent.Kind.REJECTED ? "1" : "0").add(fill ? "2" : "1")
                .add(cancel ? "2" : "1").add("91252").add(str(o.quantity())).add("제니").add("").add("1").add("Y")
                .add("").add("10").add("").add(o.name()).add(str(o.price()));
        return j.toString();
    }

    private static String hour(LocalTime t) {
        return t == null ? "" : t.format(HOUR);
    }

    private static String str(long v) {
        return Long.toString(v);
    }
}
