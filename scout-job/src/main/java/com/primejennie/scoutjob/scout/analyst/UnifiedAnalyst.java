package com.primejennie.scoutjob.scout.analyst;

import java.util.List;

import com.primejennie.scoutjob.scout.quant.QuantResult;
import com.primejennie.shared.llm.ChatMessage;
import com.primejennie.shared.llm.LlmAnswer;
import com.primejennie.shared.llm.LlmClient;
import com.primejennie.shared.llm.LlmOptions;
import com.primejennie.shared.llm.LlmRequest;
import com.primejennie.shared.llm.LlmTier;

import tools.jackson.databind.JsonNode;

/**
 * One unified analyst call on the REASONING tier (spec §3.7 step 6): system + user message, the analyst schema as the
 * response format, temperature 0.2, usage recorded by the shared client under service {@code scout}. Never throws:
 * a failure (unreachable server, deadline, an answer outside the schema) comes back as {@link AnalystOutcome#failed}.
 */
public final class UnifiedAnalyst {

    public static final String SERVICE = "scout";

    private final LlmClient llm;

    public UnifiedAnalyst(LlmClient llm) {
        this.llm = llm;
    }

    public AnalystOutcome analyse(QuantResult quant, String news, List<String> reasons, String competitorNote,
                                  String feedback) {
        String prompt = AnalystPrompt.build(quant, news, reasons, competitorNote, feedback);
        try {
            LlmAnswer answer = llm.complete(LlmRequest.chat(LlmTier.REASONING,
                    List.of(ChatMessage.system(AnalystPrompt.SYSTEM), ChatMessage.user(prompt)), AnalystSchema.SCHEMA,
                    LlmOptions.forService(SERVICE).withTemperature(0.2)));
            JsonNode json = answer.json();
            if (json == null || !json.path("score").isIntegralNumber()) {
                return AnalystOutcome.failed("answer without an integer score");
            }
            int score = json.path("score").asInt();
            String reason = json.path("reason").asString("").strip();
            return AnalystOutcome.ok(score, json.path("grade").asString(""), reason, answer.promptTokens(),
                    answer.completionTokens());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return AnalystOutcome.failed(message.length() > 300 ? message.substring(0, 300) : message);
        }
    }
}
