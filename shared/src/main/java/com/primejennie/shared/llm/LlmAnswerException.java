package com.primejennie.shared.llm;

/**
 * The model answered, but not usefully: no JSON where JSON was required, JSON that violates the response schema, or
 * an empty answer. The message names the schema and shows the start of the raw answer, which is what one needs to
 * fix a prompt.
 */
public class LlmAnswerException extends LlmException {

    static final int RAW_HEAD_CHARS = 200;

    private final String schemaName;
    private final String rawAnswer;

    public LlmAnswerException(String schemaName, String problem, String rawAnswer) {
        super("answer for schema '" + schemaName + "' " + problem + "; raw answer starts: \""
                + head(rawAnswer) + "\"");
        this.schemaName = schemaName;
        this.rawAnswer = rawAnswer == null ? "" : rawAnswer;
    }

    static String head(String raw) {
        if (raw == null) {
            return "";
        }
        String oneLine = raw.replace("\r", "").replace("\n", "\\n");
        if (oneLine.codePointCount(0, oneLine.length()) <= RAW_HEAD_CHARS) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, RAW_HEAD_CHARS)) + "...";
    }

    public String schemaName() {
        return schemaName;
    }

    public String rawAnswer() {
        return rawAnswer;
    }
}
