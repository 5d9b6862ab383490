package com.primejennie.kissim.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.config.KisSimProperties;

/**
 * Access tokens and WebSocket approval keys, as KIS hands them out: a token lives {@code tokenLifetime} of market
 * time (24 h; a test advances the clock to expire it) and belongs to the app key that asked; a second token for the
 * same app key within {@code tokenIssueInterval} of real time is refused (EGW00133), as KIS allows one per minute.
 * The Python mock issued anything to anyone and checked nothing (§3.7); here an unknown or expired token is refused.
 */
public class TokenService {

    /** An issued token. */
    public record Token(String value, String appKey, Instant expiresAt) {
    }

    /** Result of asking for a token: the token, or null when throttled. */
    public record Issue(Token token, boolean throttled) {
    }

    private final SimClock clock;
    private final InstantSource wall;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastIssue = new HashMap<>();
    private final Map<String, String> approvalKeys = new ConcurrentHashMap<>();
    private volatile KisSimProperties.Auth settings;

    public TokenService(SimClock clock, InstantSource wall, KisSimProperties.Auth settings) {
        this.clock = clock;
        this.wall = wall;
        this.settings = settings;
    }

    public KisSimProperties.Auth settings() {
        return settings;
    }

    public void configure(KisSimProperties.Auth auth) {
        this.settings = auth;
    }

    public synchronized Issue issue(String appKey) {
        Instant now = wall.instant();
        Instant last = lastIssue.get(appKey);
        Duration gap = settings.tokenIssueInterval();
        if (last != null && !gap.isZero() && now.isBefore(last.plus(gap))) {
            return new Issue(null, true);
        }
        lastIssue.put(appKey, now);
        Token t = new Token("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9." + randomText(96), appKey,
                clock.instant().plus(settings.tokenLifetime()));
        tokens.put(t.value(), t);
        return new Issue(t, false);
    }

    public Optional<Token> find(String value) {
        return Optional.ofNullable(value == null ? null : tokens.get(value));
    }

    public boolean expired(Token token) {
        return !clock.instant().isBefore(token.expiresAt());
    }

    /** Expires every token now (a test of the client's re-issue path). */
    public void expireAll() {
        tokens.replaceAll((k, t) -> new Token(t.value(), t.appKey(), clock.instant()));
    }

    public String approvalKey(String appKey) {
        String key = java.util.UUID.randomUUID().toString();
        approvalKeys.put(key, appKey);
        return key;
    }

    public boolean validApprovalKey(String key) {
        return key != null && approvalKeys.containsKey(key);
    }

    public synchronized void reset() {
        tokens.clear();
        lastIssue.clear();
        approvalKeys.clear();
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
