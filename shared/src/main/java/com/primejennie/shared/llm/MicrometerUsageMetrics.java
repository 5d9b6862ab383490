package com.primejennie.shared.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Usage as Prometheus sees it, per tier (or EMBEDDING) and model: {@code jennie.llm.calls} (with outcome and
 * service), {@code jennie.llm.tokens} (direction in/out) and the {@code jennie.llm.latency} timer.
 */
public final class MicrometerUsageMetrics implements LlmUsageRecorder {

    private final MeterRegistry registry;

    public MicrometerUsageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(LlmUsage usage) {
        String outcome = usage.success() ? "success" : "failure";
        Counter.builder("jennie.llm.calls").description("LLM HTTP calls")
                .tags("tier", usage.kind(), "model", usage.model(), "provider", usage.provider(),
                        "service", usage.service(), "outcome", outcome)
                .register(registry).increment();
        tokens(usage, "in", usage.tokensIn());
        tokens(usage, "out", usage.tokensOut());
        Timer.builder("jennie.llm.latency").description("LLM call latency, retries included")
                .tags("tier", usage.kind(), "model", usage.model(), "outcome", outcome)
                .register(registry).record(usage.elapsed());
    }

    private void tokens(LlmUsage usage, String direction, long amount) {
        if (amount > 0) {
            Counter.builder("jennie.llm.tokens").description("LLM tokens")
                    .tags("tier", usage.kind(), "model", usage.model(), "direction", direction)
                    .register(registry).increment(amount);
        }
    }
}
