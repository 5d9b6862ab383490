package com.primejennie.dashboard.console;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

import com.primejennie.dashboard.security.OperatorCredentials;

/**
 * Security of the web console's pages: form login issuing a session cookie, logout, CSRF on every form. The account
 * is the API's ({@link OperatorCredentials}: no built-in password, so without one every login is refused). Lower
 * precedence than the API's chain and limited to the console's own paths, so {@code /api/**} keeps its token rules.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    /** The paths this chain owns. */
    public static final String[] CONSOLE_PATHS = {"/", "/login", "/logout", "/console", "/console/**", "/webjars/**",
            "/error"};

    @Bean
    @Order(20)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, OperatorCredentials credentials)
            throws Exception {
        http.securityMatcher(CONSOLE_PATHS)
                .authenticationProvider(provider(credentials))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/console/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/console", true).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    static AuthenticationProvider provider(OperatorCredentials credentials) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                Object pass = authentication.getCredentials();
                if (!credentials.matches(user, pass == null ? null : pass.toString())) {
                    throw new BadCredentialsException("invalid operator credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(user, null,
                        List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
