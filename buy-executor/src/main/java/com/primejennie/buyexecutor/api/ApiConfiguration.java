package com.primejennie.buyexecutor.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the internal-token check in front of every endpoint but health. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(
            @Value("${jennie.internal-token:}") String token) {
        FilterRegistrationBean<InternalTokenFilter> bean = new FilterRegistrationBean<>(new InternalTokenFilter(token));
        bean.addUrlPatterns("/*");
        bean.setOrder(0);
        return bean;
    }
}
