package com.primejennie.shared.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The last comparison of the broker's holdings with ACTIVE_PORTFOLIO, stored in Redis as JSON (see the README,
 * "Order lifecycle"). Any mismatch blocks new buys until it is adopted or a later check finds it gone; sells go on.
 *
 * @param checkedAt    when it was taken
 * @param mismatches   stocks whose quantities differ (empty when in agreement)
 * @param unmanaged    held codes ignored because the user keeps them outside the suite (setting)
 * @param inFlight     codes skipped because an order of ours on them is not final
 */
public record Reconciliation(Instant checkedAt, String tradingMode, String account, List<Mismatch> mismatches,
                             List<String> unmanaged, List<String> inFlight) {

    /** One stock where the broker and our portfolio disagree. */
    public record Mismatch(String code, String name, long brokerQuantity, long portfolioQuantity,
                           BigDecimal brokerAveragePrice) {
    }

    public boolean clean() {
        return mismatches.isEmpty();
    }
}
