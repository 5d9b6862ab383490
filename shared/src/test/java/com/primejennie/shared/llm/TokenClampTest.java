package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The Korean clamp {@code min(requested, max(len - max(codePoints/2, 100) - 64, 256))}, case by case. */
class TokenClampTest {

    static Stream<Arguments> clampTable() {
        return Stream.of(
                // prompt, requested, maxModelLen, expected
                Arguments.of("empty prompt: estimate floors at 100", "", 4096, 4096, 3932),
                Arguments.of("199 chars: 199/2 = 99 -> floor 100", "가".repeat(199), 4096, 4096, 3932),
                Arguments.of("202 chars: 101 estimated", "가".repeat(202), 4096, 4096, 3931),
                Arguments.of("odd length rounds down: 203/2 = 101", "가".repeat(203), 4096, 4096, 3931),
                Arguments.of("spec example: 3000 chars -> 2532", "가".repeat(3000), 4096, 4096, 2532),
                Arguments.of("spec example: 8000 chars -> 256 floor", "가".repeat(8000), 4096, 4096, 256),
                Arguments.of("requested below the budget wins", "가".repeat(3000), 500, 4096, 500),
                Arguments.of("emoji count as one code point each (400, not 800 UTF-16 units)",
                        "😀".repeat(400), 4096, 4096, 3832),
                Arguments.of("mixed Korean, ASCII and emoji: 1000 code points", "삼성전자 HBM4 🚀".repeat(90)
                        + "가".repeat(10), 4096, 4096, 3532),
                Arguments.of("larger context of the old gateway (8192)", "가".repeat(3000), 8192, 8192, 6628),
                Arguments.of("tiny context still grants 256", "", 4096, 300, 256));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clampTable")
    void clampsMaxTokensForKoreanPrompts(String description, String prompt, int requested, int maxModelLen,
                                         int expected) {
        assertThat(new TokenClamp(maxModelLen).clamp(prompt, requested)).isEqualTo(expected);
    }

    @Test
    void chatContentsAreJoinedWithSingleSpaces() {
        // 200 + 1 + 201 = 402 code points -> 201 estimated; without the space it would be 401 -> 200
        List<ChatMessage> chat = List.of(ChatMessage.system("가".repeat(200)), ChatMessage.user("나".repeat(201)));

        assertThat(new TokenClamp(4096).clamp(chat, 4096)).isEqualTo(4096 - 201 - 64);
    }

    @Test
    void mixedPromptHasTheCodePointCountTheTableAssumes() {
        String mixed = "삼성전자 HBM4 🚀".repeat(90) + "가".repeat(10);
        assertThat(mixed.codePointCount(0, mixed.length())).isEqualTo(1000);
    }

    @Test
    void rejectsNonPositiveRequestedTokensNamingTheArgument() {
        assertThatThrownBy(() -> new TokenClamp(4096).clamp("prompt", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requested max tokens");
        assertThatThrownBy(() -> new TokenClamp(0)).hasMessageContaining("maxModelLen");
    }
}
