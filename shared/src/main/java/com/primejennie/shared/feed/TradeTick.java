package com.primejennie.shared.feed;

import java.util.Objects;

/**
 * One trade from a KIS real-time trade record (H0STCNT0): the fields the suite uses, taken at their true indexes
 * (code 0, trade time 1, price 2, day high 8, per-trade volume {@code CNTG_VOL} 12, cumulative volume 13,
 * business date 33).
 *
 * @param code             stock code, e.g. {@code 005930}
 * @param time             trade time in KST as KIS sends it, {@code HHmmss}
 * @param price            trade price in KRW
 * @param high             the day's high in KRW
 * @param volume           shares in this trade ({@code CNTG_VOL})
 * @param cumulativeVolume shares traded today so far ({@code ACML_VOL})
 * @param businessDate     the KRX business date {@code yyyyMMdd}, blank when KIS left it out
 */
public record TradeTick(String code, String time, long price, long high, long volume, long cumulativeVolume,
                        String businessDate) {

    public TradeTick {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(time, "time");
        businessDate = businessDate == null ? "" : businessDate;
    }
}
