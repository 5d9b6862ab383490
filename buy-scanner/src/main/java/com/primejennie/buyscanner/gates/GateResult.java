package com.primejennie.buyscanner.gates;

import java.util.List;

/** What a gate decided, with the checks it reports (most gates one, the combined-risk gate three). */
public record GateResult(boolean passed, List<GateCheck> checks) {

    public GateResult {
        checks = List.copyOf(checks);
    }

    public static GateResult of(String name, boolean passed, Object value, Object threshold) {
        return new GateResult(passed, List.of(new GateCheck(name, passed, value, threshold)));
    }
}
