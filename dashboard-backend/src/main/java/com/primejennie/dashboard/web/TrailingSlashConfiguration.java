package com.primejennie.dashboard.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * {@code /api/config/} and {@code /api/config} (and every other API path) answer the same: the old front end called
 * some paths without the slash FastAPI declared and relied on its redirect. The slash is dropped before security and
 * the handlers see the request, so no redirect is needed.
 */
@Configuration(proxyBeanMethods = false)
public class TrailingSlashConfiguration {

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        FilterRegistrationBean<UrlHandlerFilter> bean = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
