package com.primejennie.scoutjob.scout.analyst;

import java.util.Locale;

import com.primejennie.scoutjob.scout.quant.QuantResult;

/**
 * The unified analyst's prompt (spec §3.7 step 6): the stock, a quant summary with the <b>v2</b> category maxima
 * (the Python prompt labelled v2 scores with the v1 maxima 25/20/15/10/15/15 and showed an empty dual-track block;
 * both dropped), the news context (or a plain statement that no news was available), the optional feedback guideline,
 * and the calibrator instruction: start from the quant score and move at most ±15, with evidence.
 */
public final class AnalystPrompt {

    /** What the prompt says when news-archiver could not be asked. */
    public static final String NO_NEWS = "뉴스 검색 서비스를 사용할 수 없어 뉴스가 제공되지 않았습니다. 뉴스 없이 판단하세요.";
    public static final String SYSTEM = "You are a helpful assistant. Always answer with valid JSON only.";

    private AnalystPrompt() {
    }

    /**
     * @param news    the news text, or null when news-archiver was not available
     * @param reasons why the stock is a candidate (shown when there is no news, as the Python scout did)
     */
    public static String build(QuantResult q, String news, java.util.List<String> reasons, String competitorNote,
                               String feedback) {
        StringBuilder p = new StringBuilder();
        p.append("당신은 한국 주식 분석가(보정자)입니다. 정량 점수를 출발점으로 뉴스와 정성 정보를 근거로 점수를 보정하세요.\n\n");
        p.append("## 종목\n").append(q.name()).append(" (").append(q.code()).append(")\n");
        p.append("섹터: ").append(q.sector() == null ? "기타" : q.sector()).append('\n');
        p.append("\n## 정량 분석 (v2)\n");
        p.append(String.format(Locale.ROOT, "총점: %.1f (차트 단계 %s, x%.1f)%n", q.total(), q.stage(),
                q.stageMultiplier()));
        p.append(String.format(Locale.ROOT, "- 모멘텀: %.1f/20%n- 품질: %.1f/20%n- 가치: %.1f/20%n- 기술적: %.1f/10%n"
                + "- 뉴스: %.1f/10%n- 수급: %.1f/20%n", q.momentum(), q.quality(), q.value(), q.technical(), q.news(),
                q.supplyDemand()));
        if (!q.missing().isEmpty()) {
            p.append("데이터 누락: ").append(String.join(", ", q.missing())).append(" (해당 항목은 중립 점수)\n");
        }
        p.append("\n## 최근 뉴스\n").append(news == null || news.isBlank() ? NO_NEWS : news).append('\n');
        if ((news == null || news.isBlank()) && reasons != null && !reasons.isEmpty()) {
            p.append("후보 선정 사유: ").append(String.join(", ", reasons)).append('\n');
        }
        if (competitorNote != null && !competitorNote.isBlank()) {
            p.append("경쟁사 수혜 기회: ").append(competitorNote).append('\n');
        }
        if (feedback != null && !feedback.isBlank()) {
            p.append("\n## 과거 판단 피드백 (참고용, 채점 방식은 바꾸지 마세요)\n").append(feedback).append('\n');
        }
        p.append("\n## 지시\n");
        p.append(String.format(Locale.ROOT, "정량 점수 %.0f점에서 시작해 최대 ±15점만 조정하세요. ", q.total()));
        p.append("강한 호재 +10~15, 보통 호재 +3~10, 중립 0, 악재 -5~10, 치명적 악재 -10~15. 근거 없는 조정은 금지합니다.\n");
        p.append("리스크 태그는 쓰지 마세요. 한 줄 JSON으로만 답하세요: ");
        p.append("{\"score\": 0-100 정수, \"grade\": \"S|A|B|C|D\", \"reason\": \"한 줄 근거\"}");
        return p.toString();
    }
}
