package com.primejennie.kissim.orders;

/** Buy or sell, with KIS's sll_buy_dvsn_cd (01 sell, 02 buy). */
public enum Side {
    SELL("01", "현금매도"), BUY("02", "현금매수");

    private final String code;
    private final String kisName;

    Side(String code, String kisName) {
        this.code = code;
        this.kisName = kisName;
    }

    public String code() {
        return code;
    }

    public String kisName() {
        return kisName;
    }
}
