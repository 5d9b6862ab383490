package com.primejennie.shared.broker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the broker's settlement of unknown submits, defaults in one place.
 *
 * @param settlementSlack how far before the submit and after the settlement an order in KIS's list may be time-stamped
 *                        and still count as this submit (clock skew between us and KIS)
 * @param settleDelay     wait before asking KIS for today's orders, so an order just taken is listed
 * @param inFlightGrace   a submit younger than this that has no outcome yet is taken as still in flight elsewhere
 * @param intentTtl       how long intents are kept in Redis
 */
@ConfigurationProperties("jennie.broker")
public record BrokerProperties(Duration settlementSlack, Duration settleDelay, Duration inFlightGrace,
                               Duration intentTtl) {

    public BrokerProperties {
        settlementSlack = settlementSlack == null ? Duration.ofSeconds(10) : settlementSlack;
        settleDelay = settleDelay == null ? Duration.ofSeconds(1) : settleDelay;
        inFlightGrace = inFlightGrace == null ? Duration.ofSeconds(30) : inFlightGrace;
        intentTtl = intentTtl == null ? Duration.ofDays(3) : intentTtl;
    }

    public static BrokerProperties defaults() {
        return new BrokerProperties(null, null, null, null);
    }
}
