package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import tools.jackson.databind.JsonNode;

/**
 * The client against fake OpenAI-compatible servers answering like vLLM: request bodies, JSON schema, retries,
 * failover, overflow, think tags.
 */
class TieredLlmClientTest {

    private final MockWebServer vllm = new MockWebServer();
    private final MockWebServer cloud = new MockWebServer();
    private final List<LlmUsage> usages = new CopyOnWriteArrayList<>();
    private final List<TieredLlmClient> clients = new ArrayList<>();
    private final ResponseSchema sentiment = ResponseSchema.of("sentiment", VllmFixtures.SENTIMENT_SCHEMA);

    @BeforeEach
    void start() throws IOException {
        vllm.start();
        cloud.start();
    }

    @AfterEach
    void stop() throws IOException {
        clients.forEach(TieredLlmClient::close);
        vllm.shutdown();
        cloud.shutdown();
    }

    private String base(MockWebServer server) {
        return server.url("/v1").toString();
    }

    private LlmProperties.ProviderSettings local(StructuredOutput structured, Boolean enableThinking) {
        return new LlmProperties.ProviderSettings(base(vllm), null, null, null, structured, null, null,
                enableThinking);
    }

    private LlmProperties.ProviderSettings cloudProvider(String key) {
        return new LlmProperties.ProviderSettings(base(cloud), "deepseek-chat", key, null, null, null, null, null);
    }

    private TieredLlmClient client(Map<String, LlmProperties.ProviderSettings> providers, List<String> chain,
                                   String localModel, int attempts) {
        return client(providers, chain, localModel, VllmFixtures.fastRetry(attempts));
    }

    private TieredLlmClient client(Map<String, LlmProperties.ProviderSettings> providers, List<String> chain,
                                   String localModel, LlmProperties.RetrySettings retry) {
        Map<LlmTier, LlmProperties.TierSettings> tiers = Map.of(
                LlmTier.FAST, LlmProperties.TierSettings.of(chain, localModel, Duration.ofSeconds(5)),
                LlmTier.REASONING, LlmProperties.TierSettings.of(chain, localModel, Duration.ofSeconds(5)),
                LlmTier.THINKING, LlmProperties.TierSettings.of(chain, localModel, Duration.ofSeconds(5)));
        LlmProperties properties = new LlmProperties(base(vllm), null, null, null, providers, tiers, retry, null);
        TieredLlmClient client = new TieredLlmClient(properties, usages::add, VllmFixtures.MAPPER);
        clients.add(client);
        return client;
    }

    private TieredLlmClient localOnly() {
        return client(Map.of("vllm", local(null, null)), List.of("vllm"), "exaone3.5:7.8b", 3);
    }

    private JsonNode body(RecordedRequest request) {
        return VllmFixtures.MAPPER.readTree(request.getBody().readUtf8());
    }

    private RecordedRequest next(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request reached " + server.url("/")).isNotNull();
        return request;
    }

