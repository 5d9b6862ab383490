package com.primejennie.shared.kis;

/**
 * Every KIS REST operation the suite uses, with its method, path and default tr_ids for the real and the paper
 * server (KIS's current examples, {@code fixtures/kis/api.json}). A tr_id can be overridden per environment in
 * configuration ({@code jennie.kis.real.tr-ids.BUY=...}) when KIS renames one again.
 */
public enum KisOperation {
    TOKEN("POST", "/oauth2/tokenP", null, null, Kind.AUTH),
    APPROVAL_KEY("POST", "/oauth2/Approval", null, null, Kind.AUTH),
    CURRENT_PRICE("GET", "/uapi/domestic-stock/v1/quotations/inquire-price", "FHKST01010100", "FHKST01010100", Kind.READ),
    DAILY_CHART("GET", "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice", "FHKST03010100",
            "FHKST03010100", Kind.READ),
    MINUTE_CHART("GET", "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice", "FHKST03010200",
            "FHKST03010200", Kind.READ),
    DAILY_PRICE("GET", "/uapi/domestic-stock/v1/quotations/inquire-daily-price", "FHKST01010400", "FHKST01010400",
            Kind.READ),
    INVESTOR_FLOW("GET", "/uapi/domestic-stock/v1/quotations/inquire-investor", "FHKST01010900", "FHKST01010900",
            Kind.READ),
    MARKET_CAP_RANK("GET", "/uapi/domestic-stock/v1/ranking/market-cap", "FHPST01740000", "FHPST01740000",
            Kind.READ),
    VOLUME_RANK("GET", "/uapi/domestic-stock/v1/quotations/volume-rank", "FHPST01710000", "FHPST01710000", Kind.READ),
    FOREIGN_INSTITUTION_TOTAL("GET", "/uapi/domestic-stock/v1/quotations/foreign-institution-total", "FHPTJ04400000",
            "FHPTJ04400000", Kind.READ),
    INDEX_DAILY_CHART("GET", "/uapi/domestic-stock/v1/quotations/inquire-daily-indexchartprice", "FHKUP03500100",
            "FHKUP03500100", Kind.READ),
    FINANCIAL_RATIO("GET", "/uapi/domestic-stock/v1/finance/financial-ratio", "FHKST66430300", "FHKST66430300",
            Kind.READ),
    GROWTH_RATIO("GET", "/uapi/domestic-stock/v1/finance/growth-ratio", "FHKST66430800", "FHKST66430800", Kind.READ),
    INCOME_STATEMENT("GET", "/uapi/domestic-stock/v1/finance/income-statement", "FHKST66430200", "FHKST66430200",
            Kind.READ),
    BALANCE("GET", "/uapi/domestic-stock/v1/trading/inquire-balance", "TTTC8434R", "VTTC8434R", Kind.READ),
    ORDERABLE_CASH("GET", "/uapi/domestic-stock/v1/trading/inquire-psbl-order", "TTTC8908R", "VTTC8908R", Kind.READ),
    BUY("POST", "/uapi/domestic-stock/v1/trading/order-cash", "TTTC0012U", "VTTC0012U", Kind.ORDER),
    SELL("POST", "/uapi/domestic-stock/v1/trading/order-cash", "TTTC0011U", "VTTC0011U", Kind.ORDER),
    CANCEL("POST", "/uapi/domestic-stock/v1/trading/order-rvsecncl", "TTTC0013U", "VTTC0013U", Kind.ORDER),
    DAILY_ORDERS("GET", "/uapi/domestic-stock/v1/trading/inquire-daily-ccld", "TTTC0081R", "VTTC0081R", Kind.READ);

    /** How a failed call may be repeated: reads are retried, orders never blindly, auth calls have their own rules. */
    public enum Kind { READ, ORDER, AUTH }

    private final String method;
    private final String path;
    private final String realTrId;
    private final String paperTrId;
    private final Kind kind;

    KisOperation(String method, String path, String realTrId, String paperTrId, Kind kind) {
        this.method = method;
        this.path = path;
        this.realTrId = realTrId;
        this.paperTrId = paperTrId;
        this.kind = kind;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** The tr_id KIS's current examples use on {@code mode}'s server; null for the OAuth calls. */
    public String defaultTrId(KisMode mode) {
        return mode == KisMode.REAL ? realTrId : paperTrId;
    }
}
