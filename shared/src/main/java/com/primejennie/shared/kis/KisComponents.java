package com.primejennie.shared.kis;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.Notifier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KIS client wired from its parts for one trading mode — what the auto-configuration, tests and tools all use,
 * so there is one way to assemble it. Two instances built on the same Redis share one token and one rate budget.
 */
public record KisComponents(KisMode mode, KisProperties properties, KisTokenProvider tokens,
                            RedisSlidingWindowRateLimiter limiter, CircuitBreaker breaker, KisTransport transport,
                            KisClient client, MarketClock clock, Notifier notifier) {

    public static KisComponents create(KisProperties properties, KisMode mode, StringRedisTemplate redis,
                                       JsonMapper json, MarketClock clock, Notifier notifier) {
        KisProperties.Server server = properties.server(mode);
        KisHttp http = new KisHttp(json, properties.connectTimeout(), properties.readTimeout());
        KisTokenProvider tokens = new KisTokenProvider(http, redis, clock, mode, server, properties.token());
        RedisSlidingWindowRateLimiter limiter = new RedisSlidingWindowRateLimiter(redis,
                KisTokenProvider.keyPrefix("kis:ratelimit", mode, server.appKey()), server.requestsPerSecond(),
                properties.rateLimitWindow(), properties.rateLimitMaxWait(),
                RedisSlidingWindowRateLimiter.defaultReserve(server.requestsPerSecond()));
        CircuitBreaker breaker = KisCircuitBreakers.create("kis-" + mode.name().toLowerCase(), properties.breaker(),
                clock, notifier);
        KisTransport transport = new KisTransport(http, mode, server, tokens, limiter, breaker,
                properties.readAttempts(), properties.readBackoff());
        KisClient client = new KisClient(transport, tokens, clock);
        return new KisComponents(mode, properties, tokens, limiter, breaker, transport, client, clock, notifier);
    }
}
