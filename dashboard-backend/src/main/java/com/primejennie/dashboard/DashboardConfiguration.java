package com.primejennie.dashboard;

import java.net.http.HttpClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/** The few beans every feature package shares: properties, one JDBC client, one HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardConfiguration {

    @Bean
    JdbcClient dashboardJdbc(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    HttpClient dashboardHttpClient(DashboardProperties properties) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.httpTimeout()).build();
    }
}
