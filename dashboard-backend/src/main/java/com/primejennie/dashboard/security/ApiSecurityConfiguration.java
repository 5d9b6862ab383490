package com.primejennie.dashboard.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.primejennie.dashboard.DashboardProperties;

/**
 * Security of the API paths only ({@code /api/**}, {@code /ws}, the OpenAPI document and UI, actuator): stateless
 * bearer JWT. Health stays open, and so does {@code POST /api/auth/login}; everything else needs a token unless
 * {@code DASHBOARD_AUTH=proxy} says an authenticating reverse proxy stands in front (then data paths are open, as in
 * the Python deployment, and the start log says so). The web console adds its own chain for its pages.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    /** The paths this chain owns. */
    public static final String[] API_PATHS = {"/api/**", "/ws", "/ws/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/actuator", "/actuator/**", "/health"};

    @Bean
    OperatorCredentials operatorCredentials(DashboardProperties properties) {
        return new OperatorCredentials(properties.auth());
    }

    @Bean
    JwtTokens jwtTokens(DashboardProperties properties) {
        return new JwtTokens(properties.auth().jwtSecret(), properties.auth().tokenTtl(), Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, DashboardProperties properties, JwtTokens tokens)
            throws Exception {
        boolean proxy = properties.auth().proxy();
        if (proxy) {
            log.warn("DASHBOARD_AUTH=proxy: the API trusts an authenticating reverse proxy in front of it; data "
                    + "endpoints and /ws answer without a token (only /api/auth/me and /refresh need one)");
        } else {
            log.info("DASHBOARD_AUTH=token: every API call and /ws needs a bearer token from POST /api/auth/login");
        }
        http.securityMatcher(API_PATHS)
                .csrf(c -> c.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/health", "/actuator/health", "/actuator/health/**").permitAll();
                    a.requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll();
                    a.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    a.requestMatchers("/api/auth/**").authenticated();
                    if (proxy) {
                        a.anyRequest().permitAll();
                    } else {
                        a.anyRequest().authenticated();
                    }
                })
                .oauth2ResourceServer(o -> o.bearerTokenResolver(new QueryParameterTokenResolver())
                        .authenticationEntryPoint(unauthorized())
                        .jwt(j -> j.decoder(tokens.decoder())))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()));
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(DashboardProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** 401 {@code {"detail": "Not authenticated" | "Invalid token" | "Token expired"}}. */
    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            String detail = "Not authenticated";
            String message = ex == null || ex.getMessage() == null ? "" : ex.getMessage();
            if (message.contains("expired")) {
                detail = "Token expired";
            } else if (!message.isEmpty() && !message.startsWith("Full authentication")) {
                detail = "Invalid token";
            }
            write(response, detail);
        };
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"detail\":\"" + detail + "\"}");
    }
}
