package com.primejennie.scoutjob.scout.analyst;

import com.primejennie.shared.llm.ResponseSchema;

/**
 * The unified analyst's answer (spec §3.7 step 6): {@code {"score": 0-100, "grade": "S|A|B|C|D", "reason": "..."}}.
 * Sent as the response format and checked on every answer; an answer outside it is a failed call.
 */
public final class AnalystSchema {

    public static final ResponseSchema SCHEMA = ResponseSchema.of("unified_analyst", """
            {"type":"object",
             "properties":{
               "score":{"type":"integer","minimum":0,"maximum":100},
               "grade":{"type":"string","enum":["S","A","B","C","D"]},
               "reason":{"type":"string","minLength":1}
             },
             "required":["score","grade","reason"]}
            """);

    private AnalystSchema() {
    }
}
