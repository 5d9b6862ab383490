package com.primejennie.kissim.accounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A brokerage account as KIS reports it: cash that settles T+2 (so {@code dnca_tot_amt}, the deposit, moves only on
 * settlement while {@code prvs_rcdl_excc_amt}, the D+2 cash, moves at once), cash reserved by open buy orders,
 * holdings, and today's bought/sold amounts and fees. Guarded by the market lock.
 */
public final class Account {

    /** A cash movement from a fill, effective on {@code settles}. */
    public record CashFlow(LocalDate settles, long amount) {
    }

    private final String cano;
    private final String productCode;
    private long settledCash;
    private final List<CashFlow> flows = new ArrayList<>();
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    private long reservedCash;
    private long todayBuyAmount;
    private long todaySellAmount;
    private long todayFees;

    public Account(String cano, String productCode, long cash) {
        this.cano = cano;
        this.productCode = productCode;
        this.settledCash = cash;
    }

    public String cano() { return cano; }
    public String productCode() { return productCode; }
    public long reservedCash() { return reservedCash; }
    public long todayBuyAmount() { return todayBuyAmount; }
    public long todaySellAmount() { return todaySellAmount; }
    public long todayFees() { return todayFees; }

    /** The deposit as of {@code day}: flows settled on or before it. */
    public long cashSettledBy(LocalDate day) {
        long c = settledCash;
        for (CashFlow f : flows) {
            if (!f.settles().isAfter(day)) c += f.amount();
        }
        return c;
    }

    /** Cash once everything settles (D+2). */
    public long cashAfterSettlement() {
        return settledCash + flows.stream().mapToLong(CashFlow::amount).sum();
    }

    /** Cash a new buy order may use. */
    public long orderableCash() {
        return cashAfterSettlement() - reservedCash;
    }

    public Collection<Holding> holdings() {
        return holdings.values();
    }

    public Holding holding(String code) {
        return holdings.get(code);
    }

    public Holding holdingOrNew(String code, String name) {
        return holdings.computeIfAbsent(code, c -> new Holding(c, name));
    }

    public void setCash(long cash) {
        settledCash = cash;
        flows.clear();
    }

    public void setHolding(String code, String name, long qty, long avgPrice) {
        if (qty <= 0) {
            holdings.remove(code);
        } else {
            holdingOrNew(code, name).set(qty, avgPrice);
        }
    }

    public void reserveCash(long amount) {
        reservedCash += amount;
    }

    public void releaseCash(long amount) {
        reservedCash = Math.max(0, reservedCash - amount);
    }

    public void bought(String code, String name, long qty, long price, long fee, LocalDate settles) {
        holdingOrNew(code, name).bought(qty, price);
        flows.add(new CashFlow(settles, -(qty * price + fee)));
        todayBuyAmount += qty * price;
        todayFees += fee;
    }

    public void sold(String code, long qty, long price, long fees, LocalDate settles) {
        Holding h = holdings.get(code);
        h.sold(qty);
        flows.add(new CashFlow(settles, qty * price - fees));
        todaySellAmount += qty * price;
        todayFees += fees;
    }

    /** A new trading day: today's counters restart, settled flows fold into the deposit, empty positions go. */
    public void newDay(LocalDate day) {
        todayBuyAmount = 0;
        todaySellAmount = 0;
        todayFees = 0;
        holdings.values().forEach(Holding::newDay);
        holdings.values().removeIf(h -> h.quantity() == 0);
        List<CashFlow> due = flows.stream().filter(f -> !f.settles().isAfter(day)).toList();
        due.forEach(f -> settledCash += f.amount());
        flows.removeAll(due);
    }
}
