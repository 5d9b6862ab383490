package com.primejennie.shared.trading;

import java.time.Duration;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.testing.DisposableRedis;

import io.lettuce.core.ClientOptions;

/** A {@link StringRedisTemplate} on a {@link DisposableRedis} that fails fast while that server is stopped. */
final class TestRedis implements AutoCloseable {

    final DisposableRedis server = DisposableRedis.start();
    final LettuceConnectionFactory factory;
    final StringRedisTemplate template;

    TestRedis() {
        var config = new RedisStandaloneConfiguration("127.0.0.1", server.port());
        var client = LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500))
                .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .build();
        factory = new LettuceConnectionFactory(config, client);
        factory.afterPropertiesSet();
        factory.start();
        template = new StringRedisTemplate(factory);
    }

    /** Starts the server if an outage test stopped it and waits until the client has reconnected. */
    void ensureUp() {
        server.startAgain();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                template.hasKey("ping");
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        factory.destroy();
        server.close();
    }
}
