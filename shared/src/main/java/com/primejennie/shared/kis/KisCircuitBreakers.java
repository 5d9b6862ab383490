package com.primejennie.shared.kis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.Notifier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Builds the process's circuit breaker around KIS (resilience4j) from {@link KisProperties.Breaker}, on the market
 * clock, and reports every state change to the operator. Which outcomes count as failures is decided by
 * {@link KisTransport} (transport and server errors only).
 */
public final class KisCircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(KisCircuitBreakers.class);

    private KisCircuitBreakers() {
    }

    public static CircuitBreaker create(String name, KisProperties.Breaker settings, MarketClock clock,
                                        Notifier notifier) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedInHalfOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock.asClock())
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(name, config);
        breaker.getEventPublisher().onStateTransition(event -> {
            String text = "KIS circuit breaker " + name + ": " + event.getStateTransition().getFromState() + " -> "
                    + event.getStateTransition().getToState();
            log.warn(text);
            notifier.send(text);
        });
        return breaker;
    }
}
