package com.primejennie.shared.orders;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the order service ({@code jennie.orders.*}), defaults in one place (the compact constructor).
 *
 * @param enabled            the order service beans (and the Broker) exist only when true: buy-executor,
 *                           sell-executor and command-handler turn it on
 * @param settleWindow       how long today's orders are checked after a lost answer before a buy is left UNKNOWN
 *                           (and a sell may be sent again); longer than the read timeout plus KIS's listing lag
 * @param settleChecks       how many times today's orders are read over that window
 * @param lease              how long the owner of an intent may act on it (real time); touched just before the HTTP
 *                           write, so longer than the worst-case send (rate-budget wait + connect + read timeout)
 * @param settlementSlack    how far before the submit and after the check an order in KIS's list may be time-stamped
 *                           and still be this submit (clock skew)
 * @param defaultLimitTimeout how long a limit order rests (market time) before its unfilled rest is cancelled
 * @param lateFillWindow     how long (real time) a cancelled order is still watched for fills that arrive late
 * @param settlerInterval    pause between two rounds of the background settler
 * @param reconcileInterval  pause between two reconciliations while the market is open
 * @param unmanagedCodes     holdings the user keeps outside the suite: reconciliation ignores them
 * @param retention          how long a final order stays in Redis (the ledger keeps it for ever)
 */
@ConfigurationProperties("jennie.orders")
public record OrderProperties(boolean enabled, Duration settleWindow, int settleChecks, Duration lease,
                              Duration settlementSlack, Duration defaultLimitTimeout, Duration lateFillWindow,
                              Duration settlerInterval, Duration reconcileInterval, List<String> unmanagedCodes,
                              Duration retention) {

    public OrderProperties {
        settleWindow = orDefault(settleWindow, Duration.ofSeconds(20));
        settleChecks = settleChecks <= 0 ? 4 : settleChecks;
        lease = orDefault(lease, Duration.ofSeconds(60));
        settlementSlack = orDefault(settlementSlack, Duration.ofSeconds(10));
        defaultLimitTimeout = orDefault(defaultLimitTimeout, Duration.ofMinutes(5));
        lateFillWindow = orDefault(lateFillWindow, Duration.ofSeconds(60));
        settlerInterval = orDefault(settlerInterval, Duration.ofSeconds(2));
        reconcileInterval = orDefault(reconcileInterval, Duration.ofMinutes(3));
        unmanagedCodes = unmanagedCodes == null ? List.of()
                : unmanagedCodes.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        retention = orDefault(retention, Duration.ofDays(7));
    }

    /**
     * How long after its last {@code submit} or {@code awaitFinal} step an order still counts as watched by the
     * handler that placed it (which then sends the fill message itself): two leases, longer than a submit can take.
     */
    public Duration watchHorizon() {
        return lease.multipliedBy(2);
    }

    public static OrderProperties defaults() {
        return new OrderProperties(true, null, 0, null, null, null, null, null, null, null, null);
    }

    /** This copy with a shorter settlement window and check count (tests). */
    public OrderProperties withSettlement(Duration window, int checks) {
        return new OrderProperties(enabled, window, checks, lease, settlementSlack, defaultLimitTimeout,
                lateFillWindow, settlerInterval, reconcileInterval, unmanagedCodes, retention);
    }

    /** This copy with other unmanaged codes. */
    public OrderProperties withUnmanagedCodes(List<String> codes) {
        return new OrderProperties(enabled, settleWindow, settleChecks, lease, settlementSlack, defaultLimitTimeout,
                lateFillWindow, settlerInterval, reconcileInterval, codes, retention);
    }

    /** This copy with another lease. */
    public OrderProperties withLease(Duration newLease) {
        return new OrderProperties(enabled, settleWindow, settleChecks, newLease, settlementSlack,
                defaultLimitTimeout, lateFillWindow, settlerInterval, reconcileInterval, unmanagedCodes, retention);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
