package com.primejennie.shared.persistence;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

import com.primejennie.shared.notify.NotifyConfiguration;
import com.primejennie.shared.schema.SchemaConfiguration;
import com.primejennie.shared.settings.SettingsConfiguration;

/**
 * What every app gets for its data: the background schema migrator, the repositories of the Python suite's tables,
 * runtime settings and the Telegram notifier. Each part backs off when the app defines its own bean.
 *
 * <p>The parts are plain (not {@code @Configuration}) classes imported here, so an app's component scan can never
 * pick one up early and evaluate its {@code @ConditionalOnBean} before the DataSource exists.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"})
@Import({SchemaConfiguration.class, RepositoryConfiguration.class, SettingsConfiguration.class,
        NotifyConfiguration.class})
public class CoreDataAutoConfiguration {
}
