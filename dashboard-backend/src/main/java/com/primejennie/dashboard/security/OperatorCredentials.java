package com.primejennie.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.dashboard.DashboardProperties;

/**
 * The one operator account, from configuration ({@code DASHBOARD_USERNAME}/{@code DASHBOARD_PASSWORD} or the secrets
 * file). There is no built-in password: without one every login is refused and the log says why. Shared by the API's
 * token login and the web console's form login.
 */
public class OperatorCredentials {

    private static final Logger log = LoggerFactory.getLogger(OperatorCredentials.class);

    private final String username;
    private final String password;

    public OperatorCredentials(DashboardProperties.Auth auth) {
        this.username = auth.username();
        this.password = auth.password();
        if (password == null) {
            log.warn("dashboard login disabled: no operator password is configured (set DASHBOARD_PASSWORD or "
                    + "dashboard-password in the secrets file); every login will be refused");
        }
    }

    public String username() {
        return username;
    }

    /** Why no login can succeed, or empty when a password is configured. */
    public Optional<String> unavailableReason() {
        return password == null ? Optional.of("no operator password is configured (DASHBOARD_PASSWORD)")
                : Optional.empty();
    }

    /** Whether the pair is the operator's; compares in constant time, and is always false without a password. */
    public boolean matches(String user, String pass) {
        if (password == null) {
            log.warn("login of '{}' refused: no operator password is configured (DASHBOARD_PASSWORD)", user);
            return false;
        }
        if (user == null || pass == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        boolean passOk = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                pass.getBytes(StandardCharsets.UTF_8));
        return userOk && passOk;
    }
}
