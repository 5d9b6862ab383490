package com.primejennie.shared.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.ConfigRepository;

/**
 * {@link RuntimeSettings} over the {@code CONFIG} table and the Spring environment (which holds the process
 * environment and the secrets file as {@code secrets.<id>}). A service adds its own keys as {@code SettingKey} beans.
 */
@ConditionalOnBean(ConfigRepository.class)
public class SettingsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SettingsRegistry settingsRegistry(ObjectProvider<SettingKey<?>> extraKeys) {
        List<SettingKey<?>> keys = new ArrayList<>(SettingKeys.all());
        extraKeys.orderedStream().forEach(keys::add);
        return new SettingsRegistry(keys);
    }

    @Bean
    @ConditionalOnMissingBean
    RuntimeSettings runtimeSettings(SettingsRegistry registry, ConfigRepository config, Environment environment,
                                    ObjectProvider<MarketClock> clock) {
        Duration ttl = environment.getProperty("jennie.settings.cache-ttl", Duration.class,
                RuntimeSettings.DEFAULT_CACHE_TTL);
        MarketClock marketClock = clock.getIfAvailable(() -> Instant::now);
        return new RuntimeSettings(registry, config::findValue, environment::getProperty, marketClock, ttl);
    }
}
