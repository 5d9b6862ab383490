package com.primejennie.shared.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.primejennie.shared.kis.KisTestKit;
import com.primejennie.shared.kis.RedisSlidingWindowRateLimiter;

/**
 * The priority lane of the shared KIS budget (real Redis): reads saturating the budget leave the reserved share to
 * orders, cancels and settlement reads, so chart paging never delays a stop-loss. Judged on admissions, not time.
 */
class OrderPriorityLaneTest {

    private KisTestKit kit;

    @BeforeEach
    void setUp() {
        kit = new KisTestKit();
        kit.clearKisKeys();
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void aSellIsAdmittedWhileReadsHaveSaturatedTheirShareOfTheBudget() {
        var limiter = new RedisSlidingWindowRateLimiter(kit.redis(), "kis:ratelimit:test:lane", 10,
                Duration.ofSeconds(5), Duration.ofMillis(100), 2);
        int reads = 0;
        while (limiter.tryAcquire(false).admitted()) {
            reads++;
        }

        assertThat(reads).isEqualTo(8);
        assertThat(limiter.tryAcquire(true).admitted()).as("a sell in the reserved share").isTrue();
        assertThat(limiter.tryAcquire(true).admitted()).isTrue();
        assertThat(limiter.tryAcquire(true).admitted()).as("the whole budget is never exceeded").isFalse();
    }

    @Test
    void theDefaultReserveIsAFifthAndNeverStarvesReads() {
        assertThat(RedisSlidingWindowRateLimiter.defaultReserve(19)).isEqualTo(3);
        assertThat(RedisSlidingWindowRateLimiter.defaultReserve(2)).isEqualTo(1);
        assertThat(RedisSlidingWindowRateLimiter.defaultReserve(1)).isZero();
    }
}
