package com.primejennie.scoutjob.scout.run;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.primejennie.scoutjob.scout.support.FakeAnalystServer;
import com.primejennie.scoutjob.scout.support.ScoutOnSim;
import com.primejennie.shared.domain.JobResult;

/**
 * One full scout run against kis-sim at the paper rate budget (mock profile: 2 requests/s on the app key), over
 * kis-sim's whole universe, with an analyst that answers in the measured 1.46 s (EXAONE on vLLM, one analysis).
 * Not a test (no Test suffix): run by {@code scripts/bench-scout.sh}, which prints the summary line.
 */
class ScoutBench {

    @Test
    void oneRunAtThePaperBudget() throws Exception {
        long latency = Long.parseLong(System.getProperty("bench.llm-latency-ms", "1460"));
        try (FakeAnalystServer llm = new FakeAnalystServer(latency);
             ScoutOnSim scout = ScoutOnSim.start(llm, Map.of("jennie.scout.universe-size", "200"))) {
            JobResult r = scout.awaitResult(scout.publish("bench"), Duration.ofMinutes(30));
            Map<String, Object> s = r.stats();
            System.out.printf("scout: status %s, candidates %s, analysed %s, final %s, llm calls %s (%s tokens in, %s out),"
                            + " kis calls %s, wall %.1f s%n", r.status(), s.get("candidates_universe"),
                    s.get("candidates_after_smart_skip"), s.get("candidates_final"), s.get("llm_calls"),
                    s.get("llm_tokens_in"), s.get("llm_tokens_out"), s.get("kis_calls"),
                    ((Number) s.getOrDefault("wall_ms", 0)).doubleValue() / 1000);
        }
    }
}
