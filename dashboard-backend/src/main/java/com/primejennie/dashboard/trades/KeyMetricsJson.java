package com.primejennie.dashboard.trades;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** TRADELOG's KEY_METRICS_JSON as a tree; absent or unreadable text is an empty object. */
public final class KeyMetricsJson {

    private KeyMetricsJson() {
    }

    public static JsonNode parse(JsonMapper json, String text) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : JsonNodeFactory.instance.objectNode();
        } catch (RuntimeException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
