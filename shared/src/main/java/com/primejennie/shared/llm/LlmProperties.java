package com.primejennie.shared.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the LLM client, with its defaults here and only here ({@code jennie-defaults.properties} merely
 * binds the Python names VLLM_LLM_URL, VLLM_EMBED_URL, VLLM_MAX_MODEL_LEN, TIER_&lt;TIER&gt;_PROVIDER,
 * LOCAL_MODEL_&lt;TIER&gt;, DEEPSEEK_API_KEY, ... with an empty fallback). Unset or blank values take the defaults.
 *
 * @param vllmUrl           base URL of the local vLLM chat server, {@code /v1} included
 * @param maxModelLen       vLLM {@code --max-model-len}; drives the Korean token clamp
 * @param defaultMaxTokens  the requested {@code max_tokens} when a call does not say
 * @param modelMap          legacy model names to served names: {@link ModelMap#DEFAULTS} plus these entries (an entry
 *                          overrides a default of the same name; map a name to itself to unmap it)
 * @param providers         named OpenAI-compatible endpoints, merged over the built-in presets (vllm, deepseek,
 *                          openrouter, openai)
 * @param tiers             per tier: the provider names in order, the local model name, the timeout, the overall
 *                          deadline of a call and whether timeouts are retried
 * @param retry             bounded retries of one provider (timeouts, 5xx, connection errors)
 * @param embedding         the embedding server
 */