    @Test
    void generateSendsTheFourFieldsOfThePythonClientToChatCompletions() throws Exception {
        vllm.enqueue(VllmFixtures.chat("삼성전자 HBM4 양산은 호재입니다.", 31, 12));
        String prompt = "가".repeat(3000);

        String answer = localOnly().generate(LlmTier.FAST, prompt, LlmOptions.defaults());

        assertThat(answer).isEqualTo("삼성전자 HBM4 양산은 호재입니다.");
        RecordedRequest request = next(vllm);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getRequestLine()).endsWith("HTTP/1.1");
        assertThat(request.getHeader("Authorization")).as("vLLM needs no key").isNull();
        JsonNode body = body(request);
        assertThat(body.get("model").asString()).isEqualTo("LGAI-EXAONE/EXAONE-4.0-32B-AWQ");
        assertThat(body.get("max_tokens").asInt()).as("clamped: 4096 - 1500 - 64").isEqualTo(2532);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("user");
        assertThat(body.get("messages").get(0).get("content").asString()).isEqualTo(prompt);
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.has("chat_template_kwargs")).isFalse();
        assertThat(body.has("guided_json")).isFalse();
    }

    @Test
    void transportIsPinnedToHttp11EvenTowardsTlsProviders() {
        Http11Transport transport = new Http11Transport(Duration.ofSeconds(1), false);
        try {
            assertThat(transport.protocols()).containsExactly(okhttp3.Protocol.HTTP_1_1);
        } finally {
            transport.close();
        }
    }

    @Test
    void unmappedModelNamesPassThroughToTheServer() throws Exception {
        vllm.enqueue(VllmFixtures.chat("ok", 5, 1));

        client(Map.of("vllm", local(null, null)), List.of("vllm"), "Qwen/Qwen3-32B-AWQ", 1)
                .generate(LlmTier.REASONING, "안녕", LlmOptions.defaults());

        assertThat(body(next(vllm)).get("model").asString()).isEqualTo("Qwen/Qwen3-32B-AWQ");
    }

    @Test
    void chatSendsMessagesAsGivenWithSystemRoleAndClampsOnSpaceJoinedContents() throws Exception {
        vllm.enqueue(VllmFixtures.chat("<think>\n토론을 정리하자\n</think>\n\n매수 의견을 유지합니다.", 120, 30));
        List<ChatMessage> history = List.of(ChatMessage.system("가".repeat(200)), ChatMessage.user("나".repeat(201)),
                ChatMessage.of("model", "이전 답변"));

        String answer = localOnly().chat(LlmTier.REASONING, history,
                LlmOptions.forService("prime_council").withTemperature(0.7));

        assertThat(answer).isEqualTo("매수 의견을 유지합니다.");
        JsonNode body = body(next(vllm));
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(body.get("messages").get(2).get("role").asString()).isEqualTo("assistant");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        // "가"x200 + " " + "나"x201 + " " + "이전 답변"(5) = 408 code points -> 204
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096 - 204 - 64);
    }

    @Test
    void jsonCallSendsTheSchemaAsResponseFormatAndValidatesTheBenchmarkAnswer() throws Exception {
        vllm.enqueue(VllmFixtures.singleNews());

        LlmAnswer answer = localOnly().complete(LlmRequest.generate(LlmTier.FAST, "삼성전자 HBM4 뉴스를 분석해.",
                sentiment, new LlmOptions(0.0, 512, "news_analysis")));

        assertThat(answer.json().get("score").asInt()).isEqualTo(85);
        assertThat(answer.json().get("reason").asString()).startsWith("삼성전자가 차세대 HBM4");
        assertThat(answer.promptTokens()).isEqualTo(284);
        assertThat(answer.completionTokens()).isEqualTo(46);
        JsonNode body = body(next(vllm));
        JsonNode format = body.get("response_format");
        assertThat(format.get("type").asString()).isEqualTo("json_schema");
        assertThat(format.get("json_schema").get("name").asString()).isEqualTo("sentiment");
        assertThat(format.get("json_schema").get("schema"))
                .isEqualTo(VllmFixtures.MAPPER.readTree(VllmFixtures.SENTIMENT_SCHEMA));
        assertThat(body.has("guided_json")).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.get("messages").get(0).get("content").asString()).isEqualTo("삼성전자 HBM4 뉴스를 분석해.");
    }

    @Test
    void thinkBlocksAreStrippedBeforeParsingJson() {
        vllm.enqueue(VllmFixtures.chat("<think>\n점수는 {\"score\": 10} 정도? 아니다.\n</think>\n"
                + VllmFixtures.singleNewsAnswer(), 284, 120));

        JsonNode json = localOnly().generateJson(LlmTier.FAST, "뉴스", sentiment, LlmOptions.defaults());

        assertThat(json.get("score").asInt()).isEqualTo(85);
    }

    @Test
    void structuredOutputOffPutsTheSchemaInThePromptAndStillValidates() throws Exception {
        vllm.enqueue(VllmFixtures.chat("분석 결과입니다:\n```json\n" + VllmFixtures.singleNewsAnswer() + "\n```", 400,
                60));
        TieredLlmClient client = client(Map.of("vllm", local(StructuredOutput.OFF, null)), List.of("vllm"),
                "exaone", 1);

        JsonNode json = client.generateJson(LlmTier.FAST, "뉴스를 분석해.", sentiment, LlmOptions.defaults());

        assertThat(json.get("score").asInt()).isEqualTo(85);
        JsonNode body = body(next(vllm));
        assertThat(body.has("response_format")).isFalse();
        String prompt = body.get("messages").get(0).get("content").asString();
        assertThat(prompt).startsWith("뉴스를 분석해.\n\n").contains("JSON schema").contains("\"required\"");
    }

    @Test
    void schemaInPromptGoesToTheLastUserTurnOrANewOne() {
        List<ChatMessage> chat = List.of(ChatMessage.user("첫 질문"), ChatMessage.assistant("답"),
                ChatMessage.user("둘째 질문"), ChatMessage.assistant("생각 중"));

        List<ChatMessage> withSchema = TieredLlmClient.withSchemaInPrompt(chat, sentiment);

        assertThat(withSchema).hasSize(4);
        assertThat(withSchema.get(0)).isEqualTo(chat.get(0));
        assertThat(withSchema.get(2).content()).startsWith("둘째 질문\n\n").contains("\"required\"");
        List<ChatMessage> systemOnly = TieredLlmClient.withSchemaInPrompt(
                List.of(ChatMessage.system("너는 애널리스트다.")), sentiment);
        assertThat(systemOnly).hasSize(2);
        assertThat(systemOnly.get(1).role()).isEqualTo(ChatMessage.Role.USER);
        assertThat(systemOnly.get(1).content()).contains("JSON schema");
    }

    @Test
    void jsonObjectModeForProvidersWithoutSchemaSupport() throws Exception {
        vllm.enqueue(VllmFixtures.singleNews());
        TieredLlmClient client = client(Map.of("vllm", local(StructuredOutput.JSON_OBJECT, null)), List.of("vllm"),
                "exaone", 1);

        client.generateJson(LlmTier.FAST, "뉴스", sentiment, LlmOptions.defaults());

        JsonNode body = body(next(vllm));
        assertThat(body.get("response_format").get("type").asString()).isEqualTo("json_object");
        assertThat(body.get("messages").get(0).get("content").asString()).contains("JSON schema");
    }

    @Test
    void schemaViolatingAnswerRaisesNamingTheSchemaAndShowingTheAnswer() {
        vllm.enqueue(VllmFixtures.chat("{\"score\": \"매우 긍정\", \"reason\": \"HBM4\"}", 284, 20));

        assertThatThrownBy(() -> localOnly().generateJson(LlmTier.FAST, "뉴스", sentiment, LlmOptions.defaults()))
                .isInstanceOf(LlmAnswerException.class)
                .hasMessageContaining("schema 'sentiment'")
                .hasMessageContaining("raw answer starts: \"{\"score\": \"매우 긍정\"");
        assertThat(usages).singleElement().satisfies(u -> {
            assertThat(u.success()).isFalse();
            assertThat(u.tokensIn()).as("the tokens were spent anyway").isEqualTo(284);
        });
    }

    @Test
    void anUnusableAnswerIsAskedForAgainOnceBeforeFailingOver() {
        vllm.enqueue(VllmFixtures.chat("죄송합니다, 분석할 수 없습니다.", 284, 12));
        vllm.enqueue(VllmFixtures.singleNews());
        TieredLlmClient client = client(Map.of("vllm", local(null, null)), List.of("vllm"), "exaone",
                VllmFixtures.fastRetry(3, 1));

        JsonNode json = client.generateJson(LlmTier.FAST, "뉴스", sentiment, LlmOptions.defaults());

        assertThat(json.get("score").asInt()).isEqualTo(85);
        assertThat(vllm.getRequestCount()).isEqualTo(2);
        assertThat(usages).extracting(LlmUsage::success).containsExactly(false, true);
    }

    @Test
    void enableThinkingFalseIsSentAsChatTemplateKwargs() throws Exception {
        vllm.enqueue(VllmFixtures.chat("ok", 5, 1));

        client(Map.of("vllm", local(null, false)), List.of("vllm"), "exaone", 1)
                .generate(LlmTier.FAST, "안녕", LlmOptions.defaults());

        JsonNode kwargs = body(next(vllm)).get("chat_template_kwargs");
        assertThat(kwargs.get("enable_thinking").asBoolean(true)).isFalse();
    }

    @Test
    void retriesFiveHundredsAndSucceeds() {
        vllm.enqueue(VllmFixtures.error(503, "Service Unavailable", "ServiceUnavailableError"));
        vllm.enqueue(VllmFixtures.error(500, "EngineCore encountered an issue", "InternalServerError"));
        vllm.enqueue(VllmFixtures.singleNews());

        JsonNode json = localOnly().generateJson(LlmTier.FAST, "뉴스", sentiment, LlmOptions.defaults());

        assertThat(json.get("score").asInt()).isEqualTo(85);
        assertThat(vllm.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesAreBounded() {
        for (int i = 0; i < 5; i++) {
            vllm.enqueue(VllmFixtures.error(502, "Bad Gateway", "InternalServerError"));
        }

        assertThatThrownBy(() -> localOnly().generate(LlmTier.FAST, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmProviderException.class)
                .satisfies(e -> assertThat(((LlmProviderException) e).status()).isEqualTo(502))
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        assertThat(vllm.getRequestCount()).as("maxAttempts = 3").isEqualTo(3);
    }

    @Test
    @DisplayName("[DEFECT fixed] a 4xx is never retried; the Python client retried every error, 400s included")
    void neverRetriesAClientError() {
        vllm.enqueue(VllmFixtures.error(400, "[{'type': 'missing', 'loc': ('body', 'messages')}]",
                "BadRequestError"));
        vllm.enqueue(VllmFixtures.chat("should not be reached", 1, 1));

        assertThatThrownBy(() -> localOnly().generate(LlmTier.FAST, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmProviderException.class)
                .isNotInstanceOf(ContextOverflowException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(vllm.getRequestCount()).isEqualTo(1);
    }

    @Test
    void contextOverflowBecomesItsOwnExceptionWithTheNumbers() {
        vllm.enqueue(VllmFixtures.overflow());

        assertThatThrownBy(() -> localOnly().generate(LlmTier.FAST, "가".repeat(8000), LlmOptions.defaults()))
                .isInstanceOfSatisfying(ContextOverflowException.class, e -> {
                    assertThat(e.maxContextTokens()).isEqualTo(4096);
                    assertThat(e.requestedTokens()).isEqualTo(4410);
                    assertThat(e.messageTokens()).isEqualTo(378);
                    assertThat(e.completionTokens()).isEqualTo(4032);
                    assertThat(e.status()).isEqualTo(400);
                });
        assertThat(vllm.getRequestCount()).as("no retry of a 400").isEqualTo(1);
    }

    @Test
    void fastTierRetriesATimeoutThenFailsOverToTheNextProvider() throws Exception {
        vllm.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        vllm.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        cloud.enqueue(VllmFixtures.singleNews());
        LlmProperties.ProviderSettings slowLocal = new LlmProperties.ProviderSettings(base(vllm), null, null,
                Duration.ofMillis(300), null, true, null, null);
        TieredLlmClient client = client(Map.of("vllm", slowLocal, "deepseek", cloudProvider("sk-test")),
                List.of("vllm", "deepseek"), "exaone", 2);

        // FAST retries timeouts; REASONING and THINKING do not (LlmDeadlineTest).
        LlmAnswer answer = client.complete(LlmRequest.generate(LlmTier.FAST, "뉴스", sentiment,
                LlmOptions.forService("macro_council")));

        assertThat(answer.provider()).isEqualTo("deepseek");
        assertThat(answer.json().get("score").asInt()).isEqualTo(85);
        assertThat(vllm.getRequestCount()).as("one retry of the timeout").isEqualTo(2);
        RecordedRequest cloudRequest = next(cloud);
        assertThat(cloudRequest.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = body(cloudRequest);
        assertThat(body.get("model").asString()).isEqualTo("deepseek-chat");
        assertThat(body.get("max_tokens").asInt()).as("cloud providers are not clamped").isEqualTo(4096);
        assertThat(usages).extracting(LlmUsage::provider, LlmUsage::success)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vllm", false),
                        org.assertj.core.groups.Tuple.tuple("deepseek", true));
    }

    @Test
    void connectionRefusedIsRetriedThenFailsOver() throws Exception {
        String deadUrl = base(vllm);
        vllm.shutdown();
        cloud.enqueue(VllmFixtures.chat("클라우드 응답", 10, 3));
        LlmProperties.ProviderSettings dead = new LlmProperties.ProviderSettings(deadUrl, null, null, null, null,
                true, null, null);
        TieredLlmClient client = client(Map.of("vllm", dead, "openrouter", cloudProvider("or-key")),
                List.of("vllm", "openrouter"), "exaone", 2);

        assertThat(client.generate(LlmTier.REASONING, "안녕", LlmOptions.defaults())).isEqualTo("클라우드 응답");
        assertThat(usages).extracting(LlmUsage::provider).containsExactly("vllm", "openrouter");
    }

    @Test
    void failsOverOnAFourHundredWithoutRetryingIt() {
        vllm.enqueue(VllmFixtures.overflow());
        cloud.enqueue(VllmFixtures.chat("긴 문서 요약", 6000, 200));
        TieredLlmClient client = client(Map.of("vllm", local(null, null), "deepseek", cloudProvider("k")),
                List.of("vllm", "deepseek"), "exaone", 3);

        assertThat(client.generate(LlmTier.THINKING, "가".repeat(8000), LlmOptions.defaults())).isEqualTo("긴 문서 요약");
        assertThat(vllm.getRequestCount()).isEqualTo(1);
    }

    @Test
    void whenAllProvidersFailTheLastFailureIsThrownWithTheEarlierOnesSuppressed() {
        vllm.enqueue(VllmFixtures.overflow());
        cloud.enqueue(VllmFixtures.error(401, "Authentication Fails", "authentication_error"));
        TieredLlmClient client = client(Map.of("vllm", local(null, null), "deepseek", cloudProvider("bad")),
                List.of("vllm", "deepseek"), "exaone", 3);

        assertThatThrownBy(() -> client.generate(LlmTier.THINKING, "안녕", LlmOptions.defaults()))
                .isInstanceOfSatisfying(LlmProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.provider()).isEqualTo("deepseek");
                    assertThat(e.getSuppressed()).singleElement().isInstanceOf(ContextOverflowException.class);
                });
        assertThat(cloud.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cloudProvidersWithoutKeyAreSkipped() throws Exception {
        cloud.enqueue(VllmFixtures.chat("오픈라우터", 3, 1));
        LlmProperties.ProviderSettings keyless = new LlmProperties.ProviderSettings(base(vllm), "deepseek-chat",
                null, null, null, false, true, null);
        TieredLlmClient client = client(Map.of("deepseek", keyless, "openrouter", cloudProvider("or-key")),
                List.of("deepseek_cloud"), "exaone", 1);

        assertThat(client.generate(LlmTier.REASONING, "안녕", LlmOptions.defaults())).isEqualTo("오픈라우터");
        assertThat(vllm.getRequestCount()).isZero();
    }

    @Test
    void aTierWithOnlyKeylessProvidersSaysSo() {
        TieredLlmClient client = client(Map.of(), List.of("deepseek_cloud"), "exaone", 1);

        assertThatThrownBy(() -> client.generate(LlmTier.REASONING, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("tier REASONING has no usable provider")
                .hasMessageContaining("deepseek (no API key)");
    }

    @Test
    void unknownProviderNameFailsAtConstruction() {
        assertThatThrownBy(() -> client(Map.of(), List.of("ollama", "gemini"), "exaone", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown provider 'gemini'");
    }

    @Test
    void emptyAnswerIsAnError() {
        vllm.enqueue(VllmFixtures.chat("<think>생각만 하다 끝남</think>", 50, 400));

        assertThatThrownBy(() -> localOnly().generate(LlmTier.FAST, "안녕", LlmOptions.defaults()))
                .isInstanceOf(LlmAnswerException.class).hasMessageContaining("only reasoning");
    }

    @Test
    @DisplayName("[QUIRK fixed] local vLLM calls record usage too; the Python local provider never did")
    void everyLocalCallIsReportedWithTierModelAndService() {
        vllm.enqueue(VllmFixtures.singleNews());

        localOnly().generateJson(LlmTier.FAST, "뉴스", sentiment, LlmOptions.forService("news_analysis"));

        assertThat(usages).singleElement().satisfies(u -> {
            assertThat(u.service()).isEqualTo("news_analysis");
            assertThat(u.kind()).isEqualTo("FAST");
            assertThat(u.provider()).isEqualTo("vllm");
            assertThat(u.model()).isEqualTo("LGAI-EXAONE/EXAONE-4.0-32B-AWQ");
            assertThat(u.tokensIn()).isEqualTo(284);
            assertThat(u.tokensOut()).isEqualTo(46);
            assertThat(u.success()).isTrue();
        });
    }
}
