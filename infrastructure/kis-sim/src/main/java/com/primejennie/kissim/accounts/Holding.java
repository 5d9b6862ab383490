package com.primejennie.kissim.accounts;

/**
 * A position in one stock: quantity, cost basis (without fees, as KIS's pchs_amt), today's bought and sold quantity,
 * and the quantity tied up in open sell orders (not orderable).
 */
public final class Holding {

    private final String code;
    private final String name;
    private long quantity;
    private long purchaseAmount;
    private long todayBuyQty;
    private long todaySellQty;
    private long reservedForSell;

    public Holding(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String code() { return code; }
    public String name() { return name; }
    public long quantity() { return quantity; }
    public long purchaseAmount() { return purchaseAmount; }
    public long todayBuyQty() { return todayBuyQty; }
    public long todaySellQty() { return todaySellQty; }
    public long reservedForSell() { return reservedForSell; }

    public long orderableQty() {
        return quantity - reservedForSell;
    }

    public double averagePrice() {
        return quantity == 0 ? 0 : (double) purchaseAmount / quantity;
    }

    void set(long qty, long avgPrice) {
        quantity = qty;
        purchaseAmount = qty * avgPrice;
        reservedForSell = Math.min(reservedForSell, qty);
    }

    void bought(long qty, long price) {
        quantity += qty;
        purchaseAmount += qty * price;
        todayBuyQty += qty;
    }

    void sold(long qty) {
        long basis = quantity == 0 ? 0 : Math.round((double) purchaseAmount * qty / quantity);
        quantity -= qty;
        purchaseAmount = quantity == 0 ? 0 : purchaseAmount - basis;
        todaySellQty += qty;
        reservedForSell = Math.max(0, reservedForSell - qty);
    }

    public void reserve(long qty) {
        reservedForSell += qty;
    }

    public void release(long qty) {
        reservedForSell = Math.max(0, reservedForSell - qty);
    }

    void newDay() {
        todayBuyQty = 0;
        todaySellQty = 0;
    }
}
