package com.primejennie.shared.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LlmClient} over tiers of OpenAI-compatible providers. For each call it walks the tier's providers in order;
 * each provider gets bounded retries ({@link LlmRetry}); any failure of a provider - after its retries, a 4xx, an
 * unusable answer - moves on to the next. When all fail, the last failure is thrown with the earlier ones suppressed,
 * keeping its type ({@link ContextOverflowException}, {@link LlmAnswerException}, ...).
 *
 * <p>The whole call - every provider, retry and answer re-ask - runs under the tier's overall deadline
 * ({@link LlmProperties.TierSettings#deadline()}): each HTTP attempt gets at most what is left of it, and when it is
 * used up the call fails with an {@link LlmDeadlineException} naming the tier and the deadline.
 *
 * <p>Per provider: the model goes through the {@link ModelMap}; the local vLLM gets the Korean {@link TokenClamp};
 * JSON is asked for as its {@link StructuredOutput} says. Every HTTP call is reported to the {@link LlmUsageRecorder}.
 */
public final class TieredLlmClient implements LlmClient, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TieredLlmClient.class);

    private final LlmProperties properties;
    private final ModelMap modelMap;
    private final TokenClamp clamp;
    private final LlmRetry retry;
    private final AnswerParser parser;
    private final LlmUsageRecorder usage;
    private final JsonMapper mapper;
    private final Map<String, OpenAiEndpoint> endpoints = new ConcurrentHashMap<>();

    public TieredLlmClient(LlmProperties properties, LlmUsageRecorder usage, JsonMapper mapper) {
        this.properties = properties;
        this.modelMap = new ModelMap(properties.modelMap());
        this.clamp = new TokenClamp(properties.maxModelLen());
        this.retry = new LlmRetry(properties.retry());
        this.parser = new AnswerParser(mapper);
        this.usage = usage;
        this.mapper = mapper;
        for (LlmTier tier : LlmTier.values()) {
            for (String name : properties.providerNames(tier)) {
                if (!properties.providers().containsKey(name)) {
                    throw new IllegalArgumentException("tier " + tier + " names unknown provider '" + name
                            + "'; known: " + properties.providers().keySet() + " and the types "
                            + LlmProperties.PROVIDER_ALIASES.keySet());
                }
            }
        }
    }

    @Override
    public LlmAnswer complete(LlmRequest request) {
        List<String> skipped = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        CallDeadline deadline = CallDeadline.start(request.tier(), properties.tiers().get(request.tier()).deadline());
        for (String name : properties.providerNames(request.tier())) {
            LlmProperties.ProviderSettings settings = properties.provider(request.tier(), name);
            if (Boolean.TRUE.equals(settings.requiresKey()) && !settings.hasKey()) {
                skipped.add(name + " (no API key)");
                continue;
            }
            if (deadline.expired()) {
                throw withSuppressed(deadline.exceeded(), failures);
            }
            try {
                return callProvider(name, settings, request, deadline);
            } catch (RuntimeException e) {
                if (!(e instanceof LlmException)) {
                    throw e;
                }
                if (e instanceof LlmDeadlineException exceeded) {
                    log.warn("LLM tier {}: {}", request.tier(), e.getMessage());
                    throw withSuppressed(exceeded, failures);
                }
                deadline.failed(e);
                log.warn("LLM provider {} failed for tier {}: {}", name, request.tier(), e.getMessage());
                failures.add(e);
            }
        }
        if (failures.isEmpty()) {
            throw new LlmException("tier " + request.tier() + " has no usable provider: " + skipped);
        }
        RuntimeException last = failures.get(failures.size() - 1);
        failures.subList(0, failures.size() - 1).forEach(last::addSuppressed);
        throw last;
    }

    private static LlmDeadlineException withSuppressed(LlmDeadlineException exceeded, List<RuntimeException> earlier) {
        earlier.stream().filter(e -> e != exceeded.getCause()).forEach(exceeded::addSuppressed);
        return exceeded;
    }

    private LlmAnswer callProvider(String name, LlmProperties.ProviderSettings settings, LlmRequest request,
                                   CallDeadline deadline) {
        LlmProperties.TierSettings tier = properties.tiers().get(request.tier());
        Duration timeout = settings.timeout() != null ? settings.timeout() : tier.timeout();
        OpenAiEndpoint endpoint = endpoints.computeIfAbsent(endpointKey(name, settings, timeout),
                key -> new OpenAiEndpoint(name, settings.baseUrl(), settings.apiKey(), timeout, mapper));
        ProviderCall call = prepare(settings, tier, request);
        int answerAttempts = 1 + properties.retry().answerRetries();
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(name, endpoint, call, request, timeout, tier.retryTimeouts(), deadline);
            } catch (LlmAnswerException e) {
                if (attempt >= answerAttempts) {
                    throw e;
                }
                deadline.failed(e);
                log.warn("LLM provider {} gave an unusable answer, asking again ({}/{}): {}", name, attempt,
                        answerAttempts - 1, e.getMessage());
            }
        }
    }

    private LlmAnswer callOnce(String name, OpenAiEndpoint endpoint, ProviderCall call, LlmRequest request,
                               Duration timeout, boolean retryTimeouts, CallDeadline deadline) {
        String service = request.options().service();
        long started = System.nanoTime();
        RawCompletion raw;
        try {
            raw = retry.call(() -> attempt(endpoint, call, timeout, deadline), retryTimeouts);
        } catch (RuntimeException e) {
            usage.record(new LlmUsage(service, request.tier().name(), name, call.model(), 0, 0, since(started),
                    false));
            throw e;
        }
        try {
            LlmAnswer answer = interpret(name, raw, request.schema());
            usage.record(new LlmUsage(service, request.tier().name(), name, call.model(), raw.promptTokens(),
                    raw.completionTokens(), since(started), true));
            return answer;
        } catch (LlmAnswerException e) {
            usage.record(new LlmUsage(service, request.tier().name(), name, call.model(), raw.promptTokens(),
                    raw.completionTokens(), since(started), false));
            throw e;
        }
    }

    /** One HTTP attempt, cut short at the deadline; a timeout that ran into the deadline ends the call. */
    private static RawCompletion attempt(OpenAiEndpoint endpoint, ProviderCall call, Duration timeout,
                                         CallDeadline deadline) {
        deadline.beginAttempt();
        try {
            return endpoint.chat(call, deadline.cap(timeout));
        } catch (LlmProviderException e) {
            deadline.failed(e);
            if (e.timedOut() && deadline.expired()) {
                throw deadline.exceeded();
            }
            throw e;
        }
    }

    private static String endpointKey(String name, LlmProperties.ProviderSettings settings, Duration timeout) {
        return name + "|" + settings.baseUrl() + "|" + timeout + "|"
                + (settings.apiKey() == null ? 0 : settings.apiKey().hashCode());
    }

    ProviderCall prepare(LlmProperties.ProviderSettings settings, LlmProperties.TierSettings tier,
                         LlmRequest request) {
        StructuredOutput structured = settings.structuredOutput() == null ? StructuredOutput.JSON_SCHEMA
                : settings.structuredOutput();
        List<ChatMessage> messages = request.schema() != null && structured != StructuredOutput.JSON_SCHEMA
                ? withSchemaInPrompt(request.messages(), request.schema()) : request.messages();
        int requested = request.options().maxTokens() != null ? request.options().maxTokens()
                : properties.defaultMaxTokens();
        int maxTokens = Boolean.TRUE.equals(settings.clampMaxTokens()) ? clamp.clamp(messages, requested)
                : requested;
        String model = modelMap.resolve(settings.model() != null ? settings.model() : tier.localModel());
        return new ProviderCall(model, messages, maxTokens, request.options().temperature(), request.schema(),
                structured, settings.enableThinking());
    }

    /** The messages with the schema appended to the last user turn (a new user turn when there is none). */
    static List<ChatMessage> withSchemaInPrompt(List<ChatMessage> messages, ResponseSchema schema) {
        String instruction = "Answer with a single JSON object and nothing else. It must conform to this JSON "
                + "schema:\n" + schema.schema();
        List<ChatMessage> result = new ArrayList<>(messages);
        for (int i = result.size() - 1; i >= 0; i--) {
            if (result.get(i).role() == ChatMessage.Role.USER) {
                result.set(i, ChatMessage.user(result.get(i).content() + "\n\n" + instruction));
                return List.copyOf(result);
            }
        }
        result.add(ChatMessage.user(instruction));
        return List.copyOf(result);
    }

    private LlmAnswer interpret(String provider, RawCompletion raw, ResponseSchema schema) {
        if (schema == null) {
            String text = AnswerParser.stripThinking(raw.content());
            if (text.isEmpty()) {
                throw new LlmAnswerException("text", raw.content() == null || raw.content().isBlank()
                        ? "is empty" : "has only reasoning, no final answer", raw.content());
            }
            return new LlmAnswer(text, null, provider, raw.model(), raw.promptTokens(), raw.completionTokens());
        }
        var json = parser.parse(raw.content(), schema);
        return new LlmAnswer(AnswerParser.stripThinking(raw.content()), json, provider, raw.model(),
                raw.promptTokens(), raw.completionTokens());
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        endpoints.values().forEach(OpenAiEndpoint::close);
        endpoints.clear();
    }
}
