package com.primejennie.shared.messaging;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every app the messaging layer on the suite's Redis ({@code spring.data.redis.url}, bound from
 * {@code REDIS_URL}): {@link StreamMessaging} for publishers and workers, and the {@code streamWorkers} health
 * component. Workers themselves are made by the apps ({@code messaging.worker(...)}) and started as lifecycle beans.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnClass(RedisClient.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    StreamConnections streamConnections(Environment environment) {
        String url = environment.getProperty("spring.data.redis.url", "redis://127.0.0.1:6379");
        Duration timeout = environment.getProperty("spring.data.redis.timeout", Duration.class,
                Duration.ofSeconds(2));
        return StreamConnections.of(url, timeout);
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingMetrics messagingMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry r = registry.getIfAvailable();
        return r != null ? new MessagingMetrics(r) : MessagingMetrics.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    StreamMessaging streamMessaging(StreamConnections connections, MessagingProperties properties,
                                    MessagingMetrics metrics, ObjectProvider<JsonMapper> mapper,
                                    Environment environment) {
        String service = properties.serviceName() != null ? properties.serviceName()
                : environment.getProperty("spring.application.name");
        return new StreamMessaging(connections, properties,
                mapper.getIfAvailable(JsonPayloadCodec::defaultMapper), metrics,
                ConsumerNames.of(properties.consumerName(), service));
    }

    @Bean
    @ConditionalOnMissingBean(name = "streamWorkersHealthIndicator")
    StreamWorkersHealthIndicator streamWorkersHealthIndicator(StreamMessaging messaging) {
        return new StreamWorkersHealthIndicator(messaging);
    }
}
