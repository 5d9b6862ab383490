package com.primejennie.shared.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vLLM refused the request because prompt plus {@code max_tokens} exceed the context ({@code --max-model-len}), the
 * HTTP 400 "This model's maximum context length is 4096 tokens. However, you requested 4410 tokens (378 in the
 * messages, 4032 in the completion)". Its own type so callers can shorten the prompt instead of failing blindly;
 * never retried on the same provider. Numbers the message does not state are -1.
 */
public class ContextOverflowException extends LlmProviderException {

    private static final Pattern MAX_CONTEXT = Pattern.compile("maximum context length is (\\d+) tokens");
    private static final Pattern REQUESTED = Pattern.compile(
            "you requested (\\d+) tokens \\((\\d+) in the messages, (\\d+) in the completion\\)");
    private static final Pattern INPUT_TOKENS = Pattern.compile("request has (\\d+) input tokens");

    private final int maxContextTokens;
    private final int requestedTokens;
    private final int messageTokens;
    private final int completionTokens;

    public ContextOverflowException(String provider, int maxContextTokens, int requestedTokens, int messageTokens,
                                    int completionTokens, String serverMessage) {
        super(provider, 400, false, "context overflow: max " + maxContextTokens + " tokens, requested "
                + requestedTokens + " (" + messageTokens + " in the messages, " + completionTokens
                + " in the completion) - " + serverMessage, null);
        this.maxContextTokens = maxContextTokens;
        this.requestedTokens = requestedTokens;
        this.messageTokens = messageTokens;
        this.completionTokens = completionTokens;
    }

    /** The overflow described by a 400 body, or empty when the body is about something else. */
    public static Optional<ContextOverflowException> fromErrorBody(String provider, String body) {
        if (body == null || !body.contains("maximum context length")) {
            return Optional.empty();
        }
        int max = group(MAX_CONTEXT.matcher(body), 1);
        Matcher requested = REQUESTED.matcher(body);
        if (requested.find()) {
            return Optional.of(new ContextOverflowException(provider, max, Integer.parseInt(requested.group(1)),
                    Integer.parseInt(requested.group(2)), Integer.parseInt(requested.group(3)), body));
        }
        int input = group(INPUT_TOKENS.matcher(body), 1);
        return Optional.of(new ContextOverflowException(provider, max, -1, input, -1, body));
    }

    private static int group(Matcher matcher, int group) {
        return matcher.find() ? Integer.parseInt(matcher.group(group)) : -1;
    }

    public int maxContextTokens() {
        return maxContextTokens;
    }

    public int requestedTokens() {
        return requestedTokens;
    }

    public int messageTokens() {
        return messageTokens;
    }

    public int completionTokens() {
        return completionTokens;
    }
}
