package com.primejennie.shared.kis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * One KIS access token for the whole suite. KIS issues at most one token a minute and each lives 24 h, so every
 * process shares one: it is cached in Redis ({@code kis:token:<mode>:<app key fingerprint>}, value
 * {@code {"access_token","expires_at"}} like the Python token file, TTL = its life), issued by whichever process holds
 * the Redis lock, never more often than the issuance interval, and reused until shortly before it expires.
 */
public class KisTokenProvider {

    private static final Logger log = LoggerFactory.getLogger(KisTokenProvider.class);

    private static final RedisScript<Long> DELETE_IF_EQUALS = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);
    private static final RedisScript<Long> DELETE_IF_CONTAINS = new DefaultRedisScript<>("""
            local v = redis.call('GET', KEYS[1])
            if v and string.find(v, ARGV[1], 1, true) then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final KisHttp http;
    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final KisProperties.Server server;
    private final KisProperties.Token settings;
    private final String tokenKey;
    private final String lockKey;
    private final String issuedKey;
    private final AtomicReference<CachedToken> local = new AtomicReference<>();

    public KisTokenProvider(KisHttp http, StringRedisTemplate redis, MarketClock clock, KisMode mode,
                            KisProperties.Server server, KisProperties.Token settings) {
        this.http = http;
        this.redis = redis;
        this.clock = clock;
        this.server = server;
        this.settings = settings;
        this.tokenKey = keyPrefix("kis:token", mode, server.appKey());
        this.lockKey = tokenKey + ":lock";
        this.issuedKey = tokenKey + ":issued";
    }

    /** {@code prefix:<mode>:<first 12 hex of sha256(app key)>}: one key per app key, no secret in Redis key names. */
    public static String keyPrefix(String prefix, KisMode mode, String appKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(appKey.getBytes(StandardCharsets.UTF_8));
            return prefix + ":" + mode.name().toLowerCase() + ":" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Redis key holding the shared token. */
    public String tokenKey() {
        return tokenKey;
    }

    /** A valid access token: from memory, from Redis, or freshly issued under the lock. */
    public String token() {
        CachedToken cached = local.get();
        if (cached != null && cached.usableAt(clock.instant(), settings.renewBefore())) {
            return cached.token();
        }
        CachedToken shared = readShared();
        if (shared != null) {
            local.set(shared);
            return shared.token();
        }
        return issueUnderLock();
    }

    /**
     * KIS said {@code stale} is invalid or expired: forget it here and in Redis (only if Redis still holds that very
     * token, so a fresher one issued meanwhile by another process survives).
     */
    public void invalidate(String stale) {
        CachedToken cached = local.get();
        if (cached != null && cached.token().equals(stale)) {
            local.compareAndSet(cached, null);
        }
        redis.execute(DELETE_IF_CONTAINS, List.of(tokenKey), stale);
    }

    /** A WebSocket approval key ({@code /oauth2/Approval}; note KIS's field name {@code secretkey}). */
    public String approvalKey() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("appkey", server.appKey());
        body.put("secretkey", server.appSecret());
        KisResponse response = http.send("POST", server.baseUrl(), KisOperation.APPROVAL_KEY.path(), Map.of(), body,
                Map.of());
        String key = KisResponse.text(response.body(), "approval_key");
        if (key.isEmpty()) {
            throw new KisException(KisErrorKind.TOKEN_UNAVAILABLE, response.msgCd(), response.msg1(),
                    response.status(), "KIS issued no approval key (HTTP " + response.status() + ")", null);
        }
        return key;
    }

    private CachedToken readShared() {
        String value = redis.opsForValue().get(tokenKey);
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = http.json().readTree(value);
            CachedToken token = new CachedToken(node.path("access_token").asString(""),
                    Instant.ofEpochSecond(node.path("expires_at").asLong(0)));
            return token.token().isEmpty() || !token.usableAt(clock.instant(), settings.renewBefore()) ? null : token;
        } catch (RuntimeException e) {
            log.warn("ignoring unreadable token cache {}: {}", tokenKey, e.getMessage());
            return null;
        }
    }

    private String issueUnderLock() {
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
        while (true) {
            Boolean locked = redis.opsForValue().setIfAbsent(lockKey, owner, settings.lockTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            if (Boolean.TRUE.equals(locked)) {
                try {
                    CachedToken shared = readShared();
                    if (shared != null) {
                        local.set(shared);
                        return shared.token();
                    }
                    CachedToken issued = issue();
                    local.set(issued);
                    return issued.token();
                } finally {
                    redis.execute(DELETE_IF_EQUALS, List.of(lockKey), owner);
                }
            }
            CachedToken shared = readShared();
            if (shared != null) {
                local.set(shared);
                return shared.token();
            }
            if (System.nanoTime() > deadline) {
                throw new KisException(KisErrorKind.TOKEN_UNAVAILABLE,
                        "another process held the KIS token lock for " + settings.lockTimeout().toMillis()
                                + " ms without publishing a token");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KisException(KisErrorKind.TOKEN_UNAVAILABLE, "interrupted waiting for the token", e);
            }
        }
    }

    private CachedToken issue() {
        Instant now = clock.instant();
        Boolean gate = redis.opsForValue().setIfAbsent(issuedKey, now.toString(),
                settings.issueInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (!Boolean.TRUE.equals(gate)) {
            throw new KisException(KisErrorKind.TOKEN_UNAVAILABLE, "a KIS token was issued at "
                    + redis.opsForValue().get(issuedKey) + " and is no longer valid; KIS allows one issuance per "
                    + settings.issueInterval().toSeconds() + " s, so no new one is requested yet");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("appkey", server.appKey());
        body.put("appsecret", server.appSecret());
        KisResponse response;
        try {
            response = http.send("POST", server.baseUrl(), KisOperation.TOKEN.path(), Map.of(), body, Map.of());
        } catch (KisException e) {
            if (e.kind() == KisErrorKind.NOT_SENT) {
                redis.delete(issuedKey); // never reached KIS, so it used no issuance
            }
            throw new KisException(KisErrorKind.TOKEN_UNAVAILABLE, "KIS token issuance failed: " + e.getMessage(), e);
        }
        String token = KisResponse.text(response.body(), "access_token");
        if (token.isEmpty()) {
            throw new KisException(KisErrorKind.TOKEN_UNAVAILABLE, response.msgCd(), response.msg1(),
                    response.status(), "KIS issued no token (HTTP " + response.status() + " " + response.msgCd()
                    + " " + response.msg1() + ")", null);
        }
        long expiresIn = response.body().path("expires_in").asLong(86_400);
        Instant expiresAt = now.plusSeconds(expiresIn <= 0 ? 86_400 : expiresIn);
        String value = http.json().writeValueAsString(Map.of("access_token", token,
                "expires_at", expiresAt.getEpochSecond()));
        long ttl = Math.max(1, Duration.between(now, expiresAt).toMillis());
        redis.opsForValue().set(tokenKey, value, ttl, TimeUnit.MILLISECONDS);
        log.info("issued a new KIS access token valid until {} (shared through Redis key {})", expiresAt, tokenKey);
        return new CachedToken(token, expiresAt);
    }

    private record CachedToken(String token, Instant expiresAt) {
        boolean usableAt(Instant now, Duration renewBefore) {
            return now.isBefore(expiresAt.minus(renewBefore));
        }
    }
}
