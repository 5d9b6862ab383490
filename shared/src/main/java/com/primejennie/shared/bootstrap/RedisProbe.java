package com.primejennie.shared.bootstrap;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Checks Redis with a PING through the app's own connection factory. */
public record RedisProbe(RedisConnectionFactory connectionFactory, String target) implements DependencyProbe {

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public String problem() {
        try (RedisConnection connection = connectionFactory.getConnection()) {
            String pong = connection.ping();
            return "PONG".equalsIgnoreCase(pong) ? null : "unexpected PING answer " + pong;
        } catch (RuntimeException e) {
            return DatabaseProbe.rootMessage(e);
        }
    }
}
