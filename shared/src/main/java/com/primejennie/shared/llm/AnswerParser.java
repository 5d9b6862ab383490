package com.primejennie.shared.llm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a model's raw text into the JSON object a caller asked for, in the Python suite's order (spec §1.3):
 * strip {@code <think>} blocks, parse the whole text, else the first {@code ```json} fence, else the first {@code ```}
 * fence, else the first balanced JSON object in the text; then copy keys that differ only in case to the schema's
 * required names, and validate against the schema.
 */
final class AnswerParser {

    private static final Pattern THINK = Pattern.compile("<think>.*?</think>", Pattern.DOTALL);
    private static final Pattern UNCLOSED_THINK = Pattern.compile("<think>.*", Pattern.DOTALL);
    private static final int MAX_OBJECT_STARTS = 50;

    private final JsonMapper mapper;
    /** Reads one value and ignores what follows it (Jackson 3 fails on trailing tokens by default). */
    private final ObjectReader firstValue;

    AnswerParser(JsonMapper mapper) {
        this.mapper = mapper;
        this.firstValue = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The text without reasoning blocks (an unclosed trailing {@code <think>} is dropped too), trimmed. */
    static String stripThinking(String raw) {
        if (raw == null) {
            return "";
        }
        String stripped = THINK.matcher(raw).replaceAll("");
        stripped = UNCLOSED_THINK.matcher(stripped).replaceAll("");
        return stripped.trim();
    }

    /** The schema-valid JSON object of {@code raw}, or an {@link LlmAnswerException} saying what is wrong. */
    JsonNode parse(String raw, ResponseSchema schema) {
        String text = stripThinking(raw);
        if (text.isEmpty()) {
            String problem = raw == null || raw.isBlank() ? "is empty"
                    : "has " + raw.length() + " chars of reasoning but no final JSON output";
            throw new LlmAnswerException(schema.name(), problem, raw);
        }
        JsonNode json = extract(text)
                .orElseThrow(() -> new LlmAnswerException(schema.name(), "contains no JSON object", raw));
        if (json instanceof ObjectNode object) {
            normaliseKeyCase(object, schema.required());
        }
        List<String> violations = schema.violations(json);
        if (!violations.isEmpty()) {
            throw new LlmAnswerException(schema.name(), "violates the schema: " + String.join("; ", violations),
                    raw);
        }
        return json;
    }

    Optional<JsonNode> extract(String text) {
        Optional<JsonNode> whole = readWhole(text);
        if (whole.isPresent()) {
            return whole;
        }
        for (String fence : List.of("```json", "```")) {
            int start = text.indexOf(fence);
            if (start >= 0) {
                int from = start + fence.length();
                int end = text.indexOf("```", from);
                if (end > from) {
                    Optional<JsonNode> fenced = readWhole(text.substring(from, end).trim());
                    if (fenced.isPresent()) {
                        return fenced;
                    }
                }
            }
        }
        return firstObject(text);
    }

    private Optional<JsonNode> readWhole(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && (node.isObject() || node.isArray()) ? Optional.of(node) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first {@code {...}} that parses as a complete object, ignoring what follows it. */
    private Optional<JsonNode> firstObject(String text) {
        int from = text.indexOf('{');
        for (int tries = 0; from >= 0 && tries < MAX_OBJECT_STARTS; tries++) {
            try {
                JsonNode node = firstValue.readValue(text.substring(from));
                if (node != null && node.isObject()) {
                    return Optional.of(node);
                }
            } catch (RuntimeException e) {
                // not an object here; try the next '{'
            }
            from = text.indexOf('{', from + 1);
        }
        return Optional.empty();
    }

    private static void normaliseKeyCase(ObjectNode object, List<String> required) {
        for (String name : required) {
            if (object.has(name)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    object.set(name, entry.getValue());
                    break;
                }
            }
        }
    }
}
