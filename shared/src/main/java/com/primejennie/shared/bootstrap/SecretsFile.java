package com.primejennie.shared.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Python suite's {@code secrets.json}: a flat JSON object of secret ids ({@code mariadb-password},
 * {@code telegram-bot-token}, ...) to string values.
 *
 * <p>Lookup order of the file is the Python one: {@code SECRETS_FILE}, else {@code /app/config/secrets.json}, else
 * {@code ./secrets.json}. A missing file is normal (secrets may come from the environment); an unreadable or malformed
 * file is an error that names the file, because silently running without credentials is worse than not starting.
 */
public final class SecretsFile {

    static final Path CONTAINER_DEFAULT = Path.of("/app/config/secrets.json");
    static final Path WORKING_DIR_DEFAULT = Path.of("secrets.json");

    private SecretsFile() {
    }

    /** The file to read, or {@code null} when none exists. */
    public static Path resolvePath(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            return Files.isRegularFile(path) ? path : null;
        }
        if (Files.isRegularFile(CONTAINER_DEFAULT)) {
            return CONTAINER_DEFAULT;
        }
        return Files.isRegularFile(WORKING_DIR_DEFAULT) ? WORKING_DIR_DEFAULT : null;
    }

    /** The secrets of the file as given (values as text); empty when {@code path} is null. */
    public static Map<String, Object> read(Path path) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        if (path == null) {
            return secrets;
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(path));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("secrets file " + path + " is not readable JSON: " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw new IllegalStateException("secrets file " + path + " must hold a JSON object, found " + root.getNodeType());
        }
        for (var entry : root.properties()) {
            JsonNode value = entry.getValue();
            secrets.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
        }
        return secrets;
    }

    /**
     * Each secret as {@code secrets.<key>}, plus the key with {@code -} and {@code _} swapped, as the Python lookup
     * also tries that spelling.
     */
    public static Map<String, Object> asPrefixedProperties(Map<String, Object> secrets) {
        Map<String, Object> properties = new LinkedHashMap<>();
        secrets.forEach((key, value) -> {
            properties.put("secrets." + key, value);
            properties.putIfAbsent("secrets." + swapSeparators(key), value);
        });
        return properties;
    }

    static String swapSeparators(String key) {
        StringBuilder swapped = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            swapped.append(c == '-' ? '_' : c == '_' ? '-' : c);
        }
        return swapped.toString();
    }
}
