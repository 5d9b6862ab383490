package com.primejennie.scoutjob.scout.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.domain.WireJson;

import tools.jackson.databind.JsonNode;

/** The unified analyst's prompt and schema (spec §3.7 step 6, with the v2 maxima instead of the v1 labels). */
class AnalystPromptTest {

    @Test
    void showsTheV2MaximaTheGuardrailAndTheNewsOrThatThereWasNone() {
        var q = DecisionRulesTest.quant(62.5, 14, 12, 55.0, -2.0, "NONE", 1.1);
        String withNews = AnalystPrompt.build(q, "[뉴스1] 삼성전자, HBM4 양산", List.of("시총 상위"), null, null);
        assertThat(withNews).contains("총점: 62.5").contains("모멘텀: 14.0/20").contains("수급: 12.0/20")
                .contains("기술적: 5.0/10").contains("최대 ±15점").contains("[뉴스1] 삼성전자, HBM4 양산")
                .doesNotContain(AnalystPrompt.NO_NEWS).doesNotContain("/25");
        String without = AnalystPrompt.build(q, null, List.of("시총 상위", "거래대금 상위"), "SK하이닉스 리콜 (+5.0)",
                "손절 후 재진입 금지");
        assertThat(without).contains(AnalystPrompt.NO_NEWS).contains("후보 선정 사유: 시총 상위, 거래대금 상위")
                .contains("경쟁사 수혜 기회: SK하이닉스 리콜 (+5.0)").contains("손절 후 재진입 금지");
    }

    @Test
    void schemaAcceptsTheMeasuredAnswerShapeAndRejectsOthers() {
        JsonNode ok = WireJson.mapper().readTree("{\"score\": 85, \"grade\": \"S\", \"reason\": \"HBM4 양산 성공\"}");
        assertThat(AnalystSchema.SCHEMA.violations(ok)).isEmpty();
        for (String bad : List.of("{\"score\": 101, \"grade\": \"S\", \"reason\": \"x\"}",
                "{\"score\": 85.5, \"grade\": \"S\", \"reason\": \"x\"}",
                "{\"score\": 85, \"grade\": \"E\", \"reason\": \"x\"}",
                "{\"score\": 85, \"reason\": \"x\"}")) {
            assertThat(AnalystSchema.SCHEMA.violations(WireJson.mapper().readTree(bad))).as(bad).isNotEmpty();
        }
    }
}
