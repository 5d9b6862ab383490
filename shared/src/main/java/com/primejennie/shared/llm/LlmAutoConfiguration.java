package com.primejennie.shared.llm;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.shared.market.MarketClock;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every app an {@link LlmClient} and an {@link EmbeddingClient} configured from {@code jennie.llm.*} (and the
 * Python variables bound in {@code jennie-defaults.properties}), recording usage in Redis and Micrometer.
 * HTTP connections are opened on first use, so an app starts even when vLLM is down.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(LlmProperties.class)
public class LlmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LlmUsageRecorder llmUsageRecorder(ObjectProvider<StringRedisTemplate> redis, ObjectProvider<MarketClock> clock,
                                      ObjectProvider<MeterRegistry> meters) {
        List<LlmUsageRecorder> recorders = new ArrayList<>();
        redis.ifAvailable(template -> recorders.add(
                new RedisUsageStore(template, clock.getIfAvailable(() -> java.time.Instant::now))));
        meters.ifAvailable(registry -> recorders.add(new MicrometerUsageMetrics(registry)));
        return usage -> recorders.forEach(recorder -> recorder.record(usage));
    }

    @Bean
    @ConditionalOnMissingBean(LlmClient.class)
    TieredLlmClient llmClient(LlmProperties properties, LlmUsageRecorder usage, ObjectProvider<JsonMapper> mapper) {
        return new TieredLlmClient(properties, usage, mapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean
    EmbeddingClient embeddingClient(LlmProperties properties, LlmUsageRecorder usage,
                                    ObjectProvider<JsonMapper> mapper) {
        return new EmbeddingClient(properties, usage, mapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }
}
