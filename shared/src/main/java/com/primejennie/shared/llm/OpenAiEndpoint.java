package com.primejennie.shared.llm;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;

import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenAI-compatible server (local vLLM, DeepSeek, OpenRouter, OpenAI) reached through the official openai-java
 * SDK that spring-ai-openai wraps (typed request and response models, error types), over an HTTP/1.1-only OkHttp
 * transport ({@link Http11Transport}). The SDK's own retries are off ({@code maxRetries(0)}): retrying is decided by
 * {@link LlmRetry} and failover by {@link TieredLlmClient}.
 * SDK failures are turned into {@link LlmProviderException}s that say whether a retry makes sense.
 */
final class OpenAiEndpoint implements AutoCloseable {

    /** The SDK wants a key; with none configured this placeholder is set and the header stripped again. */
    private static final String NO_KEY = "no-key";

    private final String name;
    private final OpenAIClient client;
    private final JsonMapper mapper;

    OpenAiEndpoint(String name, String baseUrl, String apiKey, Duration timeout, JsonMapper mapper) {
        this.name = name;
        this.mapper = mapper;
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        this.client = new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(new Http11Transport(timeout, !hasKey))
                .baseUrl(stripTrailingSlash(baseUrl))
                .apiKey(hasKey ? apiKey : NO_KEY)
                .timeout(timeout)
                .maxRetries(0)
                .build());
    }

    String name() {
        return name;
    }

    RawCompletion chat(ProviderCall call) {
        return chat(call, null);
    }

    /** One chat completion; {@code timeout}, when given, bounds this HTTP call as a whole (connect to last byte). */
    RawCompletion chat(ProviderCall call, Duration timeout) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(call.model())
                .maxTokens(call.maxTokens())
                .temperature(call.temperature());
        for (ChatMessage message : call.messages()) {
            switch (message.role()) {
                case SYSTEM -> params.addSystemMessage(message.content());
                case USER -> params.addUserMessage(message.content());
                case ASSISTANT -> params.addAssistantMessage(message.content());
            }
        }
        if (call.responseFormat() != null) {
            if (call.structuredOutput() == StructuredOutput.JSON_SCHEMA) {
                params.responseFormat(jsonSchemaFormat(call.responseFormat()));
            } else if (call.structuredOutput() == StructuredOutput.JSON_OBJECT) {
                params.responseFormat(ResponseFormatJsonObject.builder().build());
            }
        }
        if (call.enableThinking() != null) {
            params.putAdditionalBodyProperty("chat_template_kwargs",
                    JsonValue.from(Map.of("enable_thinking", call.enableThinking())));
        }
        RequestOptions options = timeout == null ? RequestOptions.none()
                : RequestOptions.builder().timeout(Timeout.builder().request(timeout).build()).build();
        ChatCompletion completion = invoke(() -> client.chat().completions().create(params.build(), options));
        try {
            if (completion.choices().isEmpty()) {
                throw new LlmProviderException(name, 200, false, "answer has no choices", null);
            }
            String content = completion.choices().get(0).message().content().orElse("");
            long in = completion.usage().map(u -> u.promptTokens()).orElse(0L);
            long out = completion.usage().map(u -> u.completionTokens()).orElse(0L);
            return new RawCompletion(content, completion.model(), in, out);
        } catch (RuntimeException e) {
            if (e instanceof LlmException) {
                throw e;
            }
            throw new LlmProviderException(name, 200, false, "malformed chat completion: " + e.getMessage(), e);
        }
    }

    /** Vectors of the inputs in input order, and the prompt tokens the server counted. */
    EmbeddingBatch embed(String model, List<String> inputs) {
        EmbeddingCreateParams params = EmbeddingCreateParams.builder()
                .model(model)
                .inputOfArrayOfStrings(inputs)
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                .build();
        CreateEmbeddingResponse response = invoke(() -> client.embeddings().create(params));
        try {
            List<Embedding> data = new ArrayList<>(response.data());
            data.sort((a, b) -> Long.compare(a.index(), b.index()));
            List<float[]> vectors = new ArrayList<>(data.size());
            for (Embedding embedding : data) {
                List<Float> values = embedding.embedding();
                float[] vector = new float[values.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = values.get(i);
                }
                vectors.add(vector);
            }
            return new EmbeddingBatch(vectors, response.usage().promptTokens());
        } catch (RuntimeException e) {
            throw new LlmProviderException(name, 200, false, "malformed embedding answer: " + e.getMessage(), e);
        }
    }

    record EmbeddingBatch(List<float[]> vectors, long promptTokens) {
    }

    private ResponseFormatJsonSchema jsonSchemaFormat(ResponseSchema schema) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = mapper.convertValue(schema.schema(), LinkedHashMap.class);
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder body = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        document.forEach((key, value) -> body.putAdditionalProperty(key, JsonValue.from(value)));
        return ResponseFormatJsonSchema.builder()
                .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name(schema.name())
                        .schema(body.build())
                        .build())
                .build();
    }

    private <T> T invoke(Supplier<T> call) {
        try {
            return call.get();
        } catch (BadRequestException e) {
            String body = errorText(e);
            throw ContextOverflowException.fromErrorBody(name, body).map(RuntimeException.class::cast)
                    .orElseGet(() -> new LlmProviderException(name, 400, false, "HTTP 400: " + body, e));
        } catch (OpenAIServiceException e) {
            int status = e.statusCode();
            throw new LlmProviderException(name, status, status >= 500, "HTTP " + status + ": " + errorText(e), e);
        } catch (OpenAIInvalidDataException e) {
            // The SDK wraps a failure while reading the body (a timeout mid-answer too) as invalid data.
            if (timedOut(e)) {
                throw new LlmProviderException(name, 0, true, true, "no answer (timeout while reading): "
                        + describe(e), e);
            }
            throw new LlmProviderException(name, 200, false, "unreadable answer: " + describe(e), e);
        } catch (OpenAIIoException | OpenAIRetryableException e) {
            boolean timedOut = timedOut(e);
            throw new LlmProviderException(name, 0, true, timedOut, "no answer ("
                    + (timedOut ? "timeout" : "connection error") + "): " + describe(e), e);
        }
    }

    /** OkHttp reports read, connect and whole-call timeouts as {@link InterruptedIOException}s. */
    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String errorText(OpenAIServiceException e) {
        String body = String.valueOf(e.body());
        return body.isBlank() || "null".equals(body) ? String.valueOf(e.getMessage()) : body;
    }

    /** The SDK's message and the causes below it ("timeout", "Connection refused"), which say what happened. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        client.close();
    }
}
