package com.primejennie.shared.kis;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the KIS client, with every default in this one place (the compact constructors). The Python suite's
 * variable names ({@code KIS_BASE_URL_REAL}, {@code KIS_ACCOUNT_SUFFIX}, secrets {@code kis-r-app-key}, ...) are mapped
 * onto these properties in {@code jennie-defaults.properties}; a blank value there means "use the default here".
 *
 * @param real            the real-account server
 * @param paper           the paper (모의투자) server, or kis-sim in the mock profile
 * @param connectTimeout  TCP connect timeout; a connect failure proves the request was not sent
 * @param readTimeout     how long to wait for an answer; after it an order's fate is unknown
 * @param rateLimitMaxWait how long a caller waits for a slot of the shared rate budget before giving up (not sent)
 * @param rateLimitWindow the window the budget counts in: a little over KIS's one second, because requests admitted
 *                        on our clock arrive at KIS with network jitter, and KIS counts arrivals
 * @param readAttempts    attempts of a read (quotes, balance, inquiries) on the rate error or a server failure
 * @param readBackoff     first back-off of a retried read, doubled each attempt
 * @param token           access-token caching and issuance
 * @param breaker         the circuit breaker around KIS
 */
@ConfigurationProperties("jennie.kis")
public record KisProperties(Server real, Server paper, Duration connectTimeout, Duration readTimeout,
                            Duration rateLimitMaxWait, Duration rateLimitWindow, int readAttempts, Duration readBackoff, Token token,
                            Breaker breaker) {

    public static final String REAL_BASE_URL = "https://openapi.koreainvestment.com:9443";
    public static final String PAPER_BASE_URL = "https://openapivts.koreainvestment.com:29443";

    public KisProperties {
        real = real == null ? Server.defaults(KisMode.REAL) : real.withDefaults(KisMode.REAL);
        paper = paper == null ? Server.defaults(KisMode.PAPER) : paper.withDefaults(KisMode.PAPER);
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(3));
        readTimeout = orDefault(readTimeout, Duration.ofSeconds(5));
        rateLimitMaxWait = orDefault(rateLimitMaxWait, Duration.ofSeconds(10));
        rateLimitWindow = orDefault(rateLimitWindow, Duration.ofMillis(1100));
        readAttempts = readAttempts <= 0 ? 4 : readAttempts;
        readBackoff = orDefault(readBackoff, Duration.ofMillis(200));
        token = token == null ? new Token(null, null, null) : token;
        breaker = breaker == null ? new Breaker(0, 0, 0, null, 0) : breaker;
    }

    /** All defaults, no keys: for tests and tools. */
    public static KisProperties defaults() {
        return new KisProperties(null, null, null, null, null, null, 0, null, null, null);
    }

    /** The server settings of {@code mode}. */
    public Server server(KisMode mode) {
        return mode == KisMode.REAL ? real : paper;
    }

    /** This copy with {@code mode}'s server replaced. */
    public KisProperties withServer(KisMode mode, Server server) {
        return new KisProperties(mode == KisMode.REAL ? server : real, mode == KisMode.PAPER ? server : paper,
                connectTimeout, readTimeout, rateLimitMaxWait, rateLimitWindow, readAttempts, readBackoff, token, breaker);
    }

    /** This copy with other connect and read timeouts. */
    public KisProperties withTimeouts(Duration connect, Duration read) {
        return new KisProperties(real, paper, connect, read, rateLimitMaxWait, rateLimitWindow, readAttempts,
                readBackoff, token, breaker);
    }

    /** This copy with {@code attempts} read attempts. */
    public KisProperties withReadAttempts(int attempts) {
        return new KisProperties(real, paper, connectTimeout, readTimeout, rateLimitMaxWait, rateLimitWindow,
                attempts, readBackoff, token, breaker);
    }

    /** This copy with other token settings. */
    public KisProperties withToken(Token settings) {
        return new KisProperties(real, paper, connectTimeout, readTimeout, rateLimitMaxWait, rateLimitWindow,
                readAttempts, readBackoff, settings, breaker);
    }

    /** This copy with other breaker settings. */
    public KisProperties withBreaker(Breaker settings) {
        return new KisProperties(real, paper, connectTimeout, readTimeout, rateLimitMaxWait, rateLimitWindow,
                readAttempts, readBackoff, token, settings);
    }

    static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * One KIS server and the account on it.
     *
     * @param baseUrl           {@code https://openapi.koreainvestment.com:9443} (real) or {@code ...vts...:29443} (paper)
     * @param appKey            secret {@code kis-r-app-key} / {@code kis-v-app-key}
     * @param appSecret         secret {@code kis-r-app-secret} / {@code kis-v-app-secret}
     * @param accountNo         {@code CANO}, the 8-digit account prefix (secret {@code kis-r-account-no} / {@code kis-v-account-no})
     * @param accountSuffix     {@code ACNT_PRDT_CD} ({@code KIS_ACCOUNT_SUFFIX}, "01")
     * @param requestsPerSecond the whole suite's budget on this app key: 19 real, 2 paper; lower it while the Python
     *                          gateway still runs so both together stay inside KIS's limit
     * @param trIds             tr_id overrides per operation; missing ones use {@link KisOperation#defaultTrId}
     */
    public record Server(String baseUrl, String appKey, String appSecret, String accountNo, String accountSuffix,
                         int requestsPerSecond, Map<KisOperation, String> trIds) {

        public Server {
            trIds = trIds == null ? Map.of() : Map.copyOf(trIds);
        }

        static Server defaults(KisMode mode) {
            return new Server(null, null, null, null, null, 0, null).withDefaults(mode);
        }

        Server withDefaults(KisMode mode) {
            return new Server(orDefault(baseUrl, mode == KisMode.REAL ? REAL_BASE_URL : PAPER_BASE_URL),
                    appKey == null ? "" : appKey.trim(), appSecret == null ? "" : appSecret.trim(),
                    accountNo == null ? "" : accountNo.trim(), orDefault(accountSuffix, "01"),
                    requestsPerSecond > 0 ? requestsPerSecond : (mode == KisMode.REAL ? 19 : 2), trIds);
        }

        /** A copy pointing at {@code url} (kis-sim, MockWebServer). */
        public Server withBaseUrl(String url) {
            return new Server(url, appKey, appSecret, accountNo, accountSuffix, requestsPerSecond, trIds);
        }

        /** A copy with another app key and secret, account and budget. */
        public Server withAccount(String key, String secret, String account, int perSecond) {
            return new Server(baseUrl, key, secret, account, accountSuffix, perSecond, trIds);
        }

        /** The tr_id to send for {@code operation} on this server. */
        public String trId(KisMode mode, KisOperation operation) {
            String override = trIds.get(operation);
            return override == null || override.isBlank() ? operation.defaultTrId(mode) : override.trim();
        }

        /** Copies the overrides into an EnumMap (for display). */
        public Map<KisOperation, String> effectiveTrIds(KisMode mode) {
            Map<KisOperation, String> all = new EnumMap<>(KisOperation.class);
            for (KisOperation op : KisOperation.values()) {
                if (op.defaultTrId(mode) != null) {
                    all.put(op, trId(mode, op));
                }
            }
            return all;
        }

        @Override
        public String toString() {
            return "Server[baseUrl=" + baseUrl + ", account=" + mask(accountNo) + ", requestsPerSecond="
                    + requestsPerSecond + "]";
        }

        private static String mask(String s) {
            return s == null || s.length() < 4 ? "****" : s.substring(0, 2) + "****" + s.substring(s.length() - 2);
        }
    }

    /**
     * @param renewBefore   a cached token is replaced this long before it expires (KIS tokens live 24 h)
     * @param issueInterval KIS issues at most one token per minute; the suite never asks more often
     * @param lockTimeout   how long one process may hold the issuance lock, and how long others wait for it
     */
    public record Token(Duration renewBefore, Duration issueInterval, Duration lockTimeout) {
        public Token {
            renewBefore = orDefault(renewBefore, Duration.ofMinutes(10));
            issueInterval = orDefault(issueInterval, Duration.ofSeconds(61));
            lockTimeout = orDefault(lockTimeout, Duration.ofSeconds(15));
        }
    }

    /**
     * The resilience4j breaker (the Python gateway's {@code CIRCUIT_BREAKER_FAIL_MAX}=20 and
     * {@code CIRCUIT_BREAKER_TIMEOUT}=60 s).
     *
     * @param slidingWindowSize    the last N calls judged
     * @param minimumCalls         calls needed before the breaker may open
     * @param failureRatePercent   percentage of failed calls in the window that opens it
     * @param waitInOpenState      how long it stays open before letting trial calls through
     * @param permittedInHalfOpen  trial calls in half-open; all must succeed to close
     */
    public record Breaker(int slidingWindowSize, int minimumCalls, float failureRatePercent, Duration waitInOpenState,
                          int permittedInHalfOpen) {
        public Breaker {
            slidingWindowSize = slidingWindowSize <= 0 ? 20 : slidingWindowSize;
            minimumCalls = minimumCalls <= 0 ? slidingWindowSize : minimumCalls;
            failureRatePercent = failureRatePercent <= 0 ? 50f : failureRatePercent;
            waitInOpenState = orDefault(waitInOpenState, Duration.ofSeconds(60));
            permittedInHalfOpen = permittedInHalfOpen <= 0 ? 3 : permittedInHalfOpen;
        }
    }
}
