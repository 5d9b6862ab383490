package com.primejennie.newsarchiver.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextChunkerTest {

    private static int cp(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void keepsAShortOneLinerWhole() {
        String line = "[삼성전자(005930)] 삼성전자, 2분기 영업이익 10조 돌파 | 출처: Naver Finance | 날짜: 2026-02-10";
        assertThat(new TextChunker(250).split(line)).containsExactly(line);
    }

    @Test
    void overlapIsTheSpecsProportionOfTheChunkSize() {
        assertThat(new TextChunker(500).overlap()).isEqualTo(50);
        assertThat(new TextChunker(250).overlap()).isEqualTo(25);
    }

    @Test
    void splitsOnParagraphsFirstAndNeverExceedsTheBudget() {
        String p1 = "가".repeat(120);
        String p2 = "나".repeat(120);
        String p3 = "다".repeat(120);
        List<String> chunks = new TextChunker(250).split(p1 + "\n\n" + p2 + "\n\n" + p3);
        assertThat(chunks).containsExactly(p1 + "\n\n" + p2, p3);
        chunks.forEach(c -> assertThat(cp(c)).isLessThanOrEqualTo(250));
    }

    @Test
    void fallsBackToLinesThenSpacesThenCharactersForLongParagraphs() {
        String words = String.join(" ", java.util.Collections.nCopies(200, "반도체"));   // 799 code points, spaces only
        List<String> byWords = new TextChunker(250).split(words);
        assertThat(byWords).hasSizeGreaterThan(3);
        byWords.forEach(c -> {
            assertThat(cp(c)).isLessThanOrEqualTo(250);
            assertThat(c).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("반도 체");
        });

        String noSpaces = "한".repeat(600);
        List<String> byChars = new TextChunker(250).split(noSpaces);
        byChars.forEach(c -> assertThat(cp(c)).isLessThanOrEqualTo(250));
        assertThat(byChars).hasSize(3);
    }

    @Test
    void neighbouringChunksOverlap() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("단어").append(i).append(' ');
        }
        List<String> chunks = new TextChunker(100).split(text.toString());
        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1);
            String firstWord = chunks.get(i).split(" ")[0];
            assertThat(previous).as("chunk %d starts inside chunk %d", i, i - 1).contains(firstWord);
        }
    }

    @Test
    void countsCodePointsSoSurrogatePairsAreNeverCut() {
        String emoji = "🚀".repeat(600);
        List<String> chunks = new TextChunker(250).split(emoji);
        chunks.forEach(c -> {
            assertThat(cp(c)).isLessThanOrEqualTo(250);
            assertThat(c.codePoints().allMatch(p -> p == "🚀".codePointAt(0))).isTrue();
        });
    }

    @Test
    void blankTextHasNoChunksAndBadSettingsAreRefused() {
        assertThat(new TextChunker(250).split("  \n\n ")).isEmpty();
        assertThatThrownBy(() -> new TextChunker(0)).hasMessageContaining("chunkSize must be >= 1");
        assertThatThrownBy(() -> new TextChunker(10, 10)).hasMessageContaining("overlap");
    }
}
