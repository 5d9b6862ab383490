package com.primejennie.shared.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Spec §1.3 parsing order: think tags, whole text, ```json fence, ``` fence, first JSON object; then the schema. */
class AnswerParserTest {

    private final AnswerParser parser = new AnswerParser(VllmFixtures.MAPPER);
    private final ResponseSchema schema = ResponseSchema.of("sentiment", VllmFixtures.SENTIMENT_SCHEMA);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"score\": 85, \"reason\": \"HBM4 양산\"}",
            "<think>\n점수를 매겨 보자. {\"score\": 1}\n</think>\n{\"score\": 85, \"reason\": \"HBM4 양산\"}",
            "<think>a</think><think>b</think>  {\"score\": 85, \"reason\": \"HBM4 양산\"}  ",
            "분석 결과입니다.\n```json\n{\"score\": 85, \"reason\": \"HBM4 양산\"}\n```\n감사합니다.",
            "```\n{\"score\": 85, \"reason\": \"HBM4 양산\"}\n```",
            "결과: {\"score\": 85, \"reason\": \"HBM4 양산\"} 그리고 참고: {\"other\": true}",
            "Score {not json} then {\"score\": 85, \"reason\": \"HBM4 양산\"}"})
    void extractsTheAnswerWhereverTheModelPutIt(String raw) {
        JsonNode json = parser.parse(raw, schema);

        assertThat(json.get("score").asInt()).isEqualTo(85);
        assertThat(json.get("reason").asString()).isEqualTo("HBM4 양산");
    }

    @Test
    @DisplayName("[QUIRK fixed] the fallback takes the first complete JSON object, not first '{' to last '}'")
    void fallbackTakesTheFirstObjectNotTheSpanToTheLastBrace() {
        // Python's slice from the first '{' to the last '}' would be invalid JSON here
        JsonNode json = parser.parse("점수: {\"score\": 60, \"reason\": \"중립\"}\n참고 {\"source\": \"연합뉴스\"}", schema);

        assertThat(json.get("score").asInt()).isEqualTo(60);
        assertThat(json.has("source")).isFalse();
    }

    @Test
    void copiesKeysThatDifferOnlyInCaseToTheRequiredName() {
        JsonNode json = parser.parse("{\"Score\": 70, \"REASON\": \"보통\"}", schema);

        assertThat(json.get("score").asInt()).isEqualTo(70);
        assertThat(json.get("reason").asString()).isEqualTo("보통");
    }

    @Test
    void schemaViolationNamesTheSchemaAndShowsTheRawAnswer() {
        assertThatThrownBy(() -> parser.parse("{\"score\": 185, \"reason\": \"과열\"}", schema))
                .isInstanceOf(LlmAnswerException.class)
                .hasMessageContaining("'sentiment'")
                .hasMessageContaining("violates the schema")
                .hasMessageContaining("raw answer starts: \"{\"score\": 185");
    }

    @Test
    void missingRequiredFieldIsAViolation() {
        assertThatThrownBy(() -> parser.parse("{\"score\": 50}", schema))
                .isInstanceOf(LlmAnswerException.class).hasMessageContaining("reason");
    }

    @Test
    void proseWithoutJsonIsRejectedWithItsStart() {
        String prose = "죄송합니다. 이 뉴스는 분석할 수 없습니다. ".repeat(20);

        assertThatThrownBy(() -> parser.parse(prose, schema))
                .isInstanceOf(LlmAnswerException.class)
                .hasMessageContaining("contains no JSON object")
                .hasMessageContaining("raw answer starts: \"죄송합니다.")
                .hasMessageEndingWith("...\"");
    }

    @Test
    void reasoningWithoutFinalAnswerIsReportedAsSuch() {
        assertThatThrownBy(() -> parser.parse("<think>긴 추론만 하고 끝남</think>  ", schema))
                .isInstanceOf(LlmAnswerException.class).hasMessageContaining("reasoning but no final JSON");
        assertThatThrownBy(() -> parser.parse("<think>잘린 추론", schema))
                .isInstanceOf(LlmAnswerException.class).hasMessageContaining("reasoning but no final JSON");
    }

    @Test
    void emptyAnswerIsReported() {
        assertThatThrownBy(() -> parser.parse("", schema)).hasMessageContaining("is empty");
    }
}
