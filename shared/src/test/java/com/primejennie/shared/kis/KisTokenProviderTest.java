package com.primejennie.shared.kis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One token for the whole suite, shared through the real Redis. */
class KisTokenProviderTest {

    private KisTestKit kit;
    private FakeKis kis;

    @BeforeEach
    void setUp() throws Exception {
        kit = new KisTestKit();
        kit.clearKisKeys();
        kis = new FakeKis();
    }

    @AfterEach
    void tearDown() throws Exception {
        kis.close();
        kit.close();
    }

    private KisComponents service() {
        return kit.components(KisTestKit.properties(kis.url(), 1000), KisMode.PAPER);
    }

    @Test
    void manyThreadsOfTwoServicesShareOneIssuedToken() throws Exception {
        List<KisComponents> services = List.of(service(), service());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            KisComponents svc = services.get(i % 2);
            tokens.add(pool.submit(() -> {
                start.await();
                return svc.client().accessToken();
            }));
        }
        start.countDown();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Future<String> token : tokens) {
            seen.add(token.get(20, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(seen).containsExactly("token-1");
        assertThat(kis.tokensIssued()).isEqualTo(1);
        assertThat(kit.redis().getExpire(services.get(0).tokens().tokenKey(), TimeUnit.SECONDS))
                .isBetween(86_000L, 86_400L);
    }

    @Test
    void tokenIsReusedForItsLifeAndRenewedShortlyBeforeItExpires() {
        KisComponents svc = service();
        assertThat(svc.client().accessToken()).isEqualTo("token-1");

        kit.clock().advance(Duration.ofHours(23).plusMinutes(49));
        assertThat(service().client().accessToken()).isEqualTo("token-1");
        assertThat(svc.client().accessToken()).isEqualTo("token-1");

        kit.clock().advance(Duration.ofMinutes(2)); // inside the 10-minute renewal margin
        kit.redis().delete(svc.tokens().tokenKey() + ":issued"); // the one-minute gate is long past by now
        assertThat(svc.client().accessToken()).isEqualTo("token-2");
        assertThat(kis.tokensIssued()).isEqualTo(2);
    }

    @Test
    void neverIssuesTwiceWithinAMinuteEvenWhenKisRejectsTheFreshToken() {
        KisComponents svc = service();
        String first = svc.client().accessToken();
        svc.tokens().invalidate(first);

        assertThatThrownBy(() -> svc.client().accessToken()).isInstanceOfSatisfying(KisException.class,
                e -> assertThat(e.kind()).isEqualTo(KisErrorKind.TOKEN_UNAVAILABLE));
        assertThat(kis.tokensIssued()).isEqualTo(1);
    }

    @Test
    void invalidateKeepsAFresherTokenAnotherProcessAlreadyStored() {
        KisComponents svc = service();
        String stale = svc.client().accessToken();
        kit.redis().opsForValue().set(svc.tokens().tokenKey(), "{\"access_token\":\"fresher\",\"expires_at\":"
                + kit.clock().instant().plusSeconds(80_000).getEpochSecond() + "}");

        svc.tokens().invalidate(stale);

        assertThat(svc.client().accessToken()).isEqualTo("fresher");
    }

    @Test
    void kisThrottleAnswerOnIssuanceIsReportedNotRetried() {
        kis.then("/oauth2/tokenP", FakeKis.json(403, """
                {"error_description":"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)","error_code":"EGW00133"}"""));

        assertThatThrownBy(() -> service().client().accessToken()).isInstanceOfSatisfying(KisException.class, e -> {
            assertThat(e.kind()).isEqualTo(KisErrorKind.TOKEN_UNAVAILABLE);
            assertThat(e.msgCd()).isEqualTo("EGW00133");
        });
        assertThat(kis.requests("/oauth2/tokenP")).hasSize(1);
    }

    @Test
    void approvalKeyIsRequestedWithKisSecretkeyField() throws Exception {
        kis.then("/oauth2/Approval", FakeKis.ok("{\"approval_key\":\"a1b2c3d4-approval\"}"));

        assertThat(service().client().approvalKey()).isEqualTo("a1b2c3d4-approval");
        String body = kis.requests("/oauth2/Approval").get(0).getBody().readUtf8();
        assertThat(body).contains("\"secretkey\":\"" + KisTestKit.APP_SECRET + "\"").contains("client_credentials");
    }
}
