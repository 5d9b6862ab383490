package com.primejennie.kissim.orders;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One order (or the cancel of one) as the exchange tracks it: quantities ordered, filled and cancelled, the filled
 * amount, and the cash still reserved for it. Mutable, guarded by the market lock; {@link #snapshot()} for readers.
 */
public final class Order {

    private final String odno;
    private final String orgNo;
    private final String originalOdno;
    private final String cano;
    private final String code;
    private final String name;
    private final Side side;
    private final OrderType type;
    private final long quantity;
    private final long price;
    private final LocalDate date;
    private final LocalTime time;
    private final boolean cancel;
    private long filledQty;
    private long filledAmount;
    private long cancelledQty;
    private long reservedCash;
    private boolean expired;

    Order(String odno, String orgNo, String originalOdno, String cano, String code, String name, Side side,
          OrderType type, long quantity, long price, LocalDate date, LocalTime time, boolean cancel) {
        this.odno = odno;
        this.orgNo = orgNo;
        this.originalOdno = originalOdno;
        this.cano = cano;
        this.code = code;
        this.name = name;
        this.side = side;
        this.type = type;
        this.quantity = quantity;
        this.price = price;
        this.date = date;
        this.time = time;
        this.cancel = cancel;
    }

    public String odno() { return odno; }
    public String cano() { return cano; }
    public String code() { return code; }
    public Side side() { return side; }
    public OrderType type() { return type; }
    public long quantity() { return quantity; }
    public long price() { return price; }
    public LocalDate date() { return date; }
    public boolean cancel() { return cancel; }
    public long filledQty() { return filledQty; }

    /** Shares neither filled nor cancelled. */
    public long remaining() {
        return cancel ? 0 : quantity - filledQty - cancelledQty;
    }

    /** Still matching against trades. */
    public boolean working() {
        return !cancel && !expired && remaining() > 0;
    }

    long reservedCash() {
        return reservedCash;
    }

    void reserve(long cash) {
        reservedCash += cash;
    }

    long releaseAll() {
        long r = reservedCash;
        reservedCash = 0;
        return r;
    }

    long releasePart(long cash) {
        long r = Math.min(cash, reservedCash);
        reservedCash -= r;
        return r;
    }

    void filled(long qty, long px) {
        filledQty += qty;
        filledAmount += qty * px;
    }

    void cancelled(long qty) {
        cancelledQty += qty;
    }

    void expire() {
        expired = true;
    }

    public OrderView snapshot() {
        return new OrderView(odno, orgNo, originalOdno, cano, code, name, side, type, quantity, price, date, time,
                cancel, filledQty, filledAmount, cancelledQty, remaining(), expired);
    }
}
