package com.primejennie.shared.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telegram's 4096-character limit: the Python sender did not split, so long messages failed [QUIRK, fixed]. */
class MessageSplitterTest {

    @ParameterizedTest(name = "{0} chars of lines -> {1} parts")
    @CsvSource({"10, 1", "4096, 1", "4097, 2", "8000, 2", "8192, 3", "20000, 5"})
    void splitsAtLineBreaksIntoPartsTelegramAccepts(int length, int expectedParts) {
        String text = lines(length);

        List<String> parts = MessageSplitter.split(text, MessageSplitter.TELEGRAM_LIMIT);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).hasSize(expectedParts)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        parts.subList(0, parts.size() - 1).forEach(part -> assertThat(part).endsWith("\n"));
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        for (int offset = 0; offset < 4; offset++) {
            String text = "a".repeat(offset + 4093) + "📈📉🚨" + "b".repeat(100);

            List<String> parts = MessageSplitter.split(text, MessageSplitter.TELEGRAM_LIMIT);

            assertThat(String.join("", parts)).isEqualTo(text);
            for (String part : parts) {
                assertThat(part.length()).isLessThanOrEqualTo(4096);
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("offset %d", offset)
                        .isFalse();
                assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            }
        }
    }

    @Test
    void withoutLineBreaksItCutsAtASpaceThenHard() {
        String words = ("매수 " ).repeat(3000);
        List<String> parts = MessageSplitter.split(words, 4096);
        assertThat(parts.get(0)).endsWith(" ");
        assertThat(String.join("", parts)).isEqualTo(words);

        String solid = "가".repeat(5000);
        assertThat(MessageSplitter.split(solid, 4096)).extracting(String::length).containsExactly(4096, 904);
    }

    private static String lines(int length) {
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < length) {
            String next = "종목 " + (line++) + " 삼성전자 (005930) 71,500원 +1.2%\n";
            text.append(next, 0, Math.min(next.length(), length - text.length()));
        }
        return text.toString();
    }
}
