package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Bad input fails before any HTTP call, with a message naming the argument. */
class ArgumentChecksTest {

    @Test
    void blankPromptIsRejected() {
        assertThatThrownBy(() -> LlmRequest.generate(LlmTier.FAST, "  \n", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("prompt must not be blank");
    }

    @Test
    void emptyMessageListIsRejected() {
        assertThatThrownBy(() -> LlmRequest.chat(LlmTier.FAST, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("messages must not be empty");
    }

    @Test
    void negativeMaxTokensIsRejected() {
        assertThatThrownBy(() -> LlmOptions.defaults().withMaxTokens(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTokens must be positive, was -5");
    }

    @Test
    void temperatureOutOfRangeIsRejected() {
        assertThatThrownBy(() -> LlmOptions.defaults().withTemperature(3.0))
                .hasMessageContaining("temperature must be within 0.0-2.0");
    }

    @Test
    void serviceTagMustBeUsableInARedisKey() {
        assertThatThrownBy(() -> LlmOptions.forService("scout job:1")).hasMessageContaining("service must be");
        assertThat(LlmOptions.forService(null).service()).isEqualTo("unknown");
        assertThat(LlmOptions.forService("macro_council").service()).isEqualTo("macro_council");
    }

    @Test
    void geminiRoleModelMeansAssistant() {
        assertThat(ChatMessage.of("model", "네").role()).isEqualTo(ChatMessage.Role.ASSISTANT);
        assertThatThrownBy(() -> ChatMessage.of("tool", "x")).hasMessageContaining("role must be");
    }

    @Test
    void schemaNameAndDocumentAreChecked() {
        assertThatThrownBy(() -> ResponseSchema.of("bad name!", "{}")).hasMessageContaining("name must be");
        assertThatThrownBy(() -> ResponseSchema.of("s", "[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> ResponseSchema.of("s", "{oops")).hasMessageContaining("schemaJson of 's'");
    }

    @Test
    void defaultsAreThoseOfTheSpec() {
        LlmOptions options = LlmOptions.defaults();
        assertThat(options.temperature()).isEqualTo(0.2);
        assertThat(options.maxTokens()).isNull();
        LlmProperties properties = LlmProperties.defaults();
        assertThat(properties.vllmUrl()).isEqualTo("http://localhost:8001/v1");
        assertThat(properties.maxModelLen()).isEqualTo(4096);
        assertThat(properties.defaultMaxTokens()).isEqualTo(4096);
        assertThat(properties.tiers().get(LlmTier.FAST).timeout()).hasSeconds(60);
        assertThat(properties.tiers().get(LlmTier.REASONING).timeout()).hasSeconds(600);
        assertThat(properties.tiers().get(LlmTier.THINKING).timeout()).hasSeconds(600);
        assertThat(properties.providerNames(LlmTier.THINKING)).containsExactly("vllm");
        assertThat(properties.embedding().url()).isEqualTo("http://localhost:8002/v1");
        assertThat(properties.embedding().model()).isEqualTo("nlpai-lab/KURE-v1");
        assertThat(properties.embedding().dimension()).isEqualTo(1024);
        assertThat(properties.retry().maxAttempts()).isEqualTo(3);
        assertThat(properties.retry().initialBackoff()).hasSeconds(1);
        assertThat(properties.retry().answerRetries()).isEqualTo(1);
    }
}
