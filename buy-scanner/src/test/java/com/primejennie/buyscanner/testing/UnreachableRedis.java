package com.primejennie.buyscanner.testing;

import java.time.Duration;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A Redis template whose server does not exist (port 1 refuses), for fail-closed tests; close it after use. */
public final class UnreachableRedis implements AutoCloseable {

    private final LettuceConnectionFactory factory;
    public final StringRedisTemplate redis;

    public UnreachableRedis() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
