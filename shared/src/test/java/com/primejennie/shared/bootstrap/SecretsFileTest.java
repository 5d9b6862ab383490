package com.primejennie.shared.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsFlatObjectAndExposesBothSeparatorSpellings() throws IOException {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"mariadb-password\":\"pw\",\"telegram_chat_id\":12345,\"dashboard-username\":\"관리자\"}");

        Map<String, Object> props = SecretsFile.asPrefixedProperties(SecretsFile.read(file));

        assertThat(props).containsEntry("secrets.mariadb-password", "pw")
                .containsEntry("secrets.mariadb_password", "pw")
                .containsEntry("secrets.telegram_chat_id", "12345")
                .containsEntry("secrets.telegram-chat-id", "12345")
                .containsEntry("secrets.dashboard-username", "관리자");
    }

    @Test
    void exactKeyWinsOverSwappedSpelling() {
        Map<String, Object> props = SecretsFile.asPrefixedProperties(
                new java.util.LinkedHashMap<>(Map.of("a-b", "dash", "a_b", "underscore")));

        assertThat(props).containsEntry("secrets.a-b", "dash").containsEntry("secrets.a_b", "underscore");
    }

    @Test
    void malformedFileIsAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> SecretsFile.read(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void nonObjectFileIsRejected() throws IOException {
        Path file = dir.resolve("array.json");
        Files.writeString(file, "[1,2]");

        assertThatThrownBy(() -> SecretsFile.read(file)).hasMessageContaining("must hold a JSON object");
    }

    @Test
    void configuredPathThatDoesNotExistMeansNoSecrets() {
        assertThat(SecretsFile.resolvePath(dir.resolve("absent.json").toString())).isNull();
        assertThat(SecretsFile.read(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"mariadb-password,mariadb_password", "kis_r_app_key,kis-r-app-key", "plain,plain", "a-b_c,a_b-c"})
    void swapsDashAndUnderscore(String key, String swapped) {
        assertThat(SecretsFile.swapSeparators(key)).isEqualTo(swapped);
    }
}
