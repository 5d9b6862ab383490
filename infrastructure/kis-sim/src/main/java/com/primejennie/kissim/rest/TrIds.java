package com.primejennie.kissim.rest;

import java.util.Map;
import java.util.Set;

/**
 * Which tr_id each KIS path accepts: the current generation (e.g. buy TTTC0012U) and the older Postman one
 * (TTTC0802U), real (T/C prefix) and paper (V prefix). A wrong tr_id is refused as KIS does, so a client sending
 * the sell tr_id to buy is caught here and not on the real exchange.
 */
public final class TrIds {

    public static final Set<String> BUY = Set.of("TTTC0012U", "VTTC0012U", "TTTC0802U", "VTTC0802U");
    public static final Set<String> SELL = Set.of("TTTC0011U", "VTTC0011U", "TTTC0801U", "VTTC0801U");

    private static final Map<String, Set<String>> BY_PATH = Map.ofEntries(
            Map.entry("/uapi/domestic-stock/v1/quotations/inquire-price", Set.of("FHKST01010100")),
            Map.entry("/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice", Set.of("FHKST03010100")),
            Map.entry("/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice", Set.of("FHKST03010200")),
            Map.entry("/uapi/domestic-stock/v1/quotations/inquire-daily-price", Set.of("FHKST01010400")),
            Map.entry("/uapi/domestic-stock/v1/quotations/inquire-investor", Set.of("FHKST01010900")),
            Map.entry("/uapi/domestic-stock/v1/ranking/market-cap", Set.of("FHPST01740000")),
            Map.entry("/uapi/domestic-stock/v1/quotations/volume-rank", Set.of("FHPST01710000")),
            Map.entry("/uapi/domestic-stock/v1/quotations/foreign-institution-total", Set.of("FHPTJ04400000")),
            Map.entry("/uapi/domestic-stock/v1/quotations/inquire-daily-indexchartprice", Set.of("FHKUP03500100")),
            Map.entry("/uapi/domestic-stock/v1/finance/financial-ratio", Set.of("FHKST66430300")),
            Map.entry("/uapi/domestic-stock/v1/finance/growth-ratio", Set.of("FHKST66430800")),
            Map.entry("/uapi/domestic-stock/v1/finance/income-statement", Set.of("FHKST66430200")),
            Map.entry("/uapi/domestic-stock/v1/trading/inquire-balance", Set.of("TTTC8434R", "VTTC8434R")),
            Map.entry("/uapi/domestic-stock/v1/trading/inquire-psbl-order", Set.of("TTTC8908R", "VTTC8908R")),
            Map.entry("/uapi/domestic-stock/v1/trading/order-cash",
                    Set.of("TTTC0012U", "VTTC0012U", "TTTC0802U", "VTTC0802U",
                            "TTTC0011U", "VTTC0011U", "TTTC0801U", "VTTC0801U")),
            Map.entry("/uapi/domestic-stock/v1/trading/order-rvsecncl",
                    Set.of("TTTC0013U", "VTTC0013U", "TTTC0803U", "VTTC0803U")),
            Map.entry("/uapi/domestic-stock/v1/trading/inquire-daily-ccld",
                    Set.of("TTTC0081R", "VTTC0081R", "CTSC9215R", "VTSC9215R",
                            "TTTC8001R", "VTTC8001R", "CTSC9115R", "VTSC9115R")));

    private TrIds() {
    }

    /** True when {@code trId} is one KIS accepts on {@code path}; paths not listed accept anything. */
    public static boolean accepts(String path, String trId) {
        Set<String> allowed = BY_PATH.get(path);
        return allowed == null || (trId != null && allowed.contains(trId));
    }

    /** Paper (모의투자) tr_ids start with V. */
    public static boolean paper(String trId) {
        return trId != null && trId.startsWith("V");
    }
}
