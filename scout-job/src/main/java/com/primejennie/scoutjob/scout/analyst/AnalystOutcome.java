package com.primejennie.scoutjob.scout.analyst;

/**
 * What the unified analyst call gave for one stock: a validated answer ({@link #ok}) or the reason it failed
 * ({@link #failed}). Token counts are those of the call, zero when it never reached a server.
 */
public record AnalystOutcome(Integer score, String grade, String reason, String error, long tokensIn, long tokensOut) {

    public static AnalystOutcome ok(int score, String grade, String reason, long tokensIn, long tokensOut) {
        return new AnalystOutcome(score, grade, reason, null, tokensIn, tokensOut);
    }

    public static AnalystOutcome failed(String error) {
        return new AnalystOutcome(null, null, null, error, 0, 0);
    }

    public boolean succeeded() {
        return error == null && score != null;
    }
}
