package com.primejennie.shared.kis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared budget, judged on the limiter's own clock (Redis TIME): in no one-second window are more calls admitted
 * than the budget, however many threads and limiter instances (processes) compete. No wall-time assertions.
 */
class RedisSlidingWindowRateLimiterTest {

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
    void manyThreadsOnTwoLimiterInstancesNeverExceedTheBudgetInAnyOneSecondWindow() throws Exception {
        int budget = 10;
        List<RedisSlidingWindowRateLimiter> processes = List.of(
                new RedisSlidingWindowRateLimiter(kit.redis(), "kis:ratelimit:test", budget, Duration.ofSeconds(30)),
                new RedisSlidingWindowRateLimiter(kit.redis(), "kis:ratelimit:test", budget, Duration.ofSeconds(30)));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            RedisSlidingWindowRateLimiter limiter = processes.get(t % 2);
            futures.add(pool.submit(() -> {
                start.await();
                List<Long> admitted = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    admitted.add(limiter.acquire().atMicros());
                }
                return admitted;
            }));
        }
        start.countDown();
        List<Long> admissions = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            admissions.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Collections.sort(admissions);
        assertThat(admissions).hasSize(36);
        assertThat(maxInAnyWindow(admissions, 1_000_000L)).isEqualTo(budget);
    }

    @Test
    void refusesWithTheTimeUntilASlotFreesWhenTheBudgetIsFull() {
        var limiter = new RedisSlidingWindowRateLimiter(kit.redis(), "kis:ratelimit:full", 2, Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire().admitted()).isTrue();
        assertThat(limiter.tryAcquire().admitted()).isTrue();

        var refused = limiter.tryAcquire();

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryInMicros()).isBetween(1L, 1_000_000L);
    }

    @Test
    void failsClosedWhenRedisIsUnreachable() {
        var dead = new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory(
                new org.springframework.data.redis.connection.RedisStandaloneConfiguration("127.0.0.1", 1));
        dead.afterPropertiesSet();
        try {
            var template = new org.springframework.data.redis.core.StringRedisTemplate(dead);
            template.afterPropertiesSet();
            var limiter = new RedisSlidingWindowRateLimiter(template, "kis:ratelimit:dead", 19, Duration.ofSeconds(1));

            org.assertj.core.api.Assertions.assertThatThrownBy(limiter::acquire)
                    .isInstanceOfSatisfying(KisException.class,
                            e -> assertThat(e.kind()).isEqualTo(KisErrorKind.NOT_SENT));
        } finally {
            dead.destroy();
        }
    }

    static int maxInAnyWindow(List<Long> sortedMicros, long window) {
        int max = 0;
        int lo = 0;
        for (int hi = 0; hi < sortedMicros.size(); hi++) {
            while (sortedMicros.get(hi) - sortedMicros.get(lo) >= window) {
                lo++;
            }
            max = Math.max(max, hi - lo + 1);
        }
        return max;
    }
}
