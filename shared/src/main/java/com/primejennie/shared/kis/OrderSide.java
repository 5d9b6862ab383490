package com.primejennie.shared.kis;

/** Buy or sell, with KIS's {@code sll_buy_dvsn_cd} code (01 sell, 02 buy). */
public enum OrderSide {
    BUY("02"), SELL("01");

    private final String kisCode;

    OrderSide(String kisCode) {
        this.kisCode = kisCode;
    }

    public String kisCode() {
        return kisCode;
    }

    /** From {@code sll_buy_dvsn_cd}. */
    public static OrderSide fromKisCode(String code) {
        return switch (code == null ? "" : code.trim()) {
            case "01" -> SELL;
            case "02" -> BUY;
            default -> throw new IllegalArgumentException("unknown sll_buy_dvsn_cd '" + code + "'");
        };
    }
}
