package com.primejennie.kissim.orders;

import java.util.Arrays;
import java.util.Optional;

/** KIS ORD_DVSN codes the simulator supports: 00 limit (지정가), 01 market (시장가). */
public enum OrderType {
    LIMIT("00", "지정가"), MARKET("01", "시장가");

    private final String code;
    private final String kisName;

    OrderType(String code, String kisName) {
        this.code = code;
        this.kisName = kisName;
    }

    public String code() {
        return code;
    }

    public String kisName() {
        return kisName;
    }

    public static Optional<OrderType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