@ConfigurationProperties("jennie.llm")
public record LlmProperties(String vllmUrl, Integer maxModelLen, Integer defaultMaxTokens,
                            Map<String, String> modelMap, Map<String, ProviderSettings> providers,
                            Map<LlmTier, TierSettings> tiers, RetrySettings retry, EmbeddingSettings embedding) {

    public static final String DEFAULT_VLLM_URL = "http://localhost:8001/v1";
    public static final int DEFAULT_MAX_MODEL_LEN = 4096;
    public static final int DEFAULT_MAX_TOKENS = 4096;
    public static final String DEFAULT_LOCAL_MODEL = "gemma3:27b";
    public static final Duration FAST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration SLOW_TIMEOUT = Duration.ofSeconds(600);
    /** FAST: one full 60 s timeout, the backoff and most of a second attempt, then give up. */
    public static final Duration FAST_DEADLINE = Duration.ofSeconds(90);
    /**
     * REASONING and THINKING: one full 600 s attempt plus 300 s for an answer re-ask or the next provider; never the
     * 30 minutes of a 600 s timeout tried three times.
     */
    public static final Duration SLOW_DEADLINE = Duration.ofSeconds(900);

    /** Python provider types of {@code TIER_<TIER>_PROVIDER} and the provider chains they stand for. */
    public static final Map<String, List<String>> PROVIDER_ALIASES = Map.of(
            "ollama", List.of("vllm"),
            "local", List.of("vllm"),
            "deepseek_cloud", List.of("deepseek", "openrouter"));

    public LlmProperties {
        vllmUrl = blankTo(vllmUrl, DEFAULT_VLLM_URL);
        maxModelLen = positive("maxModelLen", maxModelLen, DEFAULT_MAX_MODEL_LEN);
        defaultMaxTokens = positive("defaultMaxTokens", defaultMaxTokens, DEFAULT_MAX_TOKENS);
        modelMap = mergeModelMap(modelMap);
        providers = mergeProviders(vllmUrl, providers);
        tiers = completeTiers(tiers);
        retry = retry == null ? new RetrySettings(null, null, null, null, null) : retry;
        embedding = embedding == null ? new EmbeddingSettings(null, null, null, null, null, null) : embedding;
    }

    /** Everything at its default. */
    public static LlmProperties defaults() {
        return new LlmProperties(null, null, null, null, null, null, null, null);
    }

    /** The built-in providers: the local vLLM and the cloud chain of the Python {@code deepseek_cloud} type. */
    static Map<String, ProviderSettings> presets(String vllmUrl) {
        Map<String, ProviderSettings> presets = new LinkedHashMap<>();
        presets.put("vllm", new ProviderSettings(vllmUrl, null, null, null, StructuredOutput.JSON_SCHEMA, true,
                false, null));
        presets.put("deepseek", new ProviderSettings("https://api.deepseek.com", "deepseek-chat", null, null,
                StructuredOutput.JSON_OBJECT, false, true, null));
        presets.put("openrouter", new ProviderSettings("https://openrouter.ai/api/v1", "deepseek/deepseek-v3.2",
                null, null, StructuredOutput.JSON_OBJECT, false, true, null));
        presets.put("openai", new ProviderSettings("https://api.openai.com/v1", "gpt-4o-mini", null, null,
                StructuredOutput.JSON_SCHEMA, false, true, null));
        return presets;
    }

    private static Map<String, String> mergeModelMap(Map<String, String> configured) {
        Map<String, String> merged = new LinkedHashMap<>(ModelMap.DEFAULTS);
        if (configured != null) {
            configured.forEach((from, to) -> {
                if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
                    merged.put(from.trim(), to.trim());
                }
            });
        }
        return Map.copyOf(merged);
    }

    private static Map<String, ProviderSettings> mergeProviders(String vllmUrl,
                                                                Map<String, ProviderSettings> configured) {
        Map<String, ProviderSettings> merged = presets(vllmUrl);
        if (configured != null) {
            configured.forEach((name, settings) -> merged.merge(name.toLowerCase(Locale.ROOT),
                    settings == null ? ProviderSettings.EMPTY : settings, (preset, given) -> given.over(preset)));
        }
        return Map.copyOf(merged);
    }

    private static Map<LlmTier, TierSettings> completeTiers(Map<LlmTier, TierSettings> configured) {
        Map<LlmTier, TierSettings> complete = new EnumMap<>(LlmTier.class);
        for (LlmTier tier : LlmTier.values()) {
            TierSettings given = configured == null ? null : configured.get(tier);
            complete.put(tier, TierSettings.complete(tier, given));
        }
        return Map.copyOf(complete);
    }

    /** The provider names of a tier with Python aliases expanded. */
    public List<String> providerNames(LlmTier tier) {
        List<String> names = new ArrayList<>();
        for (String name : tiers.get(tier).providers()) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            names.addAll(PROVIDER_ALIASES.getOrDefault(key, List.of(key)));
        }
        return names;
    }

    /** The settings of provider {@code name} as used in {@code tier} (the openai provider takes the tier overrides). */
    public ProviderSettings provider(LlmTier tier, String name) {
        ProviderSettings settings = providers.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("unknown provider '" + name + "'; known: " + providers.keySet());
        }
        TierSettings tierSettings = tiers.get(tier);
        if ("openai".equals(name)) {
            return new ProviderSettings(tierSettings.apiBase(), tierSettings.modelName(), tierSettings.apiKey(),
                    null, null, null, null, null).over(settings);
        }
        return settings;
    }

    static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static int positive(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("jennie.llm " + name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * One OpenAI-compatible endpoint. Null fields are inherited from the preset of the same name.
     *
     * @param baseUrl          {@code /v1}-style base; requests go to {@code <baseUrl>/chat/completions}
     * @param model            the model to ask for; {@code null} = the tier's local model (vLLM)
     * @param apiKey           bearer key; none is sent when blank
     * @param timeout          per HTTP call (connect and read); {@code null} = the tier's timeout
     * @param structuredOutput how JSON is requested
     * @param clampMaxTokens   apply the Korean clamp (the local vLLM with its small context)
     * @param requiresKey      skip this provider when it has no key (cloud providers)
     * @param enableThinking   {@code null}: send nothing; else {@code chat_template_kwargs.enable_thinking}
     */
    public record ProviderSettings(String baseUrl, String model, String apiKey, Duration timeout,
                                   StructuredOutput structuredOutput, Boolean clampMaxTokens, Boolean requiresKey,
                                   Boolean enableThinking) {

        static final ProviderSettings EMPTY = new ProviderSettings(null, null, null, null, null, null, null, null);

        /** These settings, with unset fields taken from {@code base}. */
        ProviderSettings over(ProviderSettings base) {
            return new ProviderSettings(
                    blankTo(baseUrl, base.baseUrl), blankTo(model, base.model), blankTo(apiKey, base.apiKey),
                    timeout != null ? timeout : base.timeout,
                    structuredOutput != null ? structuredOutput : base.structuredOutput,
                    clampMaxTokens != null ? clampMaxTokens : base.clampMaxTokens,
                    requiresKey != null ? requiresKey : base.requiresKey,
                    enableThinking != null ? enableThinking : base.enableThinking);
        }

        boolean hasKey() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /**
     * @param providers  provider names or Python types ({@code ollama}, {@code deepseek_cloud}) tried in order
     * @param localModel the model asked of providers without their own (LOCAL_MODEL_&lt;TIER&gt;)
     * @param timeout    per HTTP call: 60 s FAST, 600 s REASONING and THINKING
     * @param apiBase    TIER_&lt;TIER&gt;_API_BASE: base URL of the {@code openai} provider in this tier only
     * @param apiKey     TIER_&lt;TIER&gt;_API_KEY: its key in this tier only
     * @param modelName  TIER_&lt;TIER&gt;_MODEL_NAME: its model in this tier only
     * @param deadline   overall bound of one call across retries, answer re-asks and failover: 90 s FAST, 900 s
     *                   REASONING and THINKING; each HTTP call gets at most what is left of it
     * @param retryTimeouts whether an HTTP timeout is retried on the same provider: yes for FAST, no for REASONING and
     *                   THINKING (a 600 s timeout retried 3 times would be 30 minutes); 5xx and connection errors are
     *                   retried in every tier
     */
    public record TierSettings(List<String> providers, String localModel, Duration timeout, String apiBase,
                               String apiKey, String modelName, Duration deadline, Boolean retryTimeouts) {

        /** A tier without openai overrides (a static factory: a second constructor would confuse binding). */
        public static TierSettings of(List<String> providers, String localModel, Duration timeout) {
            return new TierSettings(providers, localModel, timeout, null, null, null, null, null);
        }

        /** A tier without openai overrides, with its overall deadline and timeout-retry choice. */
        public static TierSettings of(List<String> providers, String localModel, Duration timeout, Duration deadline,
                                      Boolean retryTimeouts) {
            return new TierSettings(providers, localModel, timeout, null, null, null, deadline, retryTimeouts);
        }

        static TierSettings complete(LlmTier tier, TierSettings given) {
            List<String> providers = given == null || given.providers == null ? List.of() : given.providers.stream()
                    .filter(p -> p != null && !p.isBlank()).toList();
            return new TierSettings(providers.isEmpty() ? List.of("vllm") : providers,
                    blankTo(given == null ? null : given.localModel, DEFAULT_LOCAL_MODEL),
                    given != null && given.timeout != null ? given.timeout
                            : tier == LlmTier.FAST ? FAST_TIMEOUT : SLOW_TIMEOUT,
                    given == null ? null : blankTo(given.apiBase, null),
                    given == null ? null : blankTo(given.apiKey, null),
                    given == null ? null : blankTo(given.modelName, null),
                    deadline(tier, given),
                    given != null && given.retryTimeouts != null ? given.retryTimeouts : tier == LlmTier.FAST);
        }

        private static Duration deadline(LlmTier tier, TierSettings given) {
            Duration deadline = given != null && given.deadline != null ? given.deadline
                    : tier == LlmTier.FAST ? FAST_DEADLINE : SLOW_DEADLINE;
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("jennie.llm.tiers." + tier.name().toLowerCase(Locale.ROOT)
                        + ".deadline must be positive, was " + deadline);
            }
            return deadline;
        }
    }

    /**
     * @param maxAttempts    calls of one provider at most per answer (3: the first and two retries)
     * @param initialBackoff wait before the first retry (1 s), multiplied by {@code multiplier} up to
     *                       {@code maxBackoff}
     * @param answerRetries  how often one provider is asked again after an unusable answer (empty, no JSON, schema
     *                       violation) before the tier moves on: 1, as the Python client's call-level retry
     */
    public record RetrySettings(Integer maxAttempts, Duration initialBackoff, Double multiplier,
                                Duration maxBackoff, Integer answerRetries) {

        public RetrySettings {
            maxAttempts = positive("retry.maxAttempts", maxAttempts, 3);
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            multiplier = multiplier == null ? 2.0 : multiplier;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(8) : maxBackoff;
            answerRetries = answerRetries == null ? 1 : answerRetries;
            if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.isZero() || multiplier < 1.0
                    || answerRetries < 0) {
                throw new IllegalArgumentException("jennie.llm.retry: initial backoff must be >= 0, max backoff > 0, "
                        + "multiplier >= 1 and answer retries >= 0, was " + initialBackoff + ", " + maxBackoff + ", "
                        + multiplier + ", " + answerRetries);
            }
        }
    }

    /**
     * @param url                 VLLM_EMBED_URL, {@code /v1} included
     * @param model               served embedding model
     * @param dimension           expected vector length (KURE-v1: 1024)
     * @param maxInputCodePoints  longest accepted input, a conservative stand-in for the server's 256-token limit
     *                            (the KURE tokenizer is not available here); longer input is rejected unsent
     * @param maxBatchSize        inputs per HTTP request; longer lists are split
     * @param timeout             per HTTP call
     */
    public record EmbeddingSettings(String url, String model, Integer dimension, Integer maxInputCodePoints,
                                    Integer maxBatchSize, Duration timeout) {

        public EmbeddingSettings {
            url = blankTo(url, "http://localhost:8002/v1");
            model = blankTo(model, "nlpai-lab/KURE-v1");
            dimension = positive("embedding.dimension", dimension, 1024);
            maxInputCodePoints = positive("embedding.maxInputCodePoints", maxInputCodePoints, 250);
            maxBatchSize = positive("embedding.maxBatchSize", maxBatchSize, 32);
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        }
    }
}
