package com.primejennie.shared.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What every app gets from {@code shared} without asking: the dependency watch that turns an outage of Redis or
 * MariaDB into one clear log line instead of a crash loop.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
public class SharedInfrastructureAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "jennie.dependency-watch.enabled", havingValue = "true", matchIfMissing = true)
    DependencyWatch dependencyWatch(ObjectProvider<RedisConnectionFactory> redis, ObjectProvider<DataSource> dataSource,
                                    Environment environment) {
        List<DependencyProbe> probes = new ArrayList<>();
        redis.ifAvailable(factory -> probes.add(
                new RedisProbe(factory, DatabaseProbe.mask(environment.getProperty("spring.data.redis.url")))));
        dataSource.ifAvailable(ds -> probes.add(
                new DatabaseProbe(ds, DatabaseProbe.mask(environment.getProperty("spring.datasource.url")))));
        Duration interval = environment.getProperty("jennie.dependency-watch.interval", Duration.class,
                Duration.ofSeconds(5));
        return new DependencyWatch(probes, interval);
    }
}
