package com.primejennie.scoutjob.data;

import com.primejennie.shared.kis.KisClient;

/**
 * The KIS clients of the data jobs: {@code account} (the trading mode's own key: balance, daily charts) and
 * {@code quotations} for the read-only market data KIS serves only to real accounts (rankings, financials, the index
 * chart). In paper mode {@code quotations} is the real app key's client when one is configured; otherwise it is the
 * paper client and {@link #paperOnly} tells the jobs that KIS may refuse those operations, which the run then reports.
 */
public record QuotationSource(KisClient account, KisClient quotations, boolean paperOnly) {

    /** One client for everything (real mode, or kis-sim). */
    public static QuotationSource single(KisClient client) {
        return new QuotationSource(client, client, false);
    }
}
