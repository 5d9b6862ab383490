package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelMapTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "exaone3.5:7.8b, LGAI-EXAONE/EXAONE-4.0-32B-AWQ",
            "exaone,         LGAI-EXAONE/EXAONE-4.0-32B-AWQ",
            "gpt-oss:20b,    LGAI-EXAONE/EXAONE-4.0-32B-AWQ",
            "gemma3:27b,     LGAI-EXAONE/EXAONE-4.0-32B-AWQ",
            "qwen3:32b,      qwen3:32b",
            "deepseek-chat,  deepseek-chat",
            "LGAI-EXAONE/EXAONE-4.0-32B-AWQ, LGAI-EXAONE/EXAONE-4.0-32B-AWQ"})
    void mapsTheFourLegacyNamesAndPassesOthersThrough(String requested, String served) {
        assertThat(ModelMap.defaults().resolve(requested)).isEqualTo(served);
    }

    @Test
    void isConfiguration() {
        ModelMap custom = new ModelMap(Map.of("exaone", "Qwen/Qwen3-32B-AWQ"));

        assertThat(custom.resolve("exaone")).isEqualTo("Qwen/Qwen3-32B-AWQ");
        assertThat(custom.resolve("gemma3:27b")).isEqualTo("gemma3:27b");
    }
}
