package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.primejennie.shared.bootstrap.PythonCompatibleEnvironment;

/** The Python variable names configure the client; Spring properties win; the auto-configuration wires it. */
class LlmConfigurationTest {

    @TempDir
    Path dir;

    private LlmProperties bind(Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("SECRETS_FILE", dir.resolve("none.json").toString());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("simulatedEnvironment", all));
        new PythonCompatibleEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("jennie.llm", LlmProperties.class);
    }

    @Test
    void withoutVariablesEverythingIsAtTheSpecDefaults() {
        LlmProperties properties = bind(Map.of());

        assertThat(properties.vllmUrl()).isEqualTo("http://localhost:8001/v1");
        assertThat(properties.maxModelLen()).isEqualTo(4096);
        assertThat(properties.embedding().url()).isEqualTo("http://localhost:8002/v1");
        assertThat(properties.modelMap()).isEqualTo(ModelMap.DEFAULTS);
        for (LlmTier tier : LlmTier.values()) {
            assertThat(properties.providerNames(tier)).containsExactly("vllm");
            assertThat(properties.tiers().get(tier).localModel()).isEqualTo("gemma3:27b");
        }
        assertThat(properties.providers().get("vllm").baseUrl()).isEqualTo("http://localhost:8001/v1");
        assertThat(properties.providers().get("vllm").structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
        assertThat(properties.providers().get("deepseek").hasKey()).isFalse();
        assertThat(properties.providers().get("openai").baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void pythonVariablesConfigureUrlsContextTiersAndKeys() {
        LlmProperties properties = bind(Map.of(
                "VLLM_LLM_URL", "http://gpu-box:8001/v1", "VLLM_EMBED_URL", "http://gpu-box:8002/v1",
                "VLLM_MAX_MODEL_LEN", "8192", "TIER_REASONING_PROVIDER", "deepseek_cloud",
                "TIER_THINKING_PROVIDER", "deepseek_cloud", "LOCAL_MODEL_FAST", "exaone3.5:7.8b",
                "DEEPSEEK_API_KEY", "sk-deep", "OPENROUTER_API_KEY", "sk-or"));

        assertThat(properties.vllmUrl()).isEqualTo("http://gpu-box:8001/v1");
        assertThat(properties.providers().get("vllm").baseUrl()).isEqualTo("http://gpu-box:8001/v1");
        assertThat(properties.embedding().url()).isEqualTo("http://gpu-box:8002/v1");
        assertThat(properties.maxModelLen()).isEqualTo(8192);
        assertThat(properties.providerNames(LlmTier.FAST)).containsExactly("vllm");
        assertThat(properties.providerNames(LlmTier.REASONING)).containsExactly("deepseek", "openrouter");
        assertThat(properties.providerNames(LlmTier.THINKING)).containsExactly("deepseek", "openrouter");
        assertThat(properties.tiers().get(LlmTier.FAST).localModel()).isEqualTo("exaone3.5:7.8b");
        assertThat(properties.providers().get("deepseek").apiKey()).isEqualTo("sk-deep");
        assertThat(properties.providers().get("deepseek").baseUrl()).isEqualTo("https://api.deepseek.com");
        assertThat(properties.providers().get("openrouter").apiKey()).isEqualTo("sk-or");
    }

    @Test
    void perTierOpenAiOverridesApplyToThatTierOnly() {
        LlmProperties properties = bind(Map.of(
                "TIER_REASONING_PROVIDER", "openai", "TIER_REASONING_API_BASE", "https://api.together.xyz/v1",
                "TIER_REASONING_API_KEY", "tg-key", "TIER_REASONING_MODEL_NAME", "Qwen/Qwen3-235B-A22B",
                "OPENAI_API_KEY", "sk-openai"));

        assertThat(properties.providerNames(LlmTier.REASONING)).containsExactly("openai");
        LlmProperties.ProviderSettings reasoning = properties.provider(LlmTier.REASONING, "openai");
        assertThat(reasoning.baseUrl()).isEqualTo("https://api.together.xyz/v1");
        assertThat(reasoning.apiKey()).isEqualTo("tg-key");
        assertThat(reasoning.model()).isEqualTo("Qwen/Qwen3-235B-A22B");
        LlmProperties.ProviderSettings fast = properties.provider(LlmTier.FAST, "openai");
        assertThat(fast.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(fast.apiKey()).isEqualTo("sk-openai");
        assertThat(fast.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void springPropertiesAddProvidersAndOverridePresetsFieldByField() {
        LlmProperties properties = bind(Map.of(
                "jennie.llm.tiers.thinking.providers", "vllm,groq",
                "jennie.llm.tiers.thinking.timeout", "900s",
                "jennie.llm.providers.groq.base-url", "https://api.groq.com/openai/v1",
                "jennie.llm.providers.groq.model", "llama-3.3-70b-versatile",
                "jennie.llm.providers.groq.requires-key", "true",
                "jennie.llm.providers.vllm.structured-output", "off",
                "jennie.llm.providers.vllm.enable-thinking", "false",
                "jennie.llm.model-map[exaone]", "Qwen/Qwen3-32B-AWQ",
                "jennie.llm.model-map[qwen3:32b]", "Qwen/Qwen3-32B-AWQ"));

        assertThat(properties.providerNames(LlmTier.THINKING)).containsExactly("vllm", "groq");
        assertThat(properties.tiers().get(LlmTier.THINKING).timeout()).isEqualTo(Duration.ofSeconds(900));
        assertThat(properties.providers().get("groq").model()).isEqualTo("llama-3.3-70b-versatile");
        LlmProperties.ProviderSettings vllm = properties.providers().get("vllm");
        assertThat(vllm.structuredOutput()).isEqualTo(StructuredOutput.OFF);
        assertThat(vllm.enableThinking()).isFalse();
        assertThat(vllm.clampMaxTokens()).as("kept from the preset").isTrue();
        assertThat(vllm.baseUrl()).isEqualTo("http://localhost:8001/v1");
        assertThat(properties.modelMap()).containsEntry("exaone", "Qwen/Qwen3-32B-AWQ");
        assertThat(properties.modelMap()).as("the other defaults stay")
                .containsEntry("gemma3:27b", "LGAI-EXAONE/EXAONE-4.0-32B-AWQ")
                .containsEntry("qwen3:32b", "Qwen/Qwen3-32B-AWQ");
        assertThat(new ModelMap(properties.modelMap()).resolve("exaone3.5:7.8b"))
                .isEqualTo("LGAI-EXAONE/EXAONE-4.0-32B-AWQ");
    }

    @Test
    void autoConfigurationProvidesTheClientsWithoutTouchingTheNetwork() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlmAutoConfiguration.class))
                .withPropertyValues("jennie.llm.vllm-url=http://127.0.0.1:1/v1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(LlmClient.class);
                    assertThat(context).hasSingleBean(EmbeddingClient.class);
                    assertThat(context).hasSingleBean(LlmUsageRecorder.class);
                    assertThat(context.getBean(LlmProperties.class).vllmUrl()).isEqualTo("http://127.0.0.1:1/v1");
                });
    }

    @Test
    void aTypoInATierFailsTheStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlmAutoConfiguration.class))
                .withPropertyValues("jennie.llm.tiers.fast.providers=vlm")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("unknown provider 'vlm'"));
    }
}
