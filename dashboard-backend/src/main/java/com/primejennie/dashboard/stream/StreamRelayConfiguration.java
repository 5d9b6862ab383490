package com.primejennie.dashboard.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import com.primejennie.dashboard.DashboardProperties;

/** The {@code /ws} endpoint and its subscription to {@code dashboard:stream}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class StreamRelayConfiguration implements WebSocketConfigurer {

    private final DashboardStreamRelay relay = new DashboardStreamRelay();
    private final DashboardProperties properties;

    public StreamRelayConfiguration(DashboardProperties properties) {
        this.properties = properties;
    }

    @Bean
    DashboardStreamRelay dashboardStreamRelay() {
        return relay;
    }

    @Bean
    RedisMessageListenerContainer dashboardStreamSubscription(RedisConnectionFactory connections) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(relay, new ChannelTopic(DashboardStreamRelay.CHANNEL));
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(relay, "/ws").setAllowedOrigins(properties.corsOrigins().toArray(String[]::new));
    }
}
