package com.primejennie.shared.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A named JSON schema an answer must satisfy. It is sent as {@code response_format: {type: json_schema}} (or written
 * into the prompt when a provider's structured output is off) and every answer is validated against it on the
 * client, since constrained decoding is not a guarantee and prompt-only JSON even less so.
 */
public final class ResponseSchema {

    /** A thread-safe factory holding no per-call state; schemas without {@code $schema} are read as 2020-12. */
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String name;
    private final JsonNode schema;
    private final Schema compiled;

    private ResponseSchema(String name, JsonNode schema) {
        Objects.requireNonNull(name, "name must not be null");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(
                    "name must be 1-64 letters, digits, '_' or '-' (OpenAI's rule for json_schema.name), was '"
                            + name + "'");
        }
        Objects.requireNonNull(schema, "schema must not be null");
        if (!schema.isObject()) {
            throw new IllegalArgumentException("schema '" + name + "' must be a JSON object, was " + schema);
        }
        this.name = name;
        this.schema = schema.deepCopy();
        this.compiled = REGISTRY.getSchema(this.schema);
    }

    public static ResponseSchema of(String name, JsonNode schema) {
        return new ResponseSchema(name, schema);
    }

    /** From the schema's JSON text. */
    public static ResponseSchema of(String name, String schemaJson) {
        Objects.requireNonNull(schemaJson, "schemaJson must not be null");
        JsonNode node;
        try {
            node = MAPPER.readTree(schemaJson);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schemaJson of '" + name + "' is not JSON: " + e.getMessage(), e);
        }
        return new ResponseSchema(name, node);
    }

    public String name() {
        return name;
    }

    /** A copy of the schema document. */
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /** The schema's top-level {@code required} property names. */
    public List<String> required() {
        List<String> names = new ArrayList<>();
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            required.forEach(n -> names.add(n.asString()));
        }
        return names;
    }

    /** Violations of the schema by {@code answer}, empty when it is valid. */
    public List<String> violations(JsonNode answer) {
        return compiled.validate(answer).stream().map(e -> e.getMessage()).toList();
    }

    @Override
    public String toString() {
        return "ResponseSchema[" + name + "]";
    }
}
