package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.primejennie.shared.bootstrap.PythonCompatibleEnvironment;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * Every call ends within its tier's overall deadline across retries, answer re-asks and failover, and the long tiers
 * do not retry timeouts. Attempts are counted at the fake server, never by wall time; only upper bounds are asserted
 * (what the deadline lets through, far below retries x timeout), since a loaded machine may get fewer in.
 */
class LlmDeadlineTest {

    private final MockWebServer vllm = new MockWebServer();
    private final MockWebServer cloud = new MockWebServer();
    private TieredLlmClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        vllm.start();
        cloud.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        vllm.shutdown();
        cloud.shutdown();
    }

    /** vLLM with its own timeout {@code vllmTimeout}; the cloud provider takes the tier's generous 30 s. */
    private TieredLlmClient client(LlmTier tier, List<String> chain, Duration vllmTimeout, Duration deadline,
                                   Boolean retryTimeouts, LlmProperties.RetrySettings retry) {
        Map<String, LlmProperties.ProviderSettings> providers = Map.of(
                "vllm", new LlmProperties.ProviderSettings(vllm.url("/v1").toString(), null, null, vllmTimeout, null,
                        null, null, null),
                "cloud", new LlmProperties.ProviderSettings(cloud.url("/v1").toString(), "deepseek-chat", "sk",
                        null, null, null, true, null));
        Map<LlmTier, LlmProperties.TierSettings> tiers = Map.of(tier,
                LlmProperties.TierSettings.of(chain, "exaone3.5:7.8b", Duration.ofSeconds(30), deadline,
                        retryTimeouts));
        LlmProperties properties = new LlmProperties(vllm.url("/v1").toString(), null, null, null, providers, tiers,
                retry, null);
        client = new TieredLlmClient(properties, usage -> { }, VllmFixtures.MAPPER);
        return client;
    }

    /** A provider that takes the request and never answers: slower than any timeout. */
    private static MockResponse noAnswer() {
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }

    private void enqueue(MockWebServer server, int count, MockResponse response) {
        for (int i = 0; i < count; i++) {
            server.enqueue(response);
        }
    }

    @Test
    @Timeout(60)
    void slowProviderHitsTheOverallDeadlineInsteadOfRetriesTimesTimeout() {
        enqueue(vllm, 10, noAnswer());
        // 10 attempts of 1 s would take 10 s; the deadline of 3 s leaves room for 3 (1 + 1 + 1 s), 4 at the edge.
        TieredLlmClient llm = client(LlmTier.FAST, List.of("vllm"), Duration.ofSeconds(1), Duration.ofSeconds(3),
                true, VllmFixtures.fastRetry(10));

        assertThatThrownBy(() -> llm.generate(LlmTier.FAST, "안녕", LlmOptions.defaults()))
                .isInstanceOfSatisfying(LlmDeadlineException.class, e -> {
                    assertThat(e.tier()).isEqualTo(LlmTier.FAST);
                    assertThat(e.deadline()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(e.attempts()).isLessThanOrEqualTo(4);
                })
                .hasMessageContaining("tier FAST")
                .hasMessageContaining("overall deadline of 3 s")
                .hasMessageContaining("jennie.llm.tiers.fast.deadline")
                .hasMessageContaining("timeout");
        assertThat(vllm.getRequestCount()).as("attempts at the slow provider, not 10").isLessThanOrEqualTo(4);
    }

    @Test
    @Timeout(60)
    void deadlineCutsTheHttpCallShortEvenWhenTheProviderTimeoutIsLonger() {
        enqueue(vllm, 3, noAnswer());
        TieredLlmClient llm = client(LlmTier.REASONING, List.of("vllm"), Duration.ofSeconds(600),
                Duration.ofMillis(1500), null, VllmFixtures.fastRetry(3));

        assertThatThrownBy(() -> llm.generate(LlmTier.REASONING, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmDeadlineException.class)
                .hasMessageContaining("tier REASONING")
                .hasMessageContaining("overall deadline of 1500 ms");
        assertThat(vllm.getRequestCount()).isLessThanOrEqualTo(1);
    }

    @Test
    @Timeout(60)
    void deadlineSpansAnswerReAsks() {
        MockResponse unusable = VllmFixtures.chat("", 5, 0).setHeadersDelay(500, TimeUnit.MILLISECONDS);
        enqueue(vllm, 51, unusable);
        TieredLlmClient llm = client(LlmTier.FAST, List.of("vllm"), Duration.ofSeconds(30), Duration.ofSeconds(3),
                true, VllmFixtures.fastRetry(1, 50));

        assertThatThrownBy(() -> llm.generate(LlmTier.FAST, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmDeadlineException.class)
                .hasMessageContaining("tier FAST");
        assertThat(vllm.getRequestCount()).as("50 re-asks allowed, but only what fits in 3 s").isLessThanOrEqualTo(8);
    }

    @Test
    @Timeout(60)
    void deadlineSpansFailoverSoTheNextProviderIsNotStartedAfterIt() {
        enqueue(vllm, 3, noAnswer());
        cloud.enqueue(VllmFixtures.chat("클라우드 답", 5, 2));
        TieredLlmClient llm = client(LlmTier.FAST, List.of("vllm", "cloud"), Duration.ofSeconds(30),
                Duration.ofMillis(1500), true, VllmFixtures.fastRetry(3));

        assertThatThrownBy(() -> llm.generate(LlmTier.FAST, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmDeadlineException.class);
        assertThat(vllm.getRequestCount()).isLessThanOrEqualTo(1);
        assertThat(cloud.getRequestCount()).isZero();
    }

    @Test
    void longTiersDoNotRetryATimeoutButMoveOnToTheNextProvider() {
        vllm.enqueue(noAnswer());
        vllm.enqueue(VllmFixtures.chat("재시도 답", 5, 2));
        cloud.enqueue(VllmFixtures.chat("클라우드 답", 5, 2));
        TieredLlmClient llm = client(LlmTier.THINKING, List.of("vllm", "cloud"), Duration.ofSeconds(1),
                Duration.ofSeconds(60), null, VllmFixtures.fastRetry(3));

        String answer = llm.generate(LlmTier.THINKING, "안녕", LlmOptions.defaults());

        assertThat(answer).isEqualTo("클라우드 답");
        assertThat(vllm.getRequestCount()).as("the timeout was not retried").isEqualTo(1);
        assertThat(cloud.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTimeoutWhileTheBodyIsReadIsATimeoutOfThatProviderNotAnEscapedSdkError() {
        vllm.enqueue(VllmFixtures.chat("늦은 본문", 5, 2).setBodyDelay(3, TimeUnit.SECONDS));
        cloud.enqueue(VllmFixtures.chat("클라우드 답", 5, 2));
        TieredLlmClient llm = client(LlmTier.REASONING, List.of("vllm", "cloud"), Duration.ofSeconds(1),
                Duration.ofSeconds(60), null, VllmFixtures.fastRetry(3));

        assertThat(llm.generate(LlmTier.REASONING, "안녕", LlmOptions.defaults())).isEqualTo("클라우드 답");
        assertThat(vllm.getRequestCount()).isEqualTo(1);
    }

    @Test
    void longTiersStillRetryServerErrors() {
        vllm.enqueue(VllmFixtures.error(503, "busy", "server_error"));
        vllm.enqueue(VllmFixtures.chat("두 번째 답", 5, 2));
        TieredLlmClient llm = client(LlmTier.REASONING, List.of("vllm"), Duration.ofSeconds(30),
                Duration.ofSeconds(60), null, VllmFixtures.fastRetry(3));

        assertThat(llm.generate(LlmTier.REASONING, "안녕", LlmOptions.defaults())).isEqualTo("두 번째 답");
        assertThat(vllm.getRequestCount()).isEqualTo(2);
    }

    @Test
    void fastTierRetriesATimeout() {
        vllm.enqueue(noAnswer());
        vllm.enqueue(VllmFixtures.chat("두 번째 답", 5, 2));
        TieredLlmClient llm = client(LlmTier.FAST, List.of("vllm"), Duration.ofSeconds(2), Duration.ofSeconds(60),
                null, VllmFixtures.fastRetry(3));

        assertThat(llm.generate(LlmTier.FAST, "안녕", LlmOptions.defaults())).isEqualTo("두 번째 답");
        assertThat(vllm.getRequestCount()).isEqualTo(2);
    }

    @Test
    void deadlinesDefaultTo90sForFastAnd900sForTheLongTiersAndAreConfigurable() {
        LlmProperties defaults = bind(Map.of());
        assertThat(defaults.tiers().get(LlmTier.FAST).deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(defaults.tiers().get(LlmTier.FAST).retryTimeouts()).isTrue();
        for (LlmTier tier : List.of(LlmTier.REASONING, LlmTier.THINKING)) {
            assertThat(defaults.tiers().get(tier).deadline()).isEqualTo(Duration.ofSeconds(900));
            assertThat(defaults.tiers().get(tier).retryTimeouts()).isFalse();
        }

        LlmProperties configured = bind(Map.of("jennie.llm.tiers.reasoning.deadline", "20m",
                "jennie.llm.tiers.reasoning.retry-timeouts", "true", "jennie.llm.tiers.fast.deadline", "45s"));
        assertThat(configured.tiers().get(LlmTier.REASONING).deadline()).isEqualTo(Duration.ofMinutes(20));
        assertThat(configured.tiers().get(LlmTier.REASONING).retryTimeouts()).isTrue();
        assertThat(configured.tiers().get(LlmTier.FAST).deadline()).isEqualTo(Duration.ofSeconds(45));
        assertThat(configured.tiers().get(LlmTier.THINKING).deadline()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void rejectsANonPositiveDeadlineNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("jennie.llm.tiers.thinking.deadline", "0s")))
                .hasStackTraceContaining("jennie.llm.tiers.thinking.deadline must be positive");
    }

    private LlmProperties bind(Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("SECRETS_FILE", dir.resolve("none.json").toString());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("simulatedEnvironment", all));
        new PythonCompatibleEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("jennie.llm", LlmProperties.class);
    }
}
