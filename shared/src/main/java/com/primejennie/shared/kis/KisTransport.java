package com.primejennie.shared.kis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Runs one KIS call through the suite's safety rails, in this order: circuit breaker, shared rate budget, shared
 * token, HTTP, classification by {@code msg_cd}. Reads back off and retry on the rate error and on server or
 * transport failures; an order is sent at most once, except after an expired-token answer (KIS refused it at the
 * gateway, so it provably did not reach the order system) where it is sent once more with a fresh token.
 * The breaker counts transport failures and server errors only, never business rejections or the rate error.
 */
public class KisTransport {

    private static final Logger log = LoggerFactory.getLogger(KisTransport.class);

    private final KisHttp http;
    private final KisMode mode;
    private final KisProperties.Server server;
    private final KisTokenProvider tokens;
    private final KisRateLimiter limiter;
    private final CircuitBreaker breaker;
    private final int readAttempts;
    private final Duration readBackoff;

    public KisTransport(KisHttp http, KisMode mode, KisProperties.Server server, KisTokenProvider tokens,
                        KisRateLimiter limiter, CircuitBreaker breaker, int readAttempts, Duration readBackoff) {
        this.http = http;
        this.mode = mode;
        this.server = server;
        this.tokens = tokens;
        this.limiter = limiter;
        this.breaker = breaker;
        this.readAttempts = Math.max(1, readAttempts);
        this.readBackoff = readBackoff;
    }

    public KisMode mode() {
        return mode;
    }

    public KisProperties.Server server() {
        return server;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Calls {@code op}; returns KIS's successful answer or throws {@link KisException}.
     *
     * @param bypassOpenBreaker send even when the breaker is open (a single attempt; used for sells, so an exit
     *                          is never locked out by failures of other calls)
     * @param trCont            the continuation header for paged inquiries ("" for the first page, "N" after)
     */
    public KisResponse call(KisOperation op, Map<String, String> query, Map<String, ?> body,
                            boolean bypassOpenBreaker, String trCont) {
        return call(op, query, body, bypassOpenBreaker, trCont, op.kind() == KisOperation.Kind.READ ? readAttempts : 1,
                op.kind() == KisOperation.Kind.ORDER);
    }

    /**
     * A settlement read (today's orders while an order's fate is being established): one attempt, outside the
     * breaker (sent while it is open — a breaker opened by failing orders must not stop us from learning what they
     * did — and not counted in it), in the priority lane of the rate budget.
     */
    public KisResponse callForSettlement(KisOperation op, Map<String, String> query, String trCont) {
        if (op.kind() != KisOperation.Kind.READ) {
            throw new IllegalArgumentException(op + " is not a read");
        }
        return call(op, query, null, true, trCont, 0, true);
    }

    private KisResponse call(KisOperation op, Map<String, String> query, Map<String, ?> body,
                             boolean bypassOpenBreaker, String trCont, int maxAttempts, boolean priority) {
        boolean isRead = op.kind() == KisOperation.Kind.READ;
        boolean settlement = maxAttempts == 0; // settlement reads neither ask nor feed the breaker
        int attempts = Math.max(1, maxAttempts);
        boolean tokenRefreshed = false;
        KisException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                backoff(attempt - 1);
            }
            boolean permitted = !settlement && breaker.tryAcquirePermission();
            if (!permitted && !bypassOpenBreaker) {
                throw new KisException(KisErrorKind.CIRCUIT_OPEN, op + " not sent: KIS circuit breaker is "
                        + breaker.getState());
            }
            long start = System.nanoTime();
            String token;
            try {
                limiter.acquire(priority);
                token = tokens.token();
            } catch (RuntimeException e) {
                if (permitted) {
                    breaker.releasePermission();
                }
                throw e;
            }
            KisResponse response;
            try {
                response = http.send(op.method(), server.baseUrl(), op.path(), query, body,
                        headers(op, token, trCont));
            } catch (KisException e) {
                record(permitted, start, e);
                last = e;
                if (isRead) {
                    log.warn("{} attempt {}/{} failed: {}", op, attempt, attempts, e.getMessage());
                    continue;
                }
                throw e;
            }
            var kind = op.kind() == KisOperation.Kind.ORDER ? KisErrorClassifier.classifyOrder(response)
                    : KisErrorClassifier.classify(response);
            if (kind.isEmpty()) {
                if (permitted) {
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
                return response;
            }
            KisException error = new KisException(kind.get(), response.msgCd(), response.msg1(), response.status(),
                    op + " failed: HTTP " + response.status() + " " + response.msgCd() + " " + response.msg1(), null);
            record(permitted, start, error);
            switch (kind.get()) {
                case TOKEN_EXPIRED -> {
                    if (tokenRefreshed) {
                        throw error;
                    }
                    log.info("{}: KIS says the token is invalid ({}); refreshing it once", op, response.msgCd());
                    tokens.invalidate(token);
                    tokenRefreshed = true;
                    attempt--; // the refusal happened at KIS's gateway; the retry with a fresh token is not an extra attempt
                    attempts = Math.max(attempts, attempt + 1);
                    last = error;
                }
                case RATE_LIMITED, SERVER_ERROR -> {
                    if (!isRead) {
                        throw error;
                    }
                    log.warn("{} attempt {}/{}: {}", op, attempt, attempts, error.getMessage());
                    last = error;
                }
                default -> throw error;
            }
        }
        throw last;
    }

    private void record(boolean permitted, long start, KisException error) {
        if (!permitted) {
            return;
        }
        if (error.kind().breakerFailure() || error.kind() == KisErrorKind.NOT_SENT) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, error);
        } else if (error.kind() == KisErrorKind.REJECTED) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } else {
            breaker.releasePermission();
        }
    }

    private Map<String, String> headers(KisOperation op, String token, String trCont) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("authorization", "Bearer " + token);
        headers.put("appkey", server.appKey());
        headers.put("appsecret", server.appSecret());
        headers.put("tr_id", server.trId(mode, op));
        headers.put("custtype", "P");
        if (trCont != null && !trCont.isEmpty()) {
            headers.put("tr_cont", trCont);
        }
        return headers;
    }

    private void backoff(int retry) {
        long millis = readBackoff.toMillis() * (1L << Math.min(retry - 1, 6));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisException(KisErrorKind.NOT_SENT, "interrupted while backing off", e);
        }
    }
}
