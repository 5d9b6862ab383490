package com.primejennie.scoutjob.scout.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run reports at its end (status hash {@code report_*} fields and the stats of its {@link
 * com.primejennie.shared.domain.JobResult} on {@code stream:jobs:results}): wall time, candidates per phase, LLM
 * calls, failures and tokens, KIS calls.
 */
public final class RunReport {

    private final Map<String, Integer> phases = new LinkedHashMap<>();
    final AtomicLong kisCalls = new AtomicLong();
    final AtomicLong kisFailures = new AtomicLong();
    final AtomicLong llmCalls = new AtomicLong();
    final AtomicLong llmFailures = new AtomicLong();
    final AtomicLong tokensIn = new AtomicLong();
    final AtomicLong tokensOut = new AtomicLong();
    private long wallMs;
    private final Map<String, Object> notes = new LinkedHashMap<>();

    public synchronized void phase(String name, int candidates) {
        phases.put(name, candidates);
    }

    public synchronized void note(String key, Object value) {
        notes.put(key, value);
    }

    public void wallMs(long ms) {
        this.wallMs = ms;
    }

    public long kisCalls() {
        return kisCalls.get();
    }

    public long llmCalls() {
        return llmCalls.get();
    }

    public synchronized Integer candidates(String phase) {
        return phases.get(phase);
    }

    /** The counters as flat stats (keys without prefix). */
    public synchronized Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_ms", wallMs);
        phases.forEach((k, v) -> m.put("candidates_" + k, v));
        m.put("llm_calls", llmCalls.get());
        m.put("llm_failures", llmFailures.get());
        m.put("llm_tokens_in", tokensIn.get());
        m.put("llm_tokens_out", tokensOut.get());
        m.put("kis_calls", kisCalls.get());
        m.put("kis_failures", kisFailures.get());
        m.putAll(notes);
        return m;
    }

    /** The stats as status-hash fields ({@code report_} prefix). */
    public Map<String, Object> statusFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        stats().forEach((k, v) -> m.put("report_" + k, v));
        return m;
    }
}
