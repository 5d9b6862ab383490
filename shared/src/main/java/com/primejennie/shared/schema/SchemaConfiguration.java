package com.primejennie.shared.schema;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The background schema migrator and its {@code schema} health indicator, for every app with a DataSource. */
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "jennie.schema.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SchemaProperties.class)
public class SchemaConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaMigrator schemaMigrator(DataSource dataSource, SchemaProperties properties) {
        return new SchemaMigrator(dataSource, properties);
    }

    @Bean
    @ConditionalOnMissingBean(name = "schemaHealthIndicator")
    SchemaHealthIndicator schemaHealthIndicator(SchemaMigrator migrator) {
        return new SchemaHealthIndicator(migrator);
    }
}
