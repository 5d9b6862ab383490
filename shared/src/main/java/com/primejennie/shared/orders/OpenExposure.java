package com.primejennie.shared.orders;

import java.util.List;

/**
 * Buy orders not yet final, so the executor's daily count, duplicate checks, sector caps and cash floor see money
 * that is committed but not yet in ACTIVE_PORTFOLIO.
 *
 * @param openBuys          every buy in INTENDED, SENT, ACCEPTED, PARTIALLY_FILLED or UNKNOWN
 * @param openAmount        KRW still committed by them (unfilled quantity × limit or reference price)
 * @param buyOrdersToday    buy orders created today (market date), any state except REJECTED and DRY_RUN
 */
public record OpenExposure(List<OpenBuy> openBuys, long openAmount, int buyOrdersToday) {

    /** One open buy. */
    public record OpenBuy(String intentKey, String code, long quantity, long filledQuantity, long openAmount,
                          OrderState state) {
    }

    /** Whether a buy of {@code code} is in flight. */
    public boolean hasOpenBuy(String code) {
        return openBuys.stream().anyMatch(b -> b.code().equals(code));
    }
}
