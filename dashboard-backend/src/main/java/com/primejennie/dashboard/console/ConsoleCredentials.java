package com.primejennie.dashboard.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The operator account the console's form login checks: {@code jennie.dashboard.auth.username}/{@code .password}
 * (env {@code DASHBOARD_USERNAME}/{@code DASHBOARD_PASSWORD}, or the secrets file's {@code dashboard-username}/
 * {@code dashboard-password}). No built-in password: without one every login is refused. The same account as the
 * API's token login (issue 21's {@code OperatorCredentials}); this adapter goes once that bean is merged.
 */
public final class ConsoleCredentials {

    private static final Logger log = LoggerFactory.getLogger(ConsoleCredentials.class);

    private final String username;
    private final String password;

    public ConsoleCredentials(String username, String password) {
        this.username = username == null || username.isBlank() ? "admin" : username.trim();
        this.password = password == null || password.isEmpty() ? null : password;
        if (this.password == null) {
            log.warn("web console login disabled: no operator password is configured (set DASHBOARD_PASSWORD or "
                    + "dashboard-password in the secrets file); every login will be refused");
        }
    }

    static ConsoleCredentials from(Environment env) {
        String user = first(env, "jennie.dashboard.auth.username", "DASHBOARD_USERNAME", "secrets.dashboard-username");
        String pass = first(env, "jennie.dashboard.auth.password", "DASHBOARD_PASSWORD", "secrets.dashboard-password");
        return new ConsoleCredentials(user, pass);
    }

    private static String first(Environment env, String... names) {
        for (String name : names) {
            String v = env.getProperty(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Whether the pair is the operator's; constant-time, always false without a configured password. */
    public boolean matches(String user, String pass) {
        if (password == null || user == null || pass == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        boolean passOk = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                pass.getBytes(StandardCharsets.UTF_8));
        return userOk && passOk;
    }
}
