package com.primejennie.newsarchiver.sentiment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.primejennie.shared.llm.LlmClient;
import com.primejennie.shared.llm.LlmOptions;
import com.primejennie.shared.llm.LlmTier;
import com.primejennie.shared.llm.ResponseSchema;

import tools.jackson.databind.JsonNode;

/**
 * Asks the FAST tier how one news item moves its stock: a score 0-100 (80+ strongly positive, 20- strongly negative,
 * the Python {@code SENTIMENT_RESPONSE_SCHEMA}, spec/llm-dashboard-infra.md §1.11) and a one-line reason, as JSON
 * validated against the schema. Failures throw (the caller retries the item later).
 */
public class SentimentScorer {

    /** Usage tag, as the Python news-analyzer counted it. */
    public static final String SERVICE = "news_analysis";

    static final ResponseSchema SCHEMA = ResponseSchema.of("news_sentiment", """
            {"type": "object",
             "properties": {
               "score": {"type": "number", "minimum": 0, "maximum": 100},
               "reason": {"type": "string", "minLength": 1}
             },
             "required": ["score", "reason"]}""");

    private static final Pattern TITLE = Pattern.compile("^\\[[^\\]]*\\]\\s*(.*?)(\\s*\\|\\s*출처:.*)?$");

    private final LlmClient llm;

    public SentimentScorer(LlmClient llm) {
        this.llm = llm;
    }

    public Score score(String stockCode, String stockName, String text) {
        String company = stockName == null ? stockCode : stockName + "(" + stockCode + ")";
        String prompt = """
                당신은 한국 주식 뉴스 감성 분석가입니다. 아래 뉴스가 %s 주가에 미치는 영향을 0~100 점으로 평가하세요.
                80 이상은 강한 호재, 50은 중립, 20 이하는 강한 악재입니다.
                이유(reason)는 한국어 한 문장으로 짧게 쓰세요.

                뉴스: %s

                JSON으로만 답하세요: {"score": 점수, "reason": "한 줄 이유"}""".formatted(company, text);
        JsonNode answer = llm.generateJson(LlmTier.FAST, prompt, SCHEMA,
                LlmOptions.forService(SERVICE).withTemperature(0.1).withMaxTokens(256));
        double score = answer.get("score").asDouble();
        String reason = answer.get("reason").asString().replaceAll("\\s+", " ").strip();
        return new Score(Math.round(score * 10.0) / 10.0, reason);
    }

    /** The title of a collector one-liner ({@code [삼성전자(005930)] <title> | 출처: …}), or the text itself. */
    public static String headline(String pageContent) {
        String firstLine = pageContent.strip().lines().findFirst().orElse("");
        Matcher m = TITLE.matcher(firstLine);
        return m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : firstLine;
    }

    /** A score and its one-line reason. */
    public record Score(double score, String reason) {
    }
}
